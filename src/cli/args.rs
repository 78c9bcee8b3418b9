//! Raw arguments as clap reads them, and their check into a [`Command`].

use std::path::PathBuf;

use anyhow::bail;
use clap::{Parser, Subcommand};

use super::values::{ColorWhen, FormatName, ToName};
use super::{
    Command, check, codes, groups, import, input::Source, redaction, search, stats, summary, synth,
    takeout, timeline, words,
};

/// A terminal browser for meeting transcripts
///
/// Speakers, turns, statistics and fuzzy quote search. With no FILE, opens the bundled IGF 2023
/// session; with a folder or several files, opens them as a library.
///
/// Global options (--format, --no-cache) go before or after the subcommand.
#[derive(Debug, Parser)]
#[command(name = "podium", version)]
pub struct Cli {
    /// Session files or folders to open (default: the bundled session)
    pub files: Vec<PathBuf>,

    /// Read files as this format instead of detecting it (see `podium formats`)
    #[arg(long, global = true, value_name = "NAME", ignore_case = true)]
    pub format: Option<FormatName>,

    /// Do not read or write the import cache (under $XDG_CACHE_HOME/podium)
    #[arg(long, global = true)]
    pub no_cache: bool,

    /// The session's recording, for `p` in the browser (default: a media file beside the
    /// transcript with its name: .mp3 .m4a .wav .ogg .opus .mp4 .webm .mkv)
    #[arg(long, value_name = "FILE")]
    pub media: Option<PathBuf>,

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
        /// Replace OUT if it is a file that exists (a FIFO, device or symlink is written into)
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Per-speaker statistics: computed figures beside the published ones; of a folder (or
    /// with --by), speeches, words and shares by person or party, year by year
    Stats {
        /// Session file or library folder (default: the bundled session)
        file: Option<PathBuf>,
        /// Print JSON instead of a table (JSON Lines with --by or a folder)
        #[arg(long)]
        json: bool,
        /// Figures across the sessions by person (one person across sittings by their id)
        /// or by party; a folder is by person unless this says otherwise
        #[arg(long, value_name = "WHAT", value_parser = ["person", "party"])]
        by: Option<String>,
        #[command(flatten)]
        color: ColorWhen,
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
        /// Search a library through its on-disk index (built on first use, updated file by
        /// file after), for archives bigger than memory; prints the best 50 unless --limit.
        /// Libraries of more than 2,000 files use it without asking
        #[arg(long)]
        index: bool,
        #[command(flatten)]
        color: ColorWhen,
    },
    /// Each summary sentence with the transcript sentences that support it ([t4.3 t14.1]), or
    /// "no clear source in the transcript"; exits 1 when the report has no summaries
    Summary {
        /// Session file (default: the bundled session)
        file: Option<PathBuf>,
        /// Print JSON Lines instead of text
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        color: ColorWhen,
    },
    /// The words most distinctive of each speaker against the rest of the session (weighted
    /// log-odds with an informative prior, "Fightin' Words"), stop words left out, with their
    /// most frequent ones; in a library, each person against everyone else in it
    Words {
        /// Session files or folders (default: the bundled session)
        paths: Vec<PathBuf>,
        /// Only this speaker (name, alias or unique prefix); in a library, a person
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        /// Words listed per speaker
        #[arg(
            long,
            default_value_t = 10,
            value_name = "N",
            value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..)
        )]
        top: usize,
        /// Print JSON Lines: {"speaker", "word", "count", "rest_count", "z"}
        #[arg(long)]
        json: bool,
    },
    /// Who spoke when: one row per speaker across the session in block characters, by time
    /// where the source has times, by words otherwise
    Timeline {
        /// Session file (default: the bundled session)
        file: Option<PathBuf>,
        /// Columns in all, names included (20 to 1000; default: the terminal's width, else 80)
        #[arg(
            long,
            value_name = "N",
            value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(20..=1000)
        )]
        width: Option<usize>,
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
        #[command(flatten)]
        color: ColorWhen,
    },
    /// Export a session (or a library) as Markdown, JSON, CSV or text; never overwrites a file
    /// unless --force
    Export {
        /// Session files or folders (default: the bundled session)
        paths: Vec<PathBuf>,
        /// What to write
        #[arg(long, value_name = "FORMAT", ignore_case = true)]
        to: ToName,
        /// Only this speaker's turns (name, alias or unique prefix)
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        /// Only the marked turns and quotes (set with `m` in the browser)
        #[arg(long, conflicts_with = "code")]
        marks: bool,
        /// Only the passages coded NAME (set with `t` in the browser)
        #[arg(long, value_name = "NAME")]
        code: Option<String>,
        /// Replace these names with pseudonyms (Person A, …) in text, labels and citations:
        /// names separated by commas, or a file of one name a line (other spellings after |)
        #[arg(long, value_name = "NAMES|FILE")]
        redact: Option<String>,
        /// Write to this file instead of standard output
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Replace OUT if it is a file that exists (a FIFO, device or symlink is written into)
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Every coded passage (set with `t` in the browser): code, speaker, turn and quote
    Codes {
        /// Session files or folders (default: the bundled session)
        paths: Vec<PathBuf>,
        /// Print JSON Lines: {"code", "file", "session", "speaker", "turn", "sentence", "quote"}
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print the per-speaker × code count table as CSV
        #[arg(long, visible_alias = "table")]
        csv: bool,
        /// Replace these names with pseudonyms, as `export --redact` does
        #[arg(long, value_name = "NAMES|FILE")]
        redact: Option<String>,
    },
    /// Concordance: every occurrence of WORD with aligned context, speaker and turn
    Kwic {
        /// Session files or folders (default: the bundled session), then the word
        #[arg(value_name = "[PATH...] WORD", num_args = 1.., required = true)]
        args: Vec<String>,
        /// Columns of context on each side (4 to 500)
        #[arg(
            long,
            default_value_t = 40,
            value_name = "N",
            value_parser = clap::builder::RangedU64ValueParser::<usize>::new()
                .range(4..=podium::kwic::MAX_WIDTH as u64)
        )]
        width: usize,
        #[command(flatten)]
        color: ColorWhen,
    },
    /// Write a deterministic synthetic library (for benchmarks): FILES sessions holding QUOTES
    /// quotes in all, and quotes.list with every quote on a line
    Synth {
        /// Folder to write into (created; existing session files are not overwritten)
        #[arg(required_unless_present = "parlamint")]
        dir: Option<PathBuf>,
        #[arg(long, default_value_t = 10_000)]
        quotes: usize,
        #[arg(long, default_value_t = 100)]
        files: usize,
        /// Write a ParlaMint-shaped corpus into DIR instead (root, lists, sittings by year)
        #[arg(long, value_name = "DIR", conflicts_with = "dir")]
        parlamint: Option<PathBuf>,
        /// Sittings of the ParlaMint corpus (1,000 utterances each)
        #[arg(long, default_value_t = 100, value_name = "N")]
        sittings: usize,
    },
    /// Print a shell completion script: bash, zsh, fish, elvish or powershell (see the README
    /// for where to put it)
    Completions {
        #[arg(value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `podium man > ~/.local/share/man/man1/podium.1`
    Man,
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
        let format = self.format.map(|f| f.0);
        let no_cache = self.no_cache;
        let source = |paths: Vec<PathBuf>| Source {
            paths,
            format,
            no_cache,
        };
        let Some(sub) = self.command else {
            let files = source(self.files);
            if let Some(media) = &self.media {
                if files.is_library() {
                    bail!("--media is the recording of one session, not of a library");
                }
                if !media.is_file() {
                    bail!("{}: --media: no such file", media.display());
                }
            }
            return Ok(Command::Browse(files, self.media));
        };
        if self.media.is_some() {
            bail!("--media is for the browser (podium FILE --media RECORDING)");
        }
        Ok(match sub {
            Sub::Import {
                file,
                output,
                force,
            } => {
                refuse_input_as_output(std::slice::from_ref(&file), output.as_deref())?;
                Command::Import(import::Import {
                    source: source(vec![file]),
                    output,
                    force,
                })
            }
            Sub::Stats {
                file,
                json,
                by,
                color,
            } => {
                let source = source(file.into_iter().collect());
                let by = by.as_deref().and_then(podium::library::By::from_name);
                match by {
                    Some(by) => Command::Groups(groups::Groups {
                        source,
                        by,
                        json,
                        colour: color.stdout(),
                    }),
                    None if source.is_library() => Command::Groups(groups::Groups {
                        source,
                        by: podium::library::By::Person,
                        json,
                        colour: color.stdout(),
                    }),
                    None => Command::Stats(stats::Stats {
                        source,
                        json,
                        colour: color.stdout(),
                    }),
                }
            }
            Sub::Search {
                mut args,
                json,
                limit,
                speaker,
                index,
                color,
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
                    index,
                    colour: color.stdout(),
                })
            }
            Sub::Summary { file, json, color } => Command::Summary(summary::Summary {
                source: source(file.into_iter().collect()),
                json,
                colour: color.stdout(),
            }),
            Sub::Words {
                paths,
                speaker,
                top,
                json,
            } => Command::Words(words::Words {
                source: source(paths),
                speaker,
                top,
                json,
            }),
            Sub::Timeline { file, width } => Command::Timeline(timeline::Timeline {
                source: source(file.into_iter().collect()),
                width,
            }),
            Sub::Formats => Command::Formats,
            Sub::Check { file, json } => Command::Check(check::Check { file, format, json }),
            Sub::Cite { mut args, color } => {
                let place = args.pop().unwrap_or_default();
                Command::Cite(takeout::Cite {
                    source: source(args.into_iter().map(PathBuf::from).collect()),
                    place,
                    colour: color.stdout(),
                })
            }
            Sub::Export {
                paths,
                to,
                speaker,
                marks,
                code,
                redact,
                output,
                force,
            } => {
                refuse_input_as_output(&paths, output.as_deref())?;
                Command::Export(takeout::Export {
                    source: source(paths),
                    to: to.0,
                    speaker,
                    marks,
                    code,
                    redact: redact.as_deref().map(redaction::names).transpose()?,
                    output,
                    force,
                })
            }
            Sub::Codes {
                paths,
                json,
                csv,
                redact,
            } => Command::Codes(codes::Codes {
                source: source(paths),
                json,
                csv,
                redact: redact.as_deref().map(redaction::names).transpose()?,
            }),
            Sub::Kwic {
                mut args,
                width,
                color,
            } => {
                let word = args.pop().unwrap_or_default();
                if word.trim().is_empty() {
                    bail!("empty word; expected a word to find");
                }
                Command::Kwic(takeout::Kwic {
                    source: source(args.into_iter().map(PathBuf::from).collect()),
                    word,
                    width,
                    colour: color.stdout(),
                })
            }
            Sub::Synth {
                dir,
                quotes,
                files,
                parlamint,
                sittings,
            } => {
                if files == 0 || quotes == 0 || sittings == 0 {
                    bail!("--files, --quotes and --sittings must be at least 1");
                }
                let parlamint_sittings = parlamint.is_some().then_some(sittings);
                let Some(dir) = parlamint.or(dir) else {
                    bail!("synth needs a folder to write into");
                };
                Command::Synth(synth::Synth {
                    dir,
                    quotes,
                    files,
                    parlamint_sittings,
                })
            }
            Sub::Completions { shell } => Command::Completions(shell),
            Sub::Man => Command::Man,
            Sub::Bench { turns } => Command::Bench { turns },
        })
    }
}

/// Files are only ever read: `-o` naming one of the inputs is refused, even with --force.
fn refuse_input_as_output(
    inputs: &[PathBuf],
    output: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    if let Some(out) = output
        && inputs.iter().any(|input| same_file(input, out))
    {
        bail!("{}: refusing to write over the input file", out.display());
    }
    Ok(())
}

fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
