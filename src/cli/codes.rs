//! `podium codes`: every coded passage (set with `t` in the browser), as a table, JSON Lines
//! or the per-speaker × code count table (CSV).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::anyhow;
use podium::codes::{self, Row};
use podium::marks::{Kept, MarkStore};
use podium::redact::Name;
use podium::session::Session;

use super::input::Source;
use super::out::{self, clean};
use super::table::{self, Align};
use super::{redaction, takeout};

pub struct Codes {
    pub source: Source,
    pub json: bool,
    /// The per-speaker × code count table, as CSV.
    pub csv: bool,
    pub redact: Option<Vec<Name>>,
}

/// What the store keeps for each session (read only: an unreadable store is left alone).
pub fn kept(sessions: &[(PathBuf, Session)]) -> anyhow::Result<Vec<Kept>> {
    let dir = MarkStore::default_dir()
        .ok_or_else(|| anyhow!("no data directory for marks (set XDG_DATA_HOME or HOME)"))?;
    Ok(sessions
        .iter()
        .map(|(path, session)| {
            let (kept, warning) = MarkStore::open(&dir, takeout::file_of(path), session).peek();
            if let Some(w) = warning {
                out::warn(w);
            }
            kept
        })
        .collect())
}

impl Codes {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let mut sessions = takeout::sessions(&self.source)?;
        let kept = kept(&sessions)?;
        let redactor = self
            .redact
            .as_ref()
            .map(|names| redaction::apply(names, &mut sessions))
            .transpose()?;
        let mut rows: Vec<Row> = Vec::new();
        for ((path, session), kept) in sessions.iter().zip(&kept) {
            let mut codes = kept.codes.clone();
            if let Some(r) = &redactor {
                for c in &mut codes {
                    c.code = r.text(&c.code).into_owned();
                }
            }
            rows.extend(codes::rows(takeout::file_of(path), session, &codes));
        }
        // By code across the sessions, each session's passages in transcript order.
        rows.sort_by(|a, b| a.code.cmp(&b.code));
        if rows.is_empty() {
            out::note("no coded passages (t in the browser codes one)");
            return Ok(ExitCode::from(1));
        }
        let text = if self.csv {
            codes::count_table(&rows)
        } else if self.json {
            let mut lines = Vec::new();
            for r in &rows {
                podium::sanitize::json(&mut lines, r, false)?;
                lines.write_all(b"\n")?;
            }
            String::from_utf8(lines)?
        } else {
            plain(&rows, self.source.is_library())
        };
        if let Some(r) = &redactor {
            redaction::check(&text, r);
        }
        out::print(text.as_bytes())?;
        Ok(ExitCode::SUCCESS)
    }
}

/// `code  speaker  turn  quote` (the file before the quote, for a library), cleaned for a terminal.
fn plain(rows: &[Row], library: bool) -> String {
    let mut header = vec!["code", "speaker", "turn"];
    if library {
        header.push("file");
    }
    header.push("quote");
    let lines: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let place = match r.sentence {
                Some(s) => format!("{}.{s}", r.turn),
                None => r.turn.clone(),
            };
            let quote = r.quote.split_whitespace().collect::<Vec<_>>().join(" ");
            let mut line = vec![
                clean(&r.code).into_owned(),
                clean(&r.speaker).into_owned(),
                clean(&place).into_owned(),
            ];
            if library {
                line.push(clean(r.file.as_deref().unwrap_or("")).into_owned());
            }
            line.push(clean(&quote).into_owned());
            line
        })
        .collect();
    table::render(&header, &[Align::Left], &lines)
}
