//! `podium words [PATH...] [--speaker NAME] [--top N] [--json]`: each speaker's most distinctive
//! content words against the rest of the session (in a library: each person's against everyone
//! else in it), with their most frequent ones. JSON Lines: `{"speaker", "word", "count",
//! "rest_count", "z"}`, most distinctive first.

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::anyhow;
use podium::analysis::words::{self, Counts, LibraryWords};
use serde::Serialize;

use super::input::Source;
use super::out::clean;
use super::table::{self, Align};

pub struct Words {
    pub source: Source,
    pub speaker: Option<String>,
    /// Words listed per speaker.
    pub top: usize,
    pub json: bool,
}

/// One JSON Lines record.
#[derive(Serialize)]
struct Record<'a> {
    speaker: &'a str,
    word: &'a str,
    /// Times the speaker said it.
    count: usize,
    /// Times everyone else said it.
    rest_count: usize,
    /// The weighted log-odds ratio's z-score, to three decimals.
    z: f64,
}

/// A speaker (or person) and their words.
struct Group {
    name: String,
    counts: Counts,
}

/// Bar cells for the highest z shown.
const BAR: usize = 20;

impl Words {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let sessions = super::takeout::sessions(&self.source)?;
        let lookup = |e: podium::session::SpeakerLookupError| anyhow!("--speaker: {e}");
        let (groups, all, against) = if self.source.is_library() {
            let sessions: Vec<Arc<podium::session::Session>> =
                sessions.into_iter().map(|(_, s)| Arc::new(s)).collect();
            let lib = LibraryWords::new(&sessions);
            let chosen = match &self.speaker {
                Some(name) => vec![lib.find(&sessions, name).map_err(lookup)?],
                None => (0..lib.people.len()).collect(),
            };
            let groups = chosen
                .into_iter()
                .map(|i| Group {
                    name: lib.people[i].name.clone(),
                    counts: lib.person(i),
                })
                .collect::<Vec<_>>();
            (groups, lib.all, "everyone else in the library")
        } else {
            let Some((_, session)) = sessions.into_iter().next() else {
                return Ok(ExitCode::SUCCESS);
            };
            let mut by = words::by_speaker(&session);
            let all = words::sum(&by);
            let chosen = match &self.speaker {
                Some(name) => {
                    let sp = session.find_speaker(name).map_err(lookup)?;
                    vec![session.speaker_index(&sp.id).unwrap_or(0)]
                }
                None => (0..session.speakers.len()).collect(),
            };
            let groups = chosen
                .into_iter()
                .map(|i| Group {
                    name: session.speakers[i].name.clone(),
                    counts: std::mem::take(&mut by[i]),
                })
                .collect::<Vec<_>>();
            (groups, all, "the rest of the session")
        };
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        for (i, g) in groups.iter().enumerate() {
            let scored = words::distinctive(&g.counts, &all);
            let top = &scored[..scored.len().min(self.top)];
            if self.json {
                for s in top {
                    let record = Record {
                        speaker: &g.name,
                        word: &s.word,
                        count: s.count,
                        rest_count: s.rest_count,
                        z: (s.z * 1000.0).round() / 1000.0,
                    };
                    podium::sanitize::json(&mut out, &record, false)?;
                    writeln!(out)?;
                }
                continue;
            }
            if i > 0 {
                writeln!(out)?;
            }
            out.write_all(self.text(g, top, &all, against).as_bytes())?;
        }
        out.flush()?;
        Ok(ExitCode::SUCCESS)
    }

    /// A speaker's block: a heading, the distinctive words as a table with z bars, then the
    /// most frequent words on one line.
    fn text(&self, g: &Group, top: &[words::Scored], all: &Counts, against: &str) -> String {
        let c = &g.counts;
        let rest = all.total.saturating_sub(c.total);
        let mut text = format!(
            "{}: {} words, {} content words, against {against} ({rest} content words)\n",
            clean(&g.name),
            c.spoken,
            c.total,
        );
        if top.is_empty() {
            text.push_str("(no content words)\n");
            return text;
        }
        let most = top.iter().map(|s| s.z).fold(0.0, f64::max);
        let rows: Vec<Vec<String>> = top
            .iter()
            .map(|s| {
                let cells = if most > 0.0 {
                    (s.z.max(0.0) / most * BAR as f64).round() as usize
                } else {
                    0
                };
                vec![
                    clean(&s.word).into_owned(),
                    s.count.to_string(),
                    s.rest_count.to_string(),
                    format!("{:.2}", s.z),
                    "█".repeat(cells),
                ]
            })
            .collect();
        text.push_str(&table::render(
            &["distinctive", "count", "rest", "z", ""],
            &[
                Align::Left,
                Align::Right,
                Align::Right,
                Align::Right,
                Align::Left,
            ],
            &rows,
        ));
        let frequent: Vec<String> = c
            .most_frequent(self.top)
            .iter()
            .map(|(w, n)| format!("{} {n}", clean(w)))
            .collect();
        text.push_str(&format!("most frequent: {}\n", frequent.join(", ")));
        text
    }
}
