//! The library's reading, off the screen's thread and on demand: the loader turns each file
//! into its facts, row and digest and drops the session; counting the library's words reads
//! every session again one at a time (their text is not held); opening a session reads that
//! one, through the cache.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Sender;

use anyhow::Context as _;
use podium::analysis::words::{self, LibraryWords};
use podium::cache::Cache;
use podium::formats::Format;
use podium::library::Facts;
use rayon::prelude::*;

use super::Msg;
use super::config::Settings;
use super::library::{self, Library, Open};
use super::session_view::SessionView;

/// Where a library's sessions come from.
#[derive(Clone)]
pub struct LibrarySource {
    pub files: Vec<PathBuf>,
    pub format: Option<Format>,
    pub cache: Option<Cache>,
}

/// Loads the library's files in parallel on a background thread, posting each session's facts,
/// row and digest (or its failure) as it is read; no session outlives its own reading.
pub fn spawn_loader(source: LibrarySource, tx: Sender<Msg>) -> anyhow::Result<()> {
    std::thread::Builder::new()
        .name("podium-loader".into())
        .spawn(move || {
            source
                .files
                .par_iter()
                .for_each_with(tx.clone(), |tx, path| {
                    let result =
                        podium::library::digest_one(path, source.format, source.cache.as_ref())
                            .map(|digested| {
                                let row = library::Row::of(&digested);
                                (digested, row)
                            });
                    let _ = tx.send(Msg::Loaded(Box::new(result)));
                });
            let _ = tx.send(Msg::LoadDone);
        })
        .context("cannot start the loading thread")?;
    Ok(())
}

/// What counting a library's words needs: each session's file and who speaks in it.
pub struct WordJob {
    pub generation: u64,
    files: Vec<PathBuf>,
    facts: Vec<Facts>,
}

impl WordJob {
    /// The sessions the library holds now, for the count asked for as `generation`.
    pub fn new(lib: &Library, generation: u64) -> WordJob {
        WordJob {
            generation,
            files: lib.items.iter().map(|e| e.path.clone()).collect(),
            facts: lib.items.iter().map(|e| e.facts.clone()).collect(),
        }
    }

    /// Counts every session's words, reading each (through the cache) and dropping it before
    /// the next; a session that cannot be read again counts nothing. Returns the words and how
    /// many sessions failed.
    pub fn count(&self, format: Option<Format>, cache: Option<&Cache>) -> (LibraryWords, usize) {
        let counted: Vec<Option<Vec<words::Counts>>> = self
            .files
            .par_iter()
            .zip(&self.facts)
            .map(|(path, facts)| {
                let loaded = podium::load::session(path, format, cache).ok()?;
                // A session changed since the library read it would join the wrong people.
                (loaded.session.speakers.len() == facts.speakers.len())
                    .then(|| words::by_speaker(&loaded.session))
            })
            .collect();
        let failed = counted.iter().filter(|c| c.is_none()).count();
        let speakers = counted
            .into_iter()
            .zip(&self.facts)
            .map(|(c, f)| c.unwrap_or_else(|| vec![words::Counts::default(); f.speakers.len()]))
            .collect();
        (LibraryWords::from_speakers(&self.facts, speakers), failed)
    }

    /// Counts on a thread of its own and posts the result.
    pub fn spawn(self, source: &LibrarySource, tx: Sender<Msg>) -> anyhow::Result<()> {
        let (format, cache) = (source.format, source.cache.clone());
        std::thread::Builder::new()
            .name("podium-words".into())
            .spawn(move || {
                let (words, failed) = self.count(format, cache.as_ref());
                let _ = tx.send(Msg::WordsCounted {
                    generation: self.generation,
                    sessions: self.files.len(),
                    words: Arc::new(words),
                    failed,
                });
            })
            .context("cannot start the word-counting thread")?;
        Ok(())
    }
}

/// Opens what the library asked for: the session is read (through the cache) and shown at its
/// turn, quote or summary. A file that cannot be read any more is a line in the library, not
/// an error; one that changed since the library read it opens at its start.
pub fn open_session(
    lib: &mut Library,
    open: Open,
    source: &LibrarySource,
    settings: &Settings,
    tx: &Sender<Msg>,
) -> anyhow::Result<Option<SessionView>> {
    let Open::Session {
        session,
        turn,
        quote,
        summary,
    } = open;
    let Some(entry) = lib.items.get(session) else {
        return Ok(None);
    };
    let path = entry.path.clone();
    let loaded = match podium::load::session(&path, source.format, source.cache.as_ref()) {
        Ok(loaded) => loaded,
        Err(e) => {
            // The error names the file (`FILE:LINE: …`, `FILE: no such file`).
            let e = e.to_string();
            lib.message = Some(format!(
                "Cannot open {}",
                e.lines().next().unwrap_or_default()
            ));
            return Ok(None);
        }
    };
    let same = still_read_as(&loaded.session, entry);
    let mut view = SessionView::open(loaded.session, Some(path), lib.area, settings, tx)?;
    view.app.from_library = true;
    if !same {
        view.app.message = Some("This file changed since the library read it: its start".into());
        return Ok(Some(view));
    }
    if let Some(turn) = turn {
        view.app.show_turn(turn);
    }
    if let Some((quote, matched)) = quote {
        view.app.show_quote(quote, matched);
    }
    if let Some((i, matched)) = summary {
        view.app.show_summary(i, matched);
    }
    Ok(Some(view))
}

/// Whether `session` has the turns the library read in it (so its places still point right).
fn still_read_as(session: &podium::session::Session, entry: &library::Entry) -> bool {
    session.turns.len() == entry.turns.len()
        && session
            .turns
            .iter()
            .zip(entry.turns.iter())
            .all(|(t, (id, _))| t.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::library::Row;
    use ratatui::layout::Rect;

    fn library_of(dir: &std::path::Path, files: &[(&str, &str)]) -> Library {
        let mut lib = Library::new(
            crate::tui::theme::Theme::new(false),
            Rect::new(0, 0, 80, 20),
        );
        for (name, text) in files {
            let path = dir.join(name);
            std::fs::write(&path, text).expect("write");
            let it = podium::library::digest_one(&path, None, None).expect("loads");
            let row = Row::of(&it);
            lib.add(it, row);
        }
        lib.loaded();
        lib
    }

    #[test]
    fn a_file_gone_since_loading_is_a_line_in_the_library_not_a_panic() {
        let dir = tempfile::tempdir().expect("tmp");
        let mut lib = library_of(dir.path(), &[("a.txt", "Ann: Hello.\nBen: Hi.\n")]);
        std::fs::remove_file(dir.path().join("a.txt")).expect("rm");
        let source = LibrarySource {
            files: Vec::new(),
            format: None,
            cache: None,
        };
        let (tx, _rx) = std::sync::mpsc::channel();
        let open = Open::Session {
            session: 0,
            turn: Some(1),
            quote: None,
            summary: None,
        };
        let view =
            open_session(&mut lib, open, &source, &Settings::standard(), &tx).expect("no error");
        assert!(view.is_none());
        let m = lib.message.clone().unwrap_or_default();
        assert!(m.starts_with("Cannot open ") && m.contains("a.txt"), "{m}");
        assert!(!m.contains('\n'), "one line: {m}");
    }

    #[test]
    fn a_changed_file_is_told_from_the_one_read() {
        let dir = tempfile::tempdir().expect("tmp");
        let lib = library_of(dir.path(), &[("a.txt", "Ann: Hello.\nBen: Hi.\n")]);
        let path = dir.path().join("a.txt");
        let read = podium::load::session(&path, None, None)
            .expect("loads")
            .session;
        assert!(still_read_as(&read, &lib.items[0]));
        std::fs::write(&path, "Ann: Hello.\nBen: Hi.\nAnn: Bye.\n").expect("write");
        let changed = podium::load::session(&path, None, None)
            .expect("loads")
            .session;
        assert!(!still_read_as(&changed, &lib.items[0]));
    }

    #[test]
    fn words_are_counted_from_the_files_and_a_file_gone_counts_nothing() {
        let dir = tempfile::tempdir().expect("tmp");
        let lib = library_of(
            dir.path(),
            &[
                ("a.txt", "Ann: Security matters.\nBen: Data.\n"),
                ("b.txt", "Ann: Security again.\nCy: Fine.\n"),
            ],
        );
        let job = WordJob::new(&lib, 7);
        let (words, failed) = job.count(None, None);
        assert_eq!(failed, 0);
        assert_eq!(words.all.words.get("security"), Some(&2));
        std::fs::remove_file(dir.path().join("b.txt")).expect("rm");
        let (words, failed) = job.count(None, None);
        assert_eq!(failed, 1);
        assert_eq!(words.all.words.get("security"), Some(&1));
    }
}
