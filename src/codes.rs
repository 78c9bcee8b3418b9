//! Coded passages taken out (`podium codes`, `export --code`): a row per code and passage, and
//! the per-speaker × code count table that qualitative-analysis tools import.
//!
//! The codes themselves are kept with the marks ([`crate::marks`]).

use std::path::Path;

use serde::Serialize;

use crate::export::{self, Excerpt};
use crate::marks::{self, Code};
use crate::session::Session;
use crate::text::fold_name;

/// One coded passage, as `podium codes --json` writes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub code: String,
    /// The session's file, or `None` for the bundled session.
    pub file: Option<String>,
    pub session: String,
    pub speaker: String,
    /// The turn's id (`t4`).
    pub turn: String,
    /// 1-based, as citations write it; `None` when the whole turn is coded.
    pub sentence: Option<usize>,
    /// The sentence, or the whole turn (paragraphs joined by a blank line).
    pub quote: String,
}

/// The coded passages of one session that still exist, by code, then in transcript order.
pub fn rows(file: Option<&Path>, session: &Session, codes: &[Code]) -> Vec<Row> {
    let mut found: Vec<(&str, usize, Option<usize>)> = codes
        .iter()
        .filter_map(|c| {
            let (turn, sentence) = marks::resolve_code(session, c)?;
            Some((c.code.as_str(), turn, sentence))
        })
        .collect();
    found.sort();
    found.dedup();
    found
        .into_iter()
        .map(|(code, turn, sentence)| {
            let t = &session.turns[turn];
            Row {
                code: code.to_string(),
                file: file.map(|f| f.display().to_string()),
                session: session.meta.title.clone(),
                speaker: session.speaker_name(t).to_string(),
                turn: t.id.clone(),
                sentence: sentence.map(|s| s + 1),
                quote: match sentence {
                    Some(s) => t.sentence(s).unwrap_or_default().to_string(),
                    None => t.text(),
                },
            }
        })
        .collect()
}

/// The passages coded `code`, in transcript order, to export.
pub fn excerpts(session: &Session, codes: &[Code], code: &str) -> Vec<Excerpt> {
    let mut picked: Vec<Excerpt> = codes
        .iter()
        .filter(|c| c.code == code)
        .filter_map(|c| marks::resolve_code(session, c))
        .map(|(turn, sentence)| Excerpt { turn, sentence })
        .collect();
    picked.sort();
    picked.dedup();
    picked
}

/// The per-speaker × code count table as CSV (RFC 4180): a header `speaker,CODE…` with the
/// codes sorted, then one line per speaker (by name) counting their coded passages under each
/// code. Speakers are told apart by name, so one person across the sessions of a library is
/// one line. Cells are cleaned of control characters and kept from running as formulas.
pub fn count_table(rows: &[Row]) -> String {
    let mut codes: Vec<&str> = rows.iter().map(|r| r.code.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    let mut speakers: Vec<&str> = rows.iter().map(|r| r.speaker.as_str()).collect();
    speakers.sort_by_cached_key(|s| (fold_name(s), s.to_string()));
    speakers.dedup();
    let mut w = csv::Writer::from_writer(Vec::new());
    let header =
        std::iter::once("speaker".to_string()).chain(codes.iter().map(|c| export::csv_text(c)));
    // Writing to memory fails only for an unrepresentable row; a table is never that.
    let _ = w.write_record(header);
    for speaker in speakers {
        let counts = codes.iter().map(|code| {
            rows.iter()
                .filter(|r| r.speaker == speaker && r.code == *code)
                .count()
                .to_string()
        });
        let _ = w.write_record(std::iter::once(export::csv_text(speaker)).chain(counts));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(turn: &str, sentence: Option<usize>, code: &str) -> Code {
        Code::new(turn, sentence, code)
    }

    #[test]
    fn rows_resolve_passages_by_code_then_place() {
        let s = crate::bundled::session().expect("bundled");
        let codes = [
            code("t18", None, "hygiene"),
            code("t4", Some(3), "roles"),
            code("t2", Some(0), "hygiene"),
            code("t99", None, "gone"),
        ];
        let rows = rows(None, &s, &codes);
        let got: Vec<(&str, &str, Option<usize>, &str)> = rows
            .iter()
            .map(|r| {
                (
                    r.code.as_str(),
                    r.turn.as_str(),
                    r.sentence,
                    r.speaker.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("hygiene", "t2", Some(1), "Hiroki Mashiko"),
                ("hygiene", "t18", None, "Bernhards Blumbergs"),
                ("roles", "t4", Some(4), "Adli Wahid"),
            ]
        );
        assert!(rows[2].quote.starts_with("My name is Adly Wahid"));
        assert_eq!(rows[1].quote, s.turns[17].text());
        assert_eq!(
            excerpts(&s, &codes, "hygiene"),
            [
                Excerpt {
                    turn: 1,
                    sentence: Some(0)
                },
                Excerpt {
                    turn: 17,
                    sentence: None
                }
            ]
        );
    }

    #[test]
    fn the_count_table_quotes_commas_and_quotes() {
        let row = |speaker: &str, code: &str| Row {
            code: code.into(),
            file: None,
            session: "s".into(),
            speaker: speaker.into(),
            turn: "t1".into(),
            sentence: None,
            quote: String::new(),
        };
        let rows = [
            row("Doe, Jane \"JD\"", "trust"),
            row("Doe, Jane \"JD\"", "trust"),
            row("Doe, Jane \"JD\"", "fear, \"dread\""),
            row("Ann", "trust"),
            row("=cmd", "trust"),
        ];
        assert_eq!(
            count_table(&rows),
            "speaker,\"fear, \"\"dread\"\"\",trust\n'=cmd,0,1\nAnn,0,1\n\"Doe, Jane \"\"JD\"\"\",1,2\n"
        );
    }
}
