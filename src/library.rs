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

/// [`people`] with each session's [`speaker_counts`] already known.
pub fn people_with(sessions: &[Arc<Session>], counts: &[Vec<(usize, usize)>]) -> Vec<Person> {
    let mut people: Vec<Person> = Vec::new();
    // Every person id, and every folded name or alias of speakers without one, to the person
    // it belongs to. Ids come first: a printed name may change, and namesakes are two people.
    let mut by_id: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut by_name: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (si, session) in sessions.iter().enumerate() {
        for (spi, speaker) in session.speakers.iter().enumerate() {
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

/// What [`aggregate`] groups speakers by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum By {
    /// One person across sessions: the source's person id, else the name.
    Person,
    /// The party a speaker belonged to on the session's date.
    Party,
}

impl By {
    pub fn from_name(name: &str) -> Option<By> {
        match name {
            "person" | "people" | "speaker" => Some(By::Person),
            "party" | "parties" => Some(By::Party),
            _ => None,
        }
    }
}

/// The group of speakers without a party, in [`By::Party`].
pub const NO_PARTY: &str = "(no party)";

/// Year of sessions without a date.
pub const UNDATED: &str = "undated";

/// One group's figures in one year.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct YearFigures {
    /// `2017`, or [`UNDATED`].
    pub year: String,
    pub sessions: usize,
    /// Turns: consecutive utterances of one speaker in one role are one speech.
    pub speeches: usize,
    pub words: usize,
    /// Of all words spoken in the library's sessions of that year, 0.0–1.0.
    pub share: f64,
}

/// A person's or a party's figures across a library.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Group {
    /// The person id (`StephenKinnock`), or `name:` and the folded name for a speaker the
    /// source gives no id; the party as written, or [`NO_PARTY`].
    pub key: String,
    /// The person's name as their latest session prints it; the party.
    pub name: String,
    /// For a person, the parties they spoke for, in date order; empty for a party.
    pub parties: Vec<String>,
    pub sessions: usize,
    pub speeches: usize,
    pub words: usize,
    /// Of all words in the library, 0.0–1.0.
    pub share: f64,
    /// Year by year, oldest first.
    pub years: Vec<YearFigures>,
}

/// Speeches, words and shares by person or party across `sessions`, overall and per year, most
/// words first. `counts` are each session's [`speaker_counts`].
pub fn aggregate(sessions: &[Arc<Session>], counts: &[Vec<(usize, usize)>], by: By) -> Vec<Group> {
    use std::collections::{BTreeMap, HashMap, HashSet};
    let year_of = |s: &Session| {
        s.meta
            .date
            .as_deref()
            .and_then(|d| d.get(..4))
            .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
            .map_or_else(|| UNDATED.to_string(), str::to_string)
    };
    // Oldest first, so the name kept is the latest and parties come in date order.
    let mut order: Vec<usize> = (0..sessions.len()).collect();
    order.sort_by_key(|&i| (sessions[i].meta.date.clone(), i));
    let mut year_words: BTreeMap<String, usize> = BTreeMap::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    // (group, year) → (sessions seen, speeches, words).
    let mut cells: BTreeMap<(usize, String), (HashSet<usize>, usize, usize)> = BTreeMap::new();
    let mut group_sessions: Vec<HashSet<usize>> = Vec::new();
    for &si in &order {
        let session = &sessions[si];
        let year = year_of(session);
        for (spi, speaker) in session.speakers.iter().enumerate() {
            let (turns, words) = counts
                .get(si)
                .and_then(|c| c.get(spi))
                .copied()
                .unwrap_or_default();
            *year_words.entry(year.clone()).or_default() += words;
            if turns == 0 {
                continue;
            }
            let (key, name) = match by {
                By::Person => (
                    speaker
                        .person_id
                        .clone()
                        .unwrap_or_else(|| format!("name:{}", fold_name(&speaker.name))),
                    speaker.name.clone(),
                ),
                By::Party => {
                    let p = speaker
                        .party
                        .clone()
                        .unwrap_or_else(|| NO_PARTY.to_string());
                    (p.clone(), p)
                }
            };
            let g = *index.entry(key.clone()).or_insert_with(|| {
                groups.push(Group {
                    key,
                    name: name.clone(),
                    parties: Vec::new(),
                    sessions: 0,
                    speeches: 0,
                    words: 0,
                    share: 0.0,
                    years: Vec::new(),
                });
                group_sessions.push(HashSet::new());
                groups.len() - 1
            });
            let group = &mut groups[g];
            group.name = name;
            if by == By::Person
                && let Some(p) = &speaker.party
                && !group.parties.contains(p)
            {
                group.parties.push(p.clone());
            }
            group.speeches += turns;
            group.words += words;
            group_sessions[g].insert(si);
            let cell = cells.entry((g, year.clone())).or_default();
            cell.0.insert(si);
            cell.1 += turns;
            cell.2 += words;
        }
    }
    let total: usize = year_words.values().sum();
    let ratio = |part: usize, whole: usize| {
        if whole == 0 {
            0.0
        } else {
            part as f64 / whole as f64
        }
    };
    for ((g, year), (seen, speeches, words)) in cells {
        let whole = year_words.get(&year).copied().unwrap_or(0);
        groups[g].years.push(YearFigures {
            year,
            sessions: seen.len(),
            speeches,
            words,
            share: ratio(words, whole),
        });
    }
    for (g, group) in groups.iter_mut().enumerate() {
        group.sessions = group_sessions[g].len();
        group.share = ratio(group.words, total);
    }
    groups.sort_by(|a, b| b.words.cmp(&a.words).then(a.name.cmp(&b.name)));
    groups
}

/// [`aggregate`], counting each session's words first.
pub fn aggregate_sessions(sessions: &[Arc<Session>], by: By) -> Vec<Group> {
    let counts: Vec<Vec<(usize, usize)>> = sessions.iter().map(|s| speaker_counts(s)).collect();
    aggregate(sessions, &counts, by)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::session::{Speaker, SpeakerIx, Turn};

    fn sitting(
        date: &str,
        speakers: &[(Option<&str>, &str, Option<&str>)],
        turns: &[(usize, &str)],
    ) -> Arc<Session> {
        let mut s = Session::default();
        s.meta.date = Some(date.to_string());
        for (i, (id, name, party)) in speakers.iter().enumerate() {
            let mut sp = Speaker::new(format!("s{i}"), (*name).to_string(), SpeakerKind::Person);
            sp.person_id = id.map(str::to_string);
            sp.party = party.map(str::to_string);
            s.speakers.push(sp);
        }
        for (i, (who, text)) in turns.iter().enumerate() {
            s.turns
                .push(Turn::new(i, SpeakerIx(*who), vec![(*text).to_string()]));
        }
        Arc::new(s)
    }

    fn two_years() -> Vec<Arc<Session>> {
        vec![
            sitting(
                "2018-05-01",
                &[
                    (Some("A"), "Ann Changed", Some("IND")),
                    (None, "Unknown speaker", None),
                ],
                &[(0, "a b"), (1, "c d e f")],
            ),
            sitting(
                "2017-01-01",
                &[
                    (Some("A"), "Ann", Some("LAB")),
                    (Some("B"), "Ben", Some("CON")),
                ],
                &[
                    (0, "one two three"),
                    (1, "five six"),
                    (0, "four [applause]"),
                ],
            ),
        ]
    }

    #[test]
    fn aggregate_by_person_joins_ids_across_years() {
        let groups = aggregate_sessions(&two_years(), By::Person);
        let keys: Vec<&str> = groups.iter().map(|g| g.key.as_str()).collect();
        assert_eq!(keys, ["A", "name:unknown speaker", "B"]);
        let a = &groups[0];
        assert_eq!(a.name, "Ann Changed", "the latest name");
        assert_eq!(a.parties, ["LAB", "IND"], "in date order");
        assert_eq!((a.sessions, a.speeches, a.words), (2, 3, 6));
        assert!((a.share - 0.5).abs() < 1e-9, "6 of 12 words");
        let years: Vec<(&str, usize, usize)> = a
            .years
            .iter()
            .map(|y| (y.year.as_str(), y.speeches, y.words))
            .collect();
        assert_eq!(years, [("2017", 2, 4), ("2018", 1, 2)]);
        assert!((a.years[0].share - 4.0 / 6.0).abs() < 1e-9);
        assert!((a.years[1].share - 2.0 / 6.0).abs() < 1e-9);
    }

    #[test]
    fn aggregate_by_party_on_the_sessions_date() {
        let groups = aggregate_sessions(&two_years(), By::Party);
        let got: Vec<(&str, usize, usize)> = groups
            .iter()
            .map(|g| (g.name.as_str(), g.speeches, g.words))
            .collect();
        assert_eq!(
            got,
            [
                (NO_PARTY, 1, 4),
                ("LAB", 2, 4),
                ("CON", 1, 2),
                ("IND", 1, 2)
            ]
        );
        assert!(groups.iter().all(|g| g.parties.is_empty()));
        assert_eq!(By::from_name("party"), Some(By::Party));
    }

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
