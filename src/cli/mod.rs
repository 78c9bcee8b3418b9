//! The command line: the only place that knows clap. Raw arguments ([`args`]) are checked into
//! a [`Command`] before anything runs; each subcommand has its own file.

mod args;
mod check;
mod codes;
mod groups;
mod import;
mod input;
mod out;
mod redaction;
mod search;
mod stats;
mod summary;
mod synth;
mod table;
mod takeout;
mod timeline;
mod values;
mod words;

use std::process::ExitCode;

pub use args::Cli;
use clap::{CommandFactory, Parser};

/// What a run of `podium` does, after its arguments are checked.
pub enum Command {
    /// The browser, with the recording `--media` names.
    Browse(input::Source, Option<std::path::PathBuf>),
    Import(import::Import),
    Stats(stats::Stats),
    /// `stats --by`, or `stats` of a library.
    Groups(groups::Groups),
    Search(search::Search),
    Summary(summary::Summary),
    Words(words::Words),
    Timeline(timeline::Timeline),
    Synth(synth::Synth),
    Cite(takeout::Cite),
    Export(takeout::Export),
    Kwic(takeout::Kwic),
    Codes(codes::Codes),
    /// The hidden frame benchmark; run by `main`, which owns the browser.
    Bench {
        turns: usize,
    },
    Formats,
    Completions(clap_complete::Shell),
    Man,
    /// Help, version or a usage error, printed by [`run`] so that a failed write is an error.
    Clap(clap::Error),
    Check(check::Check),
}

/// Parses the process arguments and checks them into a command.
pub fn parse() -> anyhow::Result<Command> {
    match Cli::try_parse() {
        Ok(cli) => cli.into_command(),
        Err(e) => Ok(Command::Clap(e)),
    }
}

/// Runs a non-interactive command. The browser is started by `main`.
///
/// Everything printed from an input passes through [`podium::sanitize`] (JSON excepted: serde
/// escapes control characters itself).
pub fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Browse(..) | Command::Bench { .. } => {
            unreachable!("main runs the browser and its benchmark")
        }
        Command::Synth(c) => c.run(),
        Command::Cite(c) => c.run(),
        Command::Export(c) => c.run(),
        Command::Kwic(c) => c.run(),
        Command::Codes(c) => c.run(),
        Command::Import(c) => c.run(),
        Command::Stats(c) => c.run(),
        Command::Groups(c) => c.run(),
        Command::Search(c) => c.run(),
        Command::Check(c) => c.run(),
        Command::Summary(c) => c.run(),
        Command::Words(c) => c.run(),
        Command::Timeline(c) => c.run(),
        Command::Formats => {
            let mut text = String::new();
            for f in podium::formats::Format::ALL {
                text.push_str(&format!("{:<12} {}\n", f.name(), f.description()));
            }
            out::print(text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions(shell) => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "podium", &mut script);
            out::print(&script)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut page)?;
            out::print(&page)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Clap(e) => Ok(ExitCode::from(out::clap_message(&e)?)),
    }
}
