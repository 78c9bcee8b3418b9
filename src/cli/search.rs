//! `podium search [FILE] QUERY`: ranked quotes as `speaker  t12  quote`, or JSON Lines. Exits
//! 0 when something matched and 1 when nothing did, as grep does.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::anyhow;
use podium::search::{self, Hit, QuoteIndex};
use podium::session::Session;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::input::Source;

pub struct Search {
    pub source: Source,
    pub query: String,
    pub json: bool,
    pub limit: Option<usize>,
    pub speaker: Option<String>,
}

/// One JSON Lines record.
#[derive(Serialize)]
struct Record<'a> {
    session: &'a str,
    speaker: &'a str,
    turn: &'a str,
    /// 1-based, as in citations (`t4.2`).
    sentence: usize,
    score: i64,
    quote: &'a str,
    /// Char indices of the matched letters in `quote`.
    matched: &'a [usize],
}

impl Search {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let session = self.source.load()?;
        let speaker = match &self.speaker {
            Some(name) => Some(
                session
                    .find_speaker(name)
                    .map_err(|e| anyhow!("--speaker: {e}"))?
                    .id
                    .clone(),
            ),
            None => None,
        };
        let speaker = speaker.and_then(|id| session.speaker_index(&id));
        let index = QuoteIndex::new(&session);
        let mut hits = search::rank(&index, &self.query, speaker);
        hits.truncate(self.limit.unwrap_or(usize::MAX));
        let mut out = std::io::stdout().lock();
        if self.json {
            for hit in &hits {
                serde_json::to_writer(&mut out, &record(&session, hit))?;
                writeln!(out)?;
            }
        } else {
            let colour =
                out.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            write_plain(&mut out, &session, &hits, colour)?;
        }
        out.flush()?;
        Ok(if hits.is_empty() {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        })
    }
}

fn record<'a>(session: &'a Session, hit: &'a Hit) -> Record<'a> {
    let turn = &session.turns[hit.quote.turn];
    Record {
        session: &session.meta.title,
        speaker: session.speaker_name(turn),
        turn: &turn.id,
        sentence: hit.quote.sentence + 1,
        score: hit.score,
        quote: turn.sentence(hit.quote.sentence).unwrap_or_default(),
        matched: &hit.matched,
    }
}

fn write_plain(
    out: &mut impl Write,
    session: &Session,
    hits: &[Hit],
    colour: bool,
) -> std::io::Result<()> {
    let records: Vec<Record<'_>> = hits.iter().map(|h| record(session, h)).collect();
    let name_w = records.iter().map(|r| r.speaker.width()).max().unwrap_or(0);
    let turn_w = records.iter().map(|r| r.turn.len()).max().unwrap_or(0);
    for r in &records {
        let pad = name_w - r.speaker.width();
        write!(
            out,
            "{}{}  {:<turn_w$}  ",
            r.speaker,
            " ".repeat(pad),
            r.turn
        )?;
        writeln!(out, "{}", highlight(r.quote, r.matched, colour))?;
    }
    Ok(())
}

/// Bold red for matched letters on a terminal; the quote unchanged otherwise.
fn highlight(quote: &str, matched: &[usize], colour: bool) -> String {
    if !colour {
        return quote.to_string();
    }
    let mut out = String::with_capacity(quote.len() + matched.len() * 8);
    let mut lit = false;
    for (i, c) in quote.chars().enumerate() {
        let want = matched.binary_search(&i).is_ok();
        if want != lit {
            out.push_str(if want { "\x1b[1;31m" } else { "\x1b[0m" });
            lit = want;
        }
        out.push(c);
    }
    if lit {
        out.push_str("\x1b[0m");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::highlight;

    #[test]
    fn highlight_wraps_runs() {
        assert_eq!(highlight("abc", &[0, 1], true), "\x1b[1;31mab\x1b[0mc");
        assert_eq!(highlight("abc", &[0, 1], false), "abc");
    }
}
