//! `podium`: parse the command line, run it, map errors to exit codes. The browser and every
//! subcommand live in their own modules; this file only glues them together.

// Tests may unwrap: a failing unwrap there is a failing test.
#![cfg_attr(test, allow(clippy::unwrap_used))]

mod cli;
mod tui;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::parse().and_then(run) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("podium: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(command: cli::Command) -> anyhow::Result<ExitCode> {
    match command {
        cli::Command::Browse(source) if source.is_library() => {
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
        cli::Command::Browse(source) => {
            tui::run(source.load()?, source.paths.first().cloned())?;
            Ok(ExitCode::SUCCESS)
        }
        cli::Command::Bench { turns } => {
            tui::bench::frame(turns)?;
            Ok(ExitCode::SUCCESS)
        }
        other => cli::run(other),
    }
}

/// A reader that stops early (`podium search x | head`) is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
