//! `podium`: parse the command line, run it, map errors to exit codes. The browser and every
//! subcommand live in their own modules; this file only glues them together.

// Tests may unwrap: a failing unwrap there is a failing test.
#![cfg_attr(test, allow(clippy::unwrap_used))]

mod cli;
mod tui;

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::parse().and_then(run) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Messages quote file names and input text: clean them like any other output.
            let message = format!("{e:#}");
            let message = podium::sanitize::clean(&message, podium::sanitize::Keep::Nothing);
            let _ = writeln!(std::io::stderr().lock(), "podium: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(command: cli::Command) -> anyhow::Result<ExitCode> {
    match command {
        cli::Command::Browse(source, _) if source.is_library() => {
            let files = source.discover();
            if files.is_empty() {
                anyhow::bail!("no session files (.txt .md .vtt .srt .json) found");
            }
            tui::run_library(tui::LibrarySource {
                files,
                format: source.format,
                cache: source.cache(),
            })?;
            Ok(ExitCode::SUCCESS)
        }
        cli::Command::Browse(source, media) => {
            tui::run(source.load()?, source.paths.first().cloned(), media)?;
            Ok(ExitCode::SUCCESS)
        }
        cli::Command::Bench { turns } => {
            tui::bench::frame(turns)?;
            Ok(ExitCode::SUCCESS)
        }
        other => cli::run(other),
    }
}

/// A reader that stops early (`podium search x | head`) is not an error. serde_json's error
/// hides the I/O error it wraps from the source chain, so it is asked directly.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
    })
}
