//! Raw arguments as clap reads them, and their check into a [`Command`].

use std::path::PathBuf;

use anyhow::bail;
use clap::{Parser, Subcommand};
use podium::formats::Format;

use super::{Command, check, import, input::Source, search, stats, synth, takeout};

/// A terminal browser for meeting transcripts: speakers, turns, statistics and fuzzy quote
/// search. With no FILE, opens the bundled IGF 2023 session; with a folder or several files,
/// opens them as a library.
#[derive(Debug, Parser)]
#[command(name = "podium", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Session files or folders to open (default: the bundled session)
    pub files: Vec<PathBuf>,

    /// Read files as this format instead of detecting it (see `podium formats`)
    #[arg(long, global = true, value_name = "NAME")]
    pub format: Option<String>,

    /// Do not read or write the import cache (under $XDG_CACHE_HOME/podium)
    #[arg(long, global = true)]
    pub no_cache: bool,

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
    /// Fuzzy-search quotes; exits 0 when something matched, 1 when nothing did
    Search {
        /// Session files or folders (default: the bundled session), then the query. Terms
        /// separated by spaces must all match; 'term matches exactly; an uppercase letter
        /// makes the search case-sensitive
        #[arg(value_name = "[PATH...] QUERY", num_args = 1.., required = true)]
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
    /// Show how a file is read: format and why, speakers and how each was recognised, front
    /// matter set aside, and every warning
    Check {
        /// The file to check (it is only read; the cache is not used)
        file: PathBuf,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Print a quote with its citation: `“…” — Speaker (Organisation), Title, Event, Date, t4`
    Cite {
        /// An optional session file, then the turn (t4) or sentence (t4.2) to cite
        #[arg(value_name = "[FILE] PLACE", num_args = 1..=2, required = true)]
        args: Vec<String>,
    },
    /// Export a session (or a library) as Markdown, JSON, CSV or text; never overwrites a file
    /// unless --force
    Export {
        /// Session files or folders (default: the bundled session)
        paths: Vec<PathBuf>,
        /// md, json, csv or txt
        #[arg(long, value_name = "FORMAT")]
        to: String,
        /// Only this speaker's turns (name, alias or unique prefix)
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        /// Only the marked turns and quotes (set with `m` in the browser)
        #[arg(long)]
        marks: bool,
        /// Write to this file instead of standard output
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Replace OUT if it exists
        #[arg(long)]
        force: bool,
    },
    /// Concordance: every occurrence of WORD with aligned context, speaker and turn
    Kwic {
        /// Session files or folders (default: the bundled session), then the word
        #[arg(value_name = "[PATH...] WORD", num_args = 1.., required = true)]
        args: Vec<String>,
        /// Columns of context on each side
        #[arg(long, default_value_t = 40, value_name = "N")]
        width: usize,
    },
    /// Write a deterministic synthetic library (for benchmarks): FILES sessions holding QUOTES
    /// quotes in all, and quotes.list with every quote on a line
    Synth {
        /// Folder to write into (created; existing session files are not overwritten)
        dir: PathBuf,
        #[arg(long, default_value_t = 10_000)]
        quotes: usize,
        #[arg(long, default_value_t = 100)]
        files: usize,
    },
    /// Measure the browser's frame cost (a PageDown and a full draw) on a small and a large
    /// session, and print the ratio
    #[command(hide = true)]
    Bench {
        /// Turns in the large session
        #[arg(long, default_value_t = 100_000)]
        turns: usize,
    },
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
        let no_cache = self.no_cache;
        let source = |paths: Vec<PathBuf>| Source {
            paths,
            format,
            no_cache,
        };
        let Some(sub) = self.command else {
            return Ok(Command::Browse(source(self.files)));
        };
        Ok(match sub {
            Sub::Import { file, output } => {
                if let Some(out) = &output
                    && same_file(&file, out)
                {
                    bail!("{}: refusing to write over the input file", out.display());
                }
                Command::Import(import::Import {
                    source: source(vec![file]),
                    output,
                })
            }
            Sub::Stats { file, json } => Command::Stats(stats::Stats {
                source: source(file.into_iter().collect()),
                json,
            }),
            Sub::Search {
                mut args,
                json,
                limit,
                speaker,
            } => {
                let query = args.pop().unwrap_or_default();
                let paths: Vec<PathBuf> = args.into_iter().map(PathBuf::from).collect();
                // `podium search information sharing` means a two-word query, not a file
                // named "information": say so rather than only "no such file".
                if let [f] = paths.as_slice()
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
                    source: source(paths),
                    query,
                    json,
                    limit,
                    speaker,
                })
            }
            Sub::Formats => Command::Formats,
            Sub::Check { file, json } => Command::Check(check::Check { file, format, json }),
            Sub::Cite { mut args } => {
                let place = args.pop().unwrap_or_default();
                Command::Cite(takeout::Cite {
                    source: source(args.into_iter().map(PathBuf::from).collect()),
                    place,
                })
            }
            Sub::Export {
                paths,
                to,
                speaker,
                marks,
                output,
                force,
            } => {
                let Some(to) = podium::export::To::from_name(&to) else {
                    bail!("--to {to}: unknown; expected md, json, csv or txt");
                };
                Command::Export(takeout::Export {
                    source: source(paths),
                    to,
                    speaker,
                    marks,
                    output,
                    force,
                })
            }
            Sub::Kwic { mut args, width } => {
                let word = args.pop().unwrap_or_default();
                if word.trim().is_empty() {
                    bail!("empty word; expected a word to find");
                }
                Command::Kwic(takeout::Kwic {
                    source: source(args.into_iter().map(PathBuf::from).collect()),
                    word,
                    width: width.max(4),
                })
            }
            Sub::Synth { dir, quotes, files } => {
                if files == 0 || quotes == 0 {
                    bail!("--files and --quotes must be at least 1");
                }
                Command::Synth(synth::Synth { dir, quotes, files })
            }
            Sub::Bench { turns } => Command::Bench { turns },
        })
    }
}

fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
