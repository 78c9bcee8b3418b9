//! A library: many sessions opened together (a folder, or several files). Files are found by
//! walking folders, parsed in parallel, cached, and the ones that fail are listed with their
//! errors and skipped, never aborting the rest. The people index joins speakers across
//! sessions by the source's person id where there is one (ParlaMint), else by name and alias;
//! [`aggregate`] sums speeches and words by person or party, year by year.
//!
//! A ParlaMint corpus is a library too: its root, person and organisation lists, taxonomies and
//! `-meta.tsv` tables are corpus files, read for names by the sittings that need them, and never
//! listed as sessions nor as failures.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::cache::Cache;
use crate::formats::parlamint::is_corpus_file;
use crate::formats::{Format, ImportError};
use crate::session::{Session, SpeakerKind, Warning};
use crate::text::fold_name;

mod aggregate;
mod facts;
pub use aggregate::{
    By, Group, NO_PARTY, UNDATED, YearFigures, aggregate, aggregate_sessions, person_parties,
    person_years, year_of, year_words,
};
pub use facts::{Digested, Facts, Sitting, digest_one};

/// File endings a library folder is searched for.
const EXTENSIONS: &[&str] = &["txt", "md", "vtt", "srt", "json", "xml"];

/// One loaded session and where it came from.
#[derive(Debug, Clone)]
pub struct Item {
    pub path: PathBuf,
    pub session: Arc<Session>,
    /// Warnings of this load (none when it came from the cache).
    pub warnings: Vec<Warning>,
}

/// Files to load for the paths given: files as they are, folders walked (hidden entries
/// skipped, symlink loops detected, each file once) for the endings Podium reads, in name
/// order; with what the walk passed over (FIFOs, devices, loops) and why. Corpus files (see
/// [`corpus_files`]) are left out: they are not sessions.
pub fn discover(inputs: &[PathBuf]) -> crate::files::Walk {
    corpus_files(inputs).0
}

/// [`discover`], with the corpus files it left out beside it: a ParlaMint corpus root, its
/// lists and taxonomies, and the annotated copy of a sitting whose plain file is there too.
pub fn corpus_files(inputs: &[PathBuf]) -> (crate::files::Walk, Vec<PathBuf>) {
    let mut walk = crate::files::walk(inputs, EXTENSIONS);
    let (corpus, files): (Vec<PathBuf>, Vec<PathBuf>) =
        walk.files.into_iter().partition(|p| is_corpus_file(p));
    walk.files = files;
    (walk, corpus)
}

/// Loads one file, through the cache when there is one.
pub fn load_one(
    path: &Path,
    format: Option<Format>,
    cache: Option<&Cache>,
) -> Result<Item, ImportError> {
    let loaded = crate::load::session(path, format, cache)?;
    Ok(Item {
        path: path.to_path_buf(),
        session: Arc::new(loaded.session),
        warnings: loaded.warnings,
    })
}

/// Loads `files` in parallel, in their order, calling `progress` after each one (from any
/// thread). Failures are returned beside the sessions, never instead of them. Corpus files
/// named among them are passed over, as [`discover`] does.
pub fn load(
    files: &[PathBuf],
    format: Option<Format>,
    cache: Option<&Cache>,
    progress: &(dyn Fn() + Sync),
) -> (Vec<Item>, Vec<ImportError>) {
    let results: Vec<Result<Item, ImportError>> = files
        .par_iter()
        .filter(|p| !is_corpus_file(p))
        .map(|p| {
            let r = load_one(p, format, cache);
            progress();
            r
        })
        .collect();
    let mut items = Vec::with_capacity(results.len());
    let mut failures = Vec::new();
    for r in results {
        match r {
            Ok(item) => items.push(item),
            Err(e) => failures.push(e),
        }
    }
    (items, failures)
}

/// One person across sessions: speakers with the same person id (ParlaMint's), or else the same
/// name or alias, are one person.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub name: String,
    pub kind: SpeakerKind,
    /// (session index, speaker index, turns, words) for each session they speak in.
    pub appearances: Vec<Appearance>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appearance {
    pub session: usize,
    pub speaker: usize,
    pub turns: usize,
    pub words: usize,
}

impl Person {
    pub fn turns(&self) -> usize {
        self.appearances.iter().map(|a| a.turns).sum()
    }

    pub fn words(&self) -> usize {
        self.appearances.iter().map(|a| a.words).sum()
    }
}

/// (turns, words) of each speaker of a session, in `Session::speakers` order.
pub fn speaker_counts(session: &Session) -> Vec<(usize, usize)> {
    let figures = crate::stats::Figures::new(session);
    figures
        .speakers(session, 0..session.turns.len())
        .iter()
        .map(|s| (s.turns, s.words))
        .collect()
}

/// Everyone who speaks in the library, most words first.
pub fn people(sessions: &[Arc<Session>]) -> Vec<Person> {
    let counts: Vec<Vec<(usize, usize)>> = sessions.iter().map(|s| speaker_counts(s)).collect();
    people_with(sessions, &counts)
}

/// [`people`] with each session's [`speaker_counts`] already known; of whole sessions or of
/// what a library keeps of them ([`Facts`]).
pub fn people_with<S: Sitting>(sessions: &[S], counts: &[Vec<(usize, usize)>]) -> Vec<Person> {
    let mut people: Vec<Person> = Vec::new();
    // Every person id, and every folded name or alias of speakers without one, to the person
    // it belongs to. Ids come first: a printed name may change, and namesakes are two people.
    let mut by_id: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut by_name: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (si, session) in sessions.iter().enumerate() {
        for (spi, speaker) in session.speakers().iter().enumerate() {
            // A generic label ("Moderator", "Speaker 1", "Unknown speaker") names a different
            // person in every session: it joins nobody across sessions, and an alias that is
            // one (a renamed "Moderator") joins nobody either. A source's own person id
            // (ParlaMint) joins before any name.
            let generic = |name: &str| {
                crate::formats::speakers::label_role(name).is_some()
                    || fold_name(name) == "unknown speaker"
            };
            let names: Vec<String> = if speaker.kind == SpeakerKind::Label || generic(&speaker.name)
            {
                vec![format!("{si}\u{0}{}", fold_name(&speaker.name))]
            } else {
                speaker
                    .names()
                    .filter(|n| !generic(n))
                    .map(fold_name)
                    .collect()
            };
            let known = match speaker.person_id.as_deref() {
                Some(id) => by_id.get(id).copied(),
                None => names.iter().find_map(|n| by_name.get(n).copied()),
            };
            let i = match known {
                Some(i) => i,
                None => {
                    people.push(Person {
                        name: speaker.name.clone(),
                        kind: speaker.kind,
                        appearances: Vec::new(),
                    });
                    people.len() - 1
                }
            };
            match speaker.person_id.as_deref() {
                Some(id) => {
                    by_id.entry(id).or_insert(i);
                }
                None => {
                    for n in names {
                        by_name.entry(n).or_insert(i);
                    }
                }
            }
            let (turns, words) = counts
                .get(si)
                .and_then(|c| c.get(spi))
                .copied()
                .unwrap_or_default();
            people[i].appearances.push(Appearance {
                session: si,
                speaker: spi,
                turns,
                words,
            });
        }
    }
    people.sort_by(|a, b| b.words().cmp(&a.words()).then(a.name.cmp(&b.name)));
    people
}

#[cfg(test)]
mod tests {
    use super::aggregate::tests::sitting;
    use super::*;

    #[test]
    fn people_are_joined_by_person_id_before_name() {
        let a = sitting(
            "2017-01-01",
            &[(Some("A1"), "Ann Lee", None), (Some("A2"), "Ann Lee", None)],
            &[(0, "x"), (1, "y")],
        );
        let b = sitting(
            "2018-01-01",
            &[(Some("A1"), "Ann Lee-Smith", None)],
            &[(0, "z")],
        );
        let people = people(&[a, b]);
        assert_eq!(people.len(), 2, "namesakes stay two people");
        let a1 = people
            .iter()
            .find(|p| p.appearances.len() == 2)
            .expect("joined by id");
        assert_eq!(a1.name, "Ann Lee");
    }

    #[test]
    fn folders_are_walked_and_failures_listed_not_fatal() {
        let dir = tempfile::tempdir().expect("tmp");
        let d = dir.path();
        std::fs::create_dir_all(d.join("day1")).expect("dir");
        std::fs::write(d.join("day1/a.txt"), "Ann: Hello.\nBen: Hi there.\n").expect("w");
        std::fs::write(
            d.join("b.vtt"),
            "WEBVTT\n\n00:01.000 --> 00:02.000\n<v ann>Again.\n",
        )
        .expect("w");
        std::fs::write(d.join("broken.srt"), "nothing here\n").expect("w");
        std::fs::write(d.join(".hidden.txt"), "Ann: secret\nBen: x\n").expect("w");
        std::fs::write(d.join("notes.pdf"), "x").expect("w");
        let files = discover(&[d.to_path_buf()]).files;
        let names: Vec<String> = files
            .iter()
            .map(|p| p.strip_prefix(d).expect("inside").display().to_string())
            .collect();
        assert_eq!(names, ["b.vtt", "broken.srt", "day1/a.txt"]);
        let cache = Cache::at(d.join("cache"));
        let (items, failures) = load(&files, None, Some(&cache), &|| {});
        assert_eq!(items.len(), 2);
        assert_eq!(failures.len(), 1);
        assert!(
            failures[0]
                .to_string()
                .contains("broken.srt:1: not a transcript")
        );
        let again = load(&files, None, Some(&cache), &|| {});
        assert_eq!(again.0.len(), 2);
        assert_eq!(
            again.0[0].session, items[0].session,
            "from the cache, the same session"
        );
        let sessions: Vec<Arc<Session>> = items.iter().map(|i| i.session.clone()).collect();
        let people = people(&sessions);
        let ann = people
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case("ann"))
            .expect("ann");
        assert_eq!(
            ann.appearances.len(),
            2,
            "same name in two sessions is one person"
        );
        assert_eq!(ann.turns(), 2);
    }

    #[test]
    fn generic_labels_are_never_one_person_across_sessions() {
        let load = |name: &str, text: &str| {
            Arc::new(
                crate::formats::load_bytes(name, Some(name), text.as_bytes())
                    .expect("loads")
                    .session,
            )
        };
        let a = load(
            "a.txt",
            "Moderator: Welcome.\nSpeaker 1: Hi.\nAnn Lee: Hello.\n",
        );
        let b = load(
            "b.txt",
            "Moderator: Again.\nSpeaker 1: Yes.\nAnn Lee: Bye.\n",
        );
        let mut renamed = (*load("c.txt", "Moderator: Third.\nBo Chen: No.\n")).clone();
        assert!(crate::names::rename(
            &mut renamed,
            "Moderator",
            "Kenny Chantre"
        ));
        let people = people(&[a, b, Arc::new(renamed)]);
        let count = |name: &str| people.iter().filter(|p| p.name == name).count();
        assert_eq!(count("Moderator"), 2, "{people:#?}");
        assert_eq!(count("Speaker 1"), 2);
        let ann = people.iter().find(|p| p.name == "Ann Lee").expect("ann");
        assert_eq!(ann.appearances.len(), 2, "a person's name still joins");
        let kenny = people
            .iter()
            .find(|p| p.name == "Kenny Chantre")
            .expect("kenny");
        assert_eq!(
            kenny.appearances.len(),
            1,
            "the alias Moderator joins nobody"
        );
    }
}
