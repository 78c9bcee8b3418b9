//! What the command line prints besides its results: warnings and notes on stderr (input text
//! in them cleaned for the terminal), and whole documents on stdout whose write failures are
//! errors, not silence.

use std::borrow::Cow;
use std::fmt::Display;
use std::io::Write;

use podium::sanitize::{self, Keep};

/// Text from an input, cleaned for one line of a terminal (see [`podium::sanitize`]).
pub fn clean(text: &str) -> Cow<'_, str> {
    sanitize::clean(text, Keep::Nothing)
}

/// `podium: warning: …` on stderr.
pub fn warn(message: impl Display) {
    note(format_args!("warning: {message}"));
}

/// `podium: …` on stderr. A stderr that cannot be written to is not worth dying for.
pub fn note(message: impl Display) {
    let line = message.to_string();
    let _ = writeln!(std::io::stderr().lock(), "podium: {}", clean(&line));
}

/// Writes `bytes` to stdout and flushes, so a full disk or a closed pipe is an error.
pub fn print(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()
}

/// Prints clap's help, version or usage error. Help and version go to stdout, and failing to
/// write them is an error (`podium --help > /dev/full` must not succeed); usage errors go to
/// stderr. Returns clap's exit code.
pub fn clap_message(e: &clap::Error) -> anyhow::Result<u8> {
    use anyhow::Context;
    // A usage error quotes the arguments, and a hostile file name is an argument: the message
    // is cleaned like everything else printed (and so goes out without clap's colours).
    let text = e.render().to_string();
    let text = podium::sanitize::clean(&text, podium::sanitize::Keep::TabAndNewline);
    if e.use_stderr() {
        let mut err = std::io::stderr().lock();
        err.write_all(text.as_bytes())
            .and_then(|()| err.flush())
            .context("cannot write")?;
    } else {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())
            .and_then(|()| out.flush())
            .context("cannot write")?;
    }
    Ok(u8::try_from(e.exit_code()).unwrap_or(2))
}

/// Refuses an `-o` target that exists (whatever it is) unless `force`, before any work is done;
/// [`podium::files::write_output`] checks again when it writes.
pub fn refuse_existing(
    path: &std::path::Path,
    force: bool,
) -> Result<(), podium::files::FileError> {
    use podium::files::{FileError, FileErrorKind};
    if !force && std::fs::symlink_metadata(path).is_ok() {
        return Err(FileError::new(path, FileErrorKind::Exists));
    }
    Ok(())
}
