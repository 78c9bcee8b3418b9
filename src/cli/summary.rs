//! `podium summary [FILE] [--json]`: every sentence of the report's summaries (the session's,
//! then each speaker's) with the transcript sentences that support it, best first —
//! `[t4.3 t14.1]`, sentences 1-based as in citations — or `[no clear source in the transcript]`.
//! JSON Lines: `{"speaker", "paragraph", "sentence", "sources": [{"turn", "sentence",
//! "score"}], "coverage", "supported"}`. Exits 1 when the report has no summaries.

use std::io::Write;
use std::process::ExitCode;

use podium::session::Session;
use podium::sources::{self, Linked};
use serde::Serialize;

use super::input::Source;
use super::out::clean;

pub struct Summary {
    pub source: Source,
    pub json: bool,
    /// Bold headings, unsupported sentences marked in yellow.
    pub colour: bool,
}

/// What a summary sentence lacking support says.
const NO_SOURCE: &str = "no clear source in the transcript";

/// One JSON Lines record.
#[derive(Serialize)]
struct Record<'a> {
    /// Whose summary: a speaker's name, or null for the session's own.
    speaker: Option<&'a str>,
    /// 1-based paragraph within that summary.
    paragraph: usize,
    sentence: &'a str,
    sources: Vec<SourceRecord<'a>>,
    /// Share of the sentence's weighted words its sources hold together (0–1).
    coverage: f64,
    supported: bool,
}

#[derive(Serialize)]
struct SourceRecord<'a> {
    turn: &'a str,
    /// 1-based, as in citations (`t4.3`).
    sentence: usize,
    score: f64,
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn record<'a>(session: &'a Session, l: &'a Linked) -> Record<'a> {
    Record {
        speaker: l
            .speaker
            .and_then(|s| session.speakers.get(s.get()))
            .map(|s| s.name.as_str()),
        paragraph: l.paragraph + 1,
        sentence: l.sentence.trim(),
        sources: l
            .sources
            .iter()
            .map(|s| SourceRecord {
                turn: &session.turns[s.quote.turn].id,
                sentence: s.quote.sentence + 1,
                score: round(s.score),
            })
            .collect(),
        coverage: round(l.coverage),
        supported: l.supported,
    }
}

/// `[t4.3 t14.1]`, or `[no clear source in the transcript]`.
fn label(session: &Session, l: &Linked) -> String {
    if !l.supported {
        return format!("[{NO_SOURCE}]");
    }
    let places: Vec<String> = l
        .sources
        .iter()
        .map(|s| {
            format!(
                "{}.{}",
                clean(&session.turns[s.quote.turn].id),
                s.quote.sentence + 1
            )
        })
        .collect();
    format!("[{}]", places.join(" "))
}

/// The plain report: a heading per summary, then each sentence with its sources, every text
/// from the input cleaned for the terminal.
fn plain(session: &Session, linked: &[Linked], colour: bool) -> String {
    let (bold, yellow, reset) = if colour {
        ("\x1b[1m", "\x1b[33m", "\x1b[0m")
    } else {
        ("", "", "")
    };
    let mut out = String::new();
    let mut last: Option<(Option<usize>, usize)> = None;
    for l in linked {
        let whose = l.speaker.map(|s| s.get());
        if last.map(|(w, _)| w) != Some(whose) {
            if last.is_some() {
                out.push('\n');
            }
            let heading = match whose.and_then(|s| session.speakers.get(s)) {
                Some(sp) => clean(&sp.name).into_owned(),
                None => "Summary of the session".to_string(),
            };
            out.push_str(&format!("{bold}{heading}{reset}\n"));
        } else if last.is_some_and(|(_, p)| p != l.paragraph) {
            out.push('\n');
        }
        last = Some((whose, l.paragraph));
        let label = label(session, l);
        let label = if l.supported {
            label
        } else {
            format!("{yellow}{label}{reset}")
        };
        out.push_str(&format!("  {} {label}\n", clean(l.sentence.trim())));
    }
    out
}

impl Summary {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let session = self.source.load()?;
        let linked = sources::link(&session);
        if linked.is_empty() {
            super::out::note(format!(
                "{}: the report has no summaries",
                self.source.shown()
            ));
            return Ok(ExitCode::from(1));
        }
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        if self.json {
            for l in &linked {
                serde_json::to_writer(&mut out, &record(&session, l))?;
                writeln!(out)?;
            }
        } else {
            out.write_all(plain(&session, &linked, self.colour).as_bytes())?;
        }
        out.flush()?;
        Ok(ExitCode::SUCCESS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_output_cleans_and_marks_unsupported_sentences() {
        let mut s = podium::bundled::session().expect("bundled");
        s.summary = vec![
            "Penguins organised a glacier marathon in Antarctica.".into(),
            "The \x1b[2Jmeeting underscored device and personal security.".into(),
        ];
        let text = plain(&s, &sources::link(&s), false);
        assert!(text.starts_with("Summary of the session\n  Penguins organised a glacier marathon in Antarctica. [no clear source in the transcript]\n\n  The ␛[2Jmeeting"), "{text}");
        assert!(!text.contains('\x1b'));
    }
}
