//! `podium search [PATH...] QUERY`: ranked quotes as `speaker  t12  quote` (with the file first
//! when searching a library), or JSON Lines. Exits 0 when something matched and 1 when nothing
//! did, as grep does.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::anyhow;
use podium::library::Item;
use podium::search::{self, Hit, QuoteIndex};
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
    /// The file the session was read from (null for the bundled session).
    file: Option<String>,
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
        let items = self.source.load_all()?;
        let index = QuoteIndex::from_sessions(items.iter().map(|i| i.session.as_ref()));
        let mut hits = search::rank(&index, &self.query, None);
        if let Some(name) = &self.speaker {
            hits = only_speaker(&items, hits, name)?;
        }
        hits.truncate(self.limit.unwrap_or(usize::MAX));
        let library = self.source.is_library();
        let mut out = std::io::stdout().lock();
        let records: Vec<Record<'_>> = hits.iter().map(|h| record(&items, h)).collect();
        if self.json {
            for r in &records {
                serde_json::to_writer(&mut out, r)?;
                writeln!(out)?;
            }
        } else {
            let colour =
                out.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            write_plain(&mut out, &records, library, colour)?;
        }
        out.flush()?;
        Ok(if hits.is_empty() {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        })
    }
}

/// Keeps the hits by the speaker `name` names in each session (name, alias or unique prefix).
fn only_speaker(items: &[Item], hits: Vec<Hit>, name: &str) -> anyhow::Result<Vec<Hit>> {
    let mut wanted: Vec<Option<usize>> = Vec::with_capacity(items.len());
    let mut last_error = None;
    for item in items {
        match item.session.find_speaker(name) {
            Ok(s) => wanted.push(item.session.speaker_index(&s.id)),
            Err(e) => {
                wanted.push(None);
                last_error = Some(e);
            }
        }
    }
    if wanted.iter().all(Option::is_none) {
        return Err(anyhow!(
            "--speaker: {}",
            last_error.map_or_else(String::new, |e| e.to_string())
        ));
    }
    Ok(hits
        .into_iter()
        .filter(|h| wanted[h.session] == Some(h.speaker))
        .collect())
}

fn record<'a>(items: &'a [Item], hit: &'a Hit) -> Record<'a> {
    let item = &items[hit.session];
    let session = item.session.as_ref();
    let turn = &session.turns[hit.quote.turn];
    Record {
        session: &session.meta.title,
        file: (!item.path.as_os_str().is_empty()).then(|| item.path.display().to_string()),
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
    records: &[Record<'_>],
    library: bool,
    colour: bool,
) -> std::io::Result<()> {
    let file_w = records
        .iter()
        .map(|r| r.file.as_deref().map_or(0, UnicodeWidthStr::width))
        .max()
        .unwrap_or(0);
    let name_w = records.iter().map(|r| r.speaker.width()).max().unwrap_or(0);
    let turn_w = records.iter().map(|r| r.turn.len()).max().unwrap_or(0);
    for r in records {
        if library {
            let file = r.file.as_deref().unwrap_or_default();
            write!(out, "{file}{}  ", " ".repeat(file_w - file.width()))?;
        }
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
