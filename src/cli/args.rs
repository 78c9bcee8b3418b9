//! Raw arguments as clap reads them, and their check into a [`Command`].

use std::path::PathBuf;

use anyhow::bail;
use clap::{Parser, Subcommand};

use podium::formats::Format;

use super::{Command, import, input::Source, search, stats};

/// A terminal browser for meeting transcripts: speakers, turns, statistics and fuzzy quote
/// search. With no FILE, opens the bundled IGF 2023 session.
#[derive(Debug, Parser)]
#[command(name = "podium", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Session to open in the browser: any format `podium formats` lists (default: the bundled one)
    pub file: Option<PathBuf>,

    /// Read FILE as this format instead of detecting it (see `podium formats`)
    #[arg(long, global = true, value_name = "NAME")]
    pub format: Option<String>,

    #[command(subcommand)]
    pub command: Option<Sub>,
}

#[derive(Debug, Subcommand)]
pub enum Sub {
    /// Convert a session file to Podium JSON (to standard output unless -o is given)
    Import {
        /// The session file to read (it is only read)
        file: PathBuf,
        /// Write the JSON to this file instead of standard output
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Per-speaker statistics: computed figures beside the published ones
    Stats {
        /// Session file (default: the bundled session)
        file: Option<PathBuf>,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Fuzzy-search the session's quotes; exits 0 when something matched, 1 when nothing did
    Search {
        /// An optional session file, then the query. Terms separated by spaces must all match;
        /// 'term matches exactly; an uppercase letter makes the search case-sensitive
        #[arg(value_name = "[FILE] QUERY", num_args = 1..=2, required = true)]
        args: Vec<String>,
        /// Print JSON Lines instead of text
        #[arg(long)]
        json: bool,
        /// Print at most N hits
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// Only quotes by this speaker: name, alias or unique prefix, case-insensitive
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
    },
    /// List the input formats Podium reads
    Formats,
}

impl Cli {
    /// Checks the raw arguments into a command.
    pub fn into_command(self) -> anyhow::Result<Command> {
        let format = match &self.format {
            None => None,
            Some(name) => Some(Format::from_name(name).ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                anyhow::anyhow!(
                    "--format {name}: unknown format; expected one of {}",
                    names.join(", ")
                )
            })?),
        };
        let source = |file: Option<PathBuf>| Source { file, format };
        let Some(sub) = self.command else {
            return Ok(Command::Browse(source(self.file)));
        };
        Ok(match sub {
            Sub::Import { file, output } => {
                if let Some(out) = &output
                    && same_file(&file, out)
                {
                    bail!("{}: refusing to write over the input file", out.display());
                }
                Command::Import(import::Import {
                    source: source(Some(file)),
                    output,
                })
            }
            Sub::Stats { file, json } => Command::Stats(stats::Stats {
                source: source(file),
                json,
            }),
            Sub::Search {
                mut args,
                json,
                limit,
                speaker,
            } => {
                let query = args.pop().unwrap_or_default();
                let file = args.pop().map(PathBuf::from);
                // `podium search information sharing` means a two-word query, not a file
                // named "information": say so rather than only "no such file".
                if let Some(f) = &file
                    && !f.exists()
                    && f.components().count() == 1
                    && f.extension().is_none()
                {
                    bail!(
                        "{}: no such file (to search for several words, quote them: podium search '{} {}')",
                        f.display(),
                        f.display(),
                        query
                    );
                }
                if query.trim().is_empty() {
                    bail!("empty query; expected a word or phrase to search for");
                }
                Command::Search(search::Search {
                    source: source(file),
                    query,
                    json,
                    limit,
                    speaker,
                })
            }
            Sub::Formats => Command::Formats,
        })
    }
}

fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
