//! `podium stats DIR --by person|party [--json]`: speeches, words and shares across a library,
//! by person (one person across sittings by the source's own id, whatever name is printed) or
//! by party, year by year. Plain output is a table with a row per group and year; `--json`
//! writes JSON Lines, one group a line with its years inside.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use podium::library::{self, By, Group};
use podium::session::Session;
use rayon::prelude::*;

use super::input::Source;
use super::out::clean;
use super::search::Progress;
use super::table::{self, Align};

/// Sessions loaded per step: only their speakers and counts are kept, never their text.
const STEP: usize = 256;

pub struct Groups {
    pub source: Source,
    pub by: By,
    pub json: bool,
    /// Bold table header.
    pub colour: bool,
}

/// The sessions as [`library::aggregate`] needs them: meta and speakers (no turns), with each
/// speaker's (turns, words).
struct Counted {
    sessions: Vec<Arc<Session>>,
    counts: Vec<Vec<(usize, usize)>>,
}

impl Counted {
    fn push(&mut self, session: &Session) {
        self.counts.push(library::speaker_counts(session));
        self.sessions.push(Arc::new(Session {
            meta: session.meta.clone(),
            speakers: session.speakers.clone(),
            ..Session::default()
        }));
    }
}

impl Groups {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let counted = self.load()?;
        let groups = library::aggregate(&counted.sessions, &counted.counts, self.by);
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        if self.json {
            for g in &groups {
                podium::sanitize::json(&mut out, &Record::new(self.by, g), false)?;
                writeln!(out)?;
            }
        } else {
            out.write_all(self.to_text(&counted, &groups).as_bytes())?;
        }
        out.flush()?;
        Ok(ExitCode::SUCCESS)
    }

    /// The bundled session, one file, or every session of a library a step at a time; files
    /// that cannot be read are said on stderr and skipped.
    fn load(&self) -> anyhow::Result<Counted> {
        let mut counted = Counted {
            sessions: Vec::new(),
            counts: Vec::new(),
        };
        if !self.source.is_library() {
            counted.push(&self.source.load()?);
            return Ok(counted);
        }
        let files: Vec<PathBuf> = self.source.discover();
        let progress = Progress::new(files.len());
        let cache = self.source.cache();
        let mut failures = 0;
        for step in files.chunks(STEP) {
            let loaded: Vec<_> = step
                .par_iter()
                .map(|path| {
                    let r = library::load_one(path, self.source.format, cache.as_ref());
                    progress.tick();
                    r
                })
                .collect();
            for r in loaded {
                match r {
                    Ok(item) => counted.push(&item.session),
                    Err(e) => {
                        failures += 1;
                        progress.println(format!("skipped {e}"));
                    }
                }
            }
        }
        progress.done();
        if counted.sessions.is_empty() {
            anyhow::bail!(
                "no session could be read ({} files: {failures} failed)",
                files.len()
            );
        }
        Ok(counted)
    }

    fn to_text(&self, counted: &Counted, groups: &[Group]) -> String {
        let words: usize = counted.counts.iter().flatten().map(|c| c.1).sum();
        let mut years: Vec<String> = counted
            .sessions
            .iter()
            .map(library::year_of)
            .filter(|y| y != library::UNDATED)
            .collect();
        years.sort();
        years.dedup();
        let span = match (years.first(), years.last()) {
            (Some(a), Some(b)) if a != b => format!(" · {a}–{b}"),
            (Some(a), _) => format!(" · {a}"),
            _ => String::new(),
        };
        let (what, head) = match self.by {
            By::Person => ("people", vec!["person", "party"]),
            By::Party => ("parties", vec!["party"]),
        };
        let n = counted.sessions.len();
        let mut out = format!(
            "{n} session{}{span} · {words} words · {} {what}\n\n",
            if n == 1 { "" } else { "s" },
            groups.len()
        );
        let mut header = head.clone();
        header.extend(["year", "sessions", "speeches", "words", "share"]);
        let mut aligns = vec![Align::Left; head.len() + 1];
        aligns.resize(header.len(), Align::Right);
        let mut rows = Vec::new();
        for g in groups {
            let mut first = vec![clean(&g.name).into_owned()];
            if self.by == By::Person {
                let parties = if g.parties.is_empty() {
                    "-".to_string()
                } else {
                    clean(&g.parties.join("→")).into_owned()
                };
                first.push(parties);
            }
            let row = |year: &str, sessions: usize, speeches: usize, words: usize, share: f64| {
                let mut r = first.clone();
                r.extend([
                    clean(year).into_owned(),
                    sessions.to_string(),
                    speeches.to_string(),
                    words.to_string(),
                    format!("{:.1}%", share * 100.0),
                ]);
                r
            };
            for y in &g.years {
                rows.push(row(&y.year, y.sessions, y.speeches, y.words, y.share));
            }
            if g.years.len() > 1 {
                rows.push(row("all", g.sessions, g.speeches, g.words, g.share));
            }
        }
        let table = table::render(&header, &aligns, &rows);
        match table.split_once('\n') {
            Some((head, body)) if self.colour => {
                out.push_str(&format!("\x1b[1m{head}\x1b[0m\n{body}"));
            }
            _ => out.push_str(&table),
        }
        out.push_str(
            "\nspeeches: consecutive utterances of one speaker in one role; share: of the words spoken that year (all: in every year)\n",
        );
        out
    }
}

/// One JSON Lines record: a group with its totals and its years.
#[derive(serde::Serialize)]
struct Record {
    by: By,
    #[serde(flatten)]
    group: Group,
}

impl Record {
    fn new(by: By, g: &Group) -> Self {
        let round = |x: f64| (x * 10_000.0).round() / 10_000.0;
        let mut group = g.clone();
        group.share = round(group.share);
        for y in &mut group.years {
            y.share = round(y.share);
        }
        Record { by, group }
    }
}
