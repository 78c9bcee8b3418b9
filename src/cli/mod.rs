//! The command line: the only place that knows clap. Raw arguments ([`args`]) are checked into
//! a [`Command`] before anything runs; each subcommand has its own file.

mod args;
mod check;
mod import;
mod input;
mod search;
mod stats;
mod synth;
mod table;
mod takeout;

use std::process::ExitCode;

pub use args::Cli;
use clap::Parser;

/// What a run of `podium` does, after its arguments are checked.
pub enum Command {
    Browse(input::Source),
    Import(import::Import),
    Stats(stats::Stats),
    Search(search::Search),
    Synth(synth::Synth),
    Cite(takeout::Cite),
    Export(takeout::Export),
    Kwic(takeout::Kwic),
    /// The hidden frame benchmark; run by `main`, which owns the browser.
    Bench {
        turns: usize,
    },
    Formats,
    Check(check::Check),
}

/// Parses the process arguments; clap prints usage errors and exits 2 itself.
pub fn parse() -> anyhow::Result<Command> {
    Cli::parse().into_command()
}

/// Runs a non-interactive command. The browser is started by `main`.
pub fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Browse(_) | Command::Bench { .. } => {
            unreachable!("main runs the browser and its benchmark")
        }
        Command::Synth(c) => c.run(),
        Command::Cite(c) => c.run(),
        Command::Export(c) => c.run(),
        Command::Kwic(c) => c.run(),
        Command::Import(c) => c.run(),
        Command::Stats(c) => c.run(),
        Command::Search(c) => c.run(),
        Command::Check(c) => c.run(),
        Command::Formats => {
            let mut out = std::io::stdout().lock();
            for f in podium::formats::Format::ALL {
                use std::io::Write;
                writeln!(out, "{:<12} {}", f.name(), f.description())?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
