//! Copying out of a terminal program: the OSC 52 escape sequence asks the terminal to set the
//! clipboard, which works over SSH; inside tmux the text also goes into tmux's buffer (and on to
//! the outer clipboard where tmux is set up for it).

use std::io::Write;
use std::process::{Command, Stdio};

use base64::Engine;

/// Copies `text`; says how, for the footer.
pub fn copy(text: &str) -> std::io::Result<&'static str> {
    let text = &*pasteable(text);
    let mut out = std::io::stdout().lock();
    out.write_all(osc52(text).as_bytes())?;
    out.flush()?;
    if std::env::var_os("TMUX").is_some() && to_tmux(text).is_ok() {
        return Ok("OSC 52 and the tmux buffer");
    }
    Ok("OSC 52")
}

/// What is copied of `text`: cleaned like everything Podium prints, so what a reader pastes
/// can neither end bracketed paste (`ESC [ 201 ~`) nor run a line (`CR`) in their shell.
pub fn pasteable(text: &str) -> std::borrow::Cow<'_, str> {
    podium::sanitize::clean(text, podium::sanitize::Keep::Nothing)
}

/// The OSC 52 sequence that sets the clipboard to `text`. The text travels base64-encoded, so
/// nothing in it can end the sequence early or reach the terminal as a control.
pub fn osc52(text: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{encoded}\x07")
}

fn to_tmux(text: &str) -> std::io::Result<()> {
    let mut child = Command::new("tmux")
        .args(["load-buffer", "-w", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(text.as_bytes())?;
    }
    let status = child.wait()?;
    if status.success() {
        Ok(())
    } else {
        Err(std::io::Error::other("tmux load-buffer failed"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copied_quote_cannot_run_a_command_when_pasted() {
        let quote = "Harmless quote.\x1b[201~\rtouch /tmp/PWNED\r More.";
        let copied = pasteable(quote);
        assert!(!copied.contains(['\x1b', '\r', '\n', '\x07']), "{copied}");
        assert_eq!(copied, "Harmless quote.␛[201~␍touch /tmp/PWNED␍ More.");
    }

    #[test]
    fn osc52_carries_any_text_base64_encoded() {
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
        let hostile = osc52("a\x07\x1b]0;pwned\x1b\\b");
        let body = &hostile[7..hostile.len() - 1];
        assert!(
            body.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
        );
        assert_eq!(
            hostile.matches('\x07').count(),
            1,
            "one terminator, at the end"
        );
    }
}
