//! `podium search [PATH...] QUERY`: ranked quotes as `speaker  t12  quote` (with the file first
//! when searching a library), or JSON Lines. Exits 0 when something matched and 1 when nothing
//! did, as grep does.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::anyhow;
use podium::search::{self, QuoteIndex};
use rayon::prelude::*;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::input::Source;
use super::out::clean;

pub struct Search {
    pub source: Source,
    pub query: String,
    pub json: bool,
    pub limit: Option<usize>,
    pub speaker: Option<String>,
    /// Through the library's on-disk index ([`podium::archive`]).
    pub index: bool,
    /// Matched letters in bold red.
    pub colour: bool,
}

/// A library of more files than this is searched through its on-disk index.
const INDEX_PAST_FILES: usize = 2000;
/// Hits printed from the index when no --limit says otherwise.
const INDEX_DEFAULT_LIMIT: usize = 50;

/// One JSON Lines record.
#[derive(Serialize)]
struct Record<'a> {
    session: &'a str,
    /// The file the session was read from (null for the bundled session).
    file: Option<&'a str>,
    /// Who said it; for a summary sentence, whose summary it is (null: the session's).
    speaker: Option<&'a str>,
    /// Null for a summary sentence: it belongs to no turn.
    turn: Option<&'a str>,
    /// 1-based, as in citations (`t4.2`); null for a summary sentence.
    sentence: Option<usize>,
    /// `transcript` (something said) or `summary` (a sentence of the report's summaries).
    origin: &'static str,
    score: i64,
    quote: &'a str,
    /// Char indices of the matched letters in `quote`.
    matched: &'a [usize],
}

/// A session as search keeps it: its digest (quotes, turn ids, speakers) and its file.
struct Digest {
    file: Option<String>,
    digest: podium::digest::Digest,
}

impl Digest {
    fn new(path: &std::path::Path, digest: podium::digest::Digest) -> Self {
        Digest {
            file: (!path.as_os_str().is_empty()).then(|| path.display().to_string()),
            digest,
        }
    }
}

/// Sessions loaded per step: enough to keep both cores busy, few enough that only a small
/// part of a large library is ever held whole.
const STEP: usize = 256;

impl Search {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let files = if self.source.paths.is_empty() {
            Vec::new()
        } else {
            self.source.discover()
        };
        if self.source.is_library() {
            if self.index || files.len() > INDEX_PAST_FILES {
                return self.run_indexed(&files);
            }
        } else if self.index {
            anyhow::bail!("--index searches a library: name a folder or several files");
        }
        let (index, digests) = self.load(&files)?;
        let query = search::Query::new(&self.query);
        let mut found = search::matches(&index, &query, search::Scope::default());
        if let Some(name) = &self.speaker {
            // Quotes by the speaker: what a summary says of them is not one.
            let wanted = speaker_in_each(&digests, name)?;
            found.retain(|&(_, id)| {
                let p = index.place(id);
                p.turn.is_some() && wanted[p.session] == Some(p.speaker as usize)
            });
        }
        let found = search::ranked(found, self.limit);
        // Buffered: stdout is line-buffered, and a flush per hit dominates a large result.
        let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        let printer = Printer {
            index: &index,
            digests: &digests,
            query: &query,
            library: self.source.is_library(),
            colour: self.colour && !self.json,
        };
        if self.json {
            printer.json(&mut out, &found)?;
        } else {
            printer.plain(&mut out, &found)?;
        }
        out.flush()?;
        Ok(if found.is_empty() {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        })
    }

    /// The quote index and a digest per session, loading a library a step at a time.
    fn load(&self, files: &[std::path::PathBuf]) -> anyhow::Result<(QuoteIndex, Vec<Digest>)> {
        let mut index = QuoteIndex::default();
        let mut digests = Vec::new();
        if self.source.paths.is_empty() {
            let session = self.source.load()?;
            index.push_session_with_summaries(0, &session);
            let digest = podium::digest::Digest::new(&session);
            digests.push(Digest::new(std::path::Path::new(""), digest));
            return Ok((index, digests));
        }
        // One file or many: each through its cached digest when there is one, so a warm search
        // reads only quote text, never a whole session.
        if !self.source.is_library() {
            let path = &files[0];
            let cache = self.source.cache();
            let (mut digest, warnings) = self.digest_of(path, cache.as_ref())?;
            let shown = path.display().to_string();
            for w in &warnings {
                super::out::note(format!(
                    "warning: {}",
                    podium::formats::describe_warning(&shown, w)
                ));
            }
            index.push_digest(0, &mut digest);
            digest.quotes = Vec::new();
            digests.push(Digest::new(path, digest));
            return Ok((index, digests));
        }
        let progress = Progress::new(files.len());
        let cache = self.source.cache();
        let mut failures = 0;
        for step in files.chunks(STEP) {
            // Each file through its cached digest when there is one, else a full load.
            let loaded: Vec<_> = step
                .par_iter()
                .map(|path| {
                    let result = self.digest_of(path, cache.as_ref());
                    progress.tick();
                    (path, result)
                })
                .collect();
            for (path, result) in loaded {
                match result {
                    Ok((mut digest, warnings)) => {
                        for w in &warnings {
                            let shown = path.display().to_string();
                            progress.println(format!(
                                "warning: {}",
                                podium::formats::describe_warning(&shown, w)
                            ));
                        }
                        // The index takes the quotes; the digest keeps names and ids.
                        index.push_digest(digests.len(), &mut digest);
                        digest.quotes = Vec::new();
                        digests.push(Digest::new(path, digest));
                    }
                    Err(f) => {
                        failures += 1;
                        progress.println(format!("skipped {f}"));
                    }
                }
            }
        }
        progress.done();
        index.shrink();
        if digests.is_empty() {
            anyhow::bail!(
                "no session could be read ({} files: {failures} failed)",
                files.len()
            );
        }
        Ok((index, digests))
    }
}

impl Search {
    /// A file's search digest and the warnings of its import ([`podium::load::digest`]).
    fn digest_of(
        &self,
        path: &std::path::Path,
        cache: Option<&podium::cache::Cache>,
    ) -> Result<(podium::digest::Digest, Vec<podium::session::Warning>), podium::formats::ImportError>
    {
        podium::load::digest(path, self.source.format, cache)
    }
}

impl Search {
    /// The library through its on-disk index: brought up to date (only files added, changed or
    /// gone are touched), then asked for the best hits, which are re-ranked by the same scorer.
    fn run_indexed(&self, files: &[std::path::PathBuf]) -> anyhow::Result<ExitCode> {
        let root = podium::files::cache_dir().ok_or_else(|| {
            anyhow!("no cache directory for the index (set XDG_CACHE_HOME or HOME)")
        })?;
        let dir = podium::archive::Archive::dir_for(&root, &self.source.paths);
        let mut archive = podium::archive::Archive::open(&dir)?;
        let cache = self.source.cache();
        let progress = Progress::new(files.len());
        let failures = std::sync::atomic::AtomicUsize::new(0);
        let load = |path: &std::path::Path| match self.digest_of(path, cache.as_ref()) {
            Ok((d, _)) => Some(podium::archive::Quotes::from_digest(&d)),
            Err(e) => {
                failures.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                progress.println(format!("skipped {e}"));
                None
            }
        };
        let update = archive.update(files, &load, &|| progress.tick())?;
        progress.done();
        if update.added + update.changed + update.removed > 0 {
            super::out::note(format!(
                "index: {} files added, {} changed, {} removed ({} quotes in all)",
                update.added,
                update.changed,
                update.removed,
                archive.len()
            ));
        }
        let limit = self.limit.unwrap_or(INDEX_DEFAULT_LIMIT);
        let mut hits = archive.search(&self.query, limit)?;
        if let Some(name) = &self.speaker {
            let want = podium::text::fold_name(name);
            hits.retain(|h| podium::text::fold_name(&h.speaker).starts_with(&want));
        }
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let colour = self.colour && !self.json;
        let records: Vec<Record<'_>> = hits
            .iter()
            .map(|h| {
                let summary = h.turn == "summary";
                Record {
                    session: &h.session,
                    file: Some(&h.file),
                    speaker: Some(&h.speaker),
                    turn: (!summary).then_some(h.turn.as_str()),
                    sentence: (!summary).then_some(h.sentence as usize),
                    origin: if summary { "summary" } else { "transcript" },
                    score: h.score,
                    quote: &h.quote,
                    matched: &h.matched,
                }
            })
            .collect();
        if self.json {
            for r in &records {
                podium::sanitize::json(&mut out, r, false)?;
                writeln!(out)?;
            }
        } else {
            write_plain(&mut out, &records, true, colour)?;
        }
        out.flush()?;
        Ok(if hits.is_empty() {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        })
    }
}

/// A progress bar on stderr when it is a terminal, nothing otherwise.
pub(super) struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    pub(super) fn new(total: usize) -> Self {
        Progress((std::io::stderr().is_terminal() && total > 1).then(|| {
            let bar = indicatif::ProgressBar::new(total as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "loading {pos}/{len} sessions {wide_bar} {eta}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        }))
    }

    pub(super) fn tick(&self) {
        if let Some(b) = &self.0 {
            b.inc(1);
        }
    }

    /// `podium: LINE` above the bar (or on stderr), cleaned for the terminal.
    pub(super) fn println(&self, line: String) {
        match &self.0 {
            Some(b) => b.println(format!("podium: {}", clean(&line))),
            None => super::out::note(line),
        }
    }

    pub(super) fn done(&self) {
        if let Some(b) = &self.0 {
            b.finish_and_clear();
        }
    }
}

/// The speaker `name` names (name, alias or unique prefix) in each session, if any.
fn speaker_in_each(digests: &[Digest], name: &str) -> anyhow::Result<Vec<Option<usize>>> {
    let mut last_error = None;
    let wanted: Vec<Option<usize>> = digests
        .iter()
        .map(|d| match d.digest.find_speaker(name) {
            Ok(i) => Some(i),
            Err(e) => {
                last_error = Some(e);
                None
            }
        })
        .collect();
    if wanted.iter().all(Option::is_none) {
        return Err(anyhow!(
            "--speaker: {}",
            last_error.map_or_else(String::new, |e| e.to_string())
        ));
    }
    Ok(wanted)
}

/// Hits per step when positions are worked out: in parallel within a step, printed in order,
/// so a long result streams out without every hit's positions held at once.
const PRINT_STEP: usize = 4096;

/// Prints ranked `(score, entry)` pairs straight from the index and the digests: no hit is
/// built, and positions are worked out only when shown (colour) or written (JSON).
struct Printer<'a> {
    index: &'a QuoteIndex,
    digests: &'a [Digest],
    query: &'a search::Query,
    library: bool,
    colour: bool,
}

impl Printer<'_> {
    /// The record of entry `id` (positions as given).
    fn record<'b>(&'b self, score: i32, id: u32, matched: &'b [usize]) -> Record<'b> {
        let p = self.index.place(id);
        let d = &self.digests[p.session];
        let speaker = match p.turn {
            Some(t) => Some(d.digest.speaker_name(t)),
            None => d
                .digest
                .speakers
                .get(p.speaker as usize)
                .map(|s| s.0.as_str()),
        };
        Record {
            session: &d.digest.title,
            file: d.file.as_deref(),
            speaker,
            turn: p.turn.map(|t| d.digest.turns.get(t).map_or("", |t| t.0)),
            sentence: p.turn.map(|_| p.sentence + 1),
            origin: if p.turn.is_some() {
                "transcript"
            } else {
                "summary"
            },
            score: i64::from(score),
            quote: self.index.text(id as usize),
            matched,
        }
    }

    /// Each step's match positions, worked out in parallel, then `each` in rank order.
    fn with_positions(
        &self,
        found: &[search::Match],
        mut each: impl FnMut(i32, u32, &[usize]) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        for step in found.chunks(PRINT_STEP) {
            let positions: Vec<Vec<usize>> = step
                .par_iter()
                .with_min_len(256)
                .map_init(
                    || (search::Query::matcher(), Vec::new()),
                    |(matcher, buf), &(_, id)| {
                        self.query
                            .score_with(matcher, buf, self.index.text(id as usize), true)
                            .map(|(_, m)| m)
                            .unwrap_or_default()
                    },
                )
                .collect();
            for (&(score, id), matched) in step.iter().zip(&positions) {
                each(score, id, matched)?;
            }
        }
        Ok(())
    }

    fn json(&self, out: &mut impl Write, found: &[search::Match]) -> std::io::Result<()> {
        self.with_positions(found, |score, id, matched| {
            podium::sanitize::json(&mut *out, &self.record(score, id, matched), false)?;
            writeln!(out)
        })
    }

    /// Aligned plain lines (see [`write_plain`]), streamed.
    fn plain(&self, out: &mut impl Write, found: &[search::Match]) -> std::io::Result<()> {
        // Column widths first: a name or a file once per session and speaker, a turn per hit.
        let names: Vec<Vec<usize>> = self
            .digests
            .iter()
            .map(|d| {
                d.digest
                    .speakers
                    .iter()
                    .map(|(n, _)| clean(n).width())
                    .collect()
            })
            .collect();
        let files: Vec<usize> = self
            .digests
            .iter()
            .map(|d| d.file.as_deref().map_or(0, |f| clean(f).width()))
            .collect();
        let mut widths = Widths::default();
        for &(_, id) in found {
            let p = self.index.place(id);
            let d = &self.digests[p.session].digest;
            let (name, turn) = match p.turn {
                Some(t) => (
                    d.turns
                        .get(t)
                        .and_then(|(_, s)| names[p.session].get(s as usize).copied())
                        .unwrap_or(0),
                    d.turns.get(t).map_or(0, |(id, _)| clean(id).width()),
                ),
                None => (
                    d.speakers
                        .get(p.speaker as usize)
                        .map_or("(session)".len(), |(n, _)| clean(n).width()),
                    "summary".len(),
                ),
            };
            widths.fit(files[p.session], name, turn);
        }
        let line =
            |out: &mut dyn Write, r: &Record<'_>| widths.line(out, r, self.library, self.colour);
        if self.colour {
            self.with_positions(found, |score, id, matched| {
                line(&mut *out, &self.record(score, id, matched))
            })
        } else {
            for &(score, id) in found {
                line(&mut *out, &self.record(score, id, &[]))?;
            }
            Ok(())
        }
    }
}

/// The widths of the file, speaker and turn columns.
#[derive(Default)]
struct Widths {
    file: usize,
    name: usize,
    turn: usize,
}

impl Widths {
    /// Widens the columns to hold fields this wide once cleaned.
    fn fit(&mut self, file: usize, name: usize, turn: usize) {
        self.file = self.file.max(file);
        self.name = self.name.max(name);
        self.turn = self.turn.max(turn);
    }

    fn of(records: &[Record<'_>]) -> Self {
        let mut w = Widths::default();
        for r in records {
            let width = |s: Option<&str>, none: &str| clean(s.unwrap_or(none)).width();
            w.fit(
                width(r.file, ""),
                width(r.speaker, "(session)"),
                width(r.turn, "summary"),
            );
        }
        w
    }

    /// One `[file]  speaker  turn  quote` line; every field from the input cleaned for the
    /// terminal (one character for one, so match positions still point right).
    fn line(
        &self,
        out: &mut dyn Write,
        r: &Record<'_>,
        library: bool,
        colour: bool,
    ) -> std::io::Result<()> {
        if library {
            let file = clean(r.file.unwrap_or_default());
            write!(out, "{file}{:pad$}  ", "", pad = self.file - file.width())?;
        }
        let speaker = clean(r.speaker.unwrap_or("(session)"));
        let turn = clean(r.turn.unwrap_or("summary"));
        write!(
            out,
            "{speaker}{:a$}  {turn}{:b$}  ",
            "",
            "",
            a = self.name.saturating_sub(speaker.width()),
            b = self.turn.saturating_sub(turn.width())
        )?;
        let quote = clean(r.quote);
        if colour {
            writeln!(out, "{}", highlight(&quote, r.matched, true))
        } else {
            writeln!(out, "{quote}")
        }
    }
}

/// `[file]  speaker  turn  quote` lines, aligned; a summary sentence has `summary` for its
/// turn (and `(session)` for the session summary's speaker).
fn write_plain(
    out: &mut impl Write,
    records: &[Record<'_>],
    library: bool,
    colour: bool,
) -> std::io::Result<()> {
    let widths = Widths::of(records);
    for r in records {
        widths.line(out, r, library, colour)?;
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
