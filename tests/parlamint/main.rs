//! ParlaMint sittings: the two real GB samples (with person and organisation lists we wrote, and
//! without them), the plain-text variant, a corpus folder as a library, and messy data.
//!
//! How the counts were made, by hand from the XML: a turn is a run of `<u>` with the same `who`
//! (and role); "tokens" are whitespace-separated pieces of the `<seg>` text of a `<u>`, with
//! the contents of note/gap/incident/kinesic/vocal left out (the count in
//! `fixtures/parlamint/SOURCES.md`); "words" are Podium's words (Unicode word boundaries), which
//! differ from tokens only where a token holds a hyphen or a dash between letters
//! (`much-valued` is two words, `flesh-and-blood` three, `immediately—as` two).

#![allow(clippy::unwrap_used)] // a failing unwrap in a test is a failing test

use std::path::{Path, PathBuf};
use std::sync::Arc;

use podium::formats::{self, Format, Loaded};
use podium::library;
use podium::session::{Role, Session};
use podium::text::word_count;

fn gb() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/parlamint/ParlaMint-GB")
}

const COMMONS: &str = "2017/ParlaMint-GB_2017-09-07-commons.xml";
const LORDS: &str = "2020/ParlaMint-GB_2020-02-12-lords.xml";

fn load(path: &Path) -> Loaded {
    formats::load_path(path, None).unwrap_or_else(|e| panic!("{e}"))
}

/// (name, party) per speaker, in order of first turn.
fn people(s: &Session) -> Vec<(String, Option<String>)> {
    s.speakers
        .iter()
        .map(|p| (p.name.clone(), p.party.clone()))
        .collect()
}

fn words(s: &Session) -> Vec<usize> {
    s.turns
        .iter()
        .map(|t| t.paragraphs.iter().map(|p| word_count(p)).sum())
        .collect()
}

/// Whitespace tokens of the speech (annotations `[…]` removed), as SOURCES.md counts.
fn tokens(s: &Session) -> Vec<usize> {
    s.turns
        .iter()
        .map(|t| {
            t.paragraphs
                .iter()
                .map(|p| {
                    let mut speech = p.clone();
                    for r in podium::text::annotation_spans(p).into_iter().rev() {
                        speech.replace_range(r, " ");
                    }
                    speech.split_whitespace().count()
                })
                .sum()
        })
        .collect()
}

fn owned(v: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
    v.iter()
        .map(|(n, p)| (n.to_string(), p.map(str::to_string)))
        .collect()
}

/// A folder holding copies of the named fixture files (relative to the GB folder), flattened
/// or not as `to` says.
fn copy(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (from, to) in files {
        let target = dir.path().join(to);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(gb().join(from), target).unwrap();
    }
    dir
}

#[test]
fn commons_2017_with_the_corpus_lists() {
    let l = load(&gb().join(COMMONS));
    assert_eq!(l.format, Format::ParlaMint);
    let s = &l.session;
    assert_eq!(s.meta.source_format, "parlamint/tei");
    assert_eq!(
        s.meta.title,
        "Great Britain parliamentary corpus ParlaMint-GB, Commons, 2017-09-07 [ParlaMint SAMPLE]"
    );
    assert_eq!(
        s.meta.event.as_deref(),
        Some("Minutes of the House of Commons, Daily Session 2017-09-07")
    );
    assert_eq!(s.meta.date.as_deref(), Some("2017-09-07"));
    assert_eq!(
        s.meta.house.as_deref(),
        Some("House of Commons"),
        "corresp=#parliament.HC in listOrg"
    );
    assert_eq!(
        s.meta.term.as_deref(),
        Some("57"),
        "<meeting n=57 ana=…#parla.term>"
    );
    assert_eq!(s.meta.language.as_deref(), Some("en"));
    // Four <u>, four different `who` in a row: four turns.
    assert_eq!(
        people(s),
        owned(&[
            ("Stephen Nathan Kinnock", Some("LAB")),
            ("David Michael Davis", Some("CON")),
            ("Robert John Blackman", Some("CON")),
            ("Marcus Charles Jones", Some("CON")),
        ])
    );
    assert_eq!(s.speakers[0].person_id.as_deref(), Some("StephenKinnock"));
    assert_eq!(s.speakers[0].organisation.as_deref(), Some("Labour"));
    let davis = &s.speakers[1].roles;
    for r in ["mp", "minister", "regular"] {
        assert!(davis.contains(&Role::from(r)), "{davis:?} lacks {r}");
    }
    // Tokens: u1 23, u2 90, u581 47, u582 90 (three segs: 58 + 27 + 5) = 250, as SOURCES.md.
    // No hyphen or dash in the day's text: words are the same.
    assert_eq!(tokens(s), [23, 90, 47, 90]);
    assert_eq!(words(s), [23, 90, 47, 90]);
    // Paragraphs: Davis's seg and the SAMPLING gap at the end of his division; Jones's three
    // segs and the two notes after him ("House adjourned.", "End of debateSection.").
    let paragraphs: Vec<usize> = s.turns.iter().map(|t| t.paragraphs.len()).collect();
    assert_eq!(paragraphs, [1, 2, 1, 4]);
    assert_eq!(s.turns[1].paragraphs[1], "[SAMPLING]");
    assert_eq!(
        s.turns[3].paragraphs[3],
        "[House adjourned.] [End of debateSection.]"
    );
    assert!(s.turns.iter().all(|t| t.role == Some(Role::Regular)));
    // Two divisions; only the first has a head.
    assert_eq!(s.sections.len(), 1);
    assert_eq!(
        s.sections[0].title,
        "Membership of the European Economic Area"
    );
    assert_eq!(s.sections[0].turn, 0);
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn lords_2020_party_valid_on_the_day() {
    let l = load(&gb().join(LORDS));
    let s = &l.session;
    assert_eq!(s.meta.house.as_deref(), Some("House of Lords"));
    // Fowler: Conservative until 2016-08-31 in our list, Independent after.
    assert_eq!(
        people(s),
        owned(&[
            ("Peter Fowler", Some("I")),
            ("James Donnelly Touhig", Some("LAB")),
            ("Leslie John Griffiths", Some("LAB")),
            ("Diana Barran", Some("CON")),
        ])
    );
    // Tokens 48 + 16 + 869 + 1,361 = 2,294, as SOURCES.md. Words: Fowler +2
    // (Elystan-Morgan, much-valued); Griffiths +16 (flesh-and-blood and nuts-and-bolts +2
    // each, twelve other hyphenated or dashed tokens +1 each); Barran +16 (decision-making—is
    // +2, Clement-Jones twice, twelve others +1 each).
    assert_eq!(tokens(s), [48, 16, 869, 1361]);
    assert_eq!(words(s), [50, 16, 885, 1377]);
    let paragraphs: Vec<usize> = s.turns.iter().map(|t| t.paragraphs.len()).collect();
    // Fowler: [Announcement], his seg, [End of debateSection.] [SAMPLING];
    // Touhig: [Question] [Asked by], his seg, [SAMPLING]; Griffiths: 5 segs;
    // Barran: 15 segs and the closing notes.
    assert_eq!(paragraphs, [3, 3, 5, 16]);
    let titles: Vec<(&str, usize)> = s
        .sections
        .iter()
        .map(|x| (x.title.as_str(), x.turn))
        .collect();
    assert_eq!(
        titles,
        [
            ("Retirement of a Member: Lord Elystan-Morgan", 0),
            ("Disability Employment Gap", 1)
        ]
    );
}

#[test]
fn the_party_follows_the_sittings_date() {
    let dir = copy(&[
        ("ParlaMint-GB.xml", "ParlaMint-GB.xml"),
        ("ParlaMint-GB-listPerson.xml", "ParlaMint-GB-listPerson.xml"),
        ("ParlaMint-GB-listOrg.xml", "ParlaMint-GB-listOrg.xml"),
    ]);
    let text = std::fs::read_to_string(gb().join(LORDS))
        .unwrap()
        .replace("when=\"2020-02-12\"", "when=\"2015-02-12\"");
    let path = dir.path().join("2015/ParlaMint-GB_2015-02-12-lords.xml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    let s = load(&path).session;
    assert_eq!(s.meta.date.as_deref(), Some("2015-02-12"));
    assert_eq!(
        s.speakers[0].party.as_deref(),
        Some("CON"),
        "Fowler before 2016-09-01"
    );
    assert_eq!(
        s.speakers[3].party, None,
        "Barran's affiliations start in 2018"
    );
}

#[test]
fn meta_tsv_names_speakers_when_the_corpus_root_is_missing() {
    let dir = copy(&[
        (COMMONS, "ParlaMint-GB_2017-09-07-commons.xml"),
        (
            "2017/ParlaMint-GB_2017-09-07-commons-meta.tsv",
            "ParlaMint-GB_2017-09-07-commons-meta.tsv",
        ),
    ]);
    let l = load(&dir.path().join("ParlaMint-GB_2017-09-07-commons.xml"));
    // Speaker_name "Kinnock, Stephen Nathan" → forenames first; Speaker_party "LAB".
    assert_eq!(
        people(&l.session),
        owned(&[
            ("Stephen Nathan Kinnock", Some("LAB")),
            ("David Michael Davis", Some("CON")),
            ("Robert John Blackman", Some("CON")),
            ("Marcus Charles Jones", Some("CON")),
        ])
    );
    assert_eq!(
        l.session.speakers[0].organisation.as_deref(),
        Some("Labour")
    );
    assert_eq!(
        l.session.meta.house.as_deref(),
        Some("Lower house"),
        "Body column"
    );
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn a_root_whose_lists_are_missing_warns_and_falls_back() {
    let dir = copy(&[
        ("ParlaMint-GB.xml", "ParlaMint-GB.xml"),
        (LORDS, LORDS),
        (
            "2020/ParlaMint-GB_2020-02-12-lords-meta.tsv",
            "2020/ParlaMint-GB_2020-02-12-lords-meta.tsv",
        ),
    ]);
    let l = load(&dir.path().join(LORDS));
    assert_eq!(l.session.speakers[0].name, "Peter Fowler");
    assert_eq!(l.session.speakers[0].party.as_deref(), Some("I"));
    let w: Vec<&str> = l.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(
        w.iter()
            .any(|m| m.contains("ParlaMint-GB-listPerson.xml, which is not there")),
        "{w:?}"
    );
}

#[test]
fn ids_name_speakers_when_nothing_else_does() {
    let dir = copy(&[(COMMONS, "x/ParlaMint-GB_2017-09-07-commons.xml")]);
    let l = load(&dir.path().join("x/ParlaMint-GB_2017-09-07-commons.xml"));
    let names: Vec<&str> = l.session.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Stephen Kinnock",
            "David Davis",
            "Robert Blackman",
            "Marcus Jones"
        ]
    );
    assert!(l.session.speakers.iter().all(|s| s.party.is_none()));
    assert_eq!(l.warnings.len(), 1, "{:?}", l.warnings);
    assert!(
        l.warnings[0]
            .message
            .contains("#StephenKinnock → “Stephen Kinnock”")
    );
}

#[test]
fn plain_text_variant_with_its_meta_tsv() {
    let dir = copy(&[
        (
            "ParlaMint-GB_2017-09-07-commons.txt",
            "ParlaMint-GB_2017-09-07-commons.txt",
        ),
        (
            "2017/ParlaMint-GB_2017-09-07-commons-meta.tsv",
            "ParlaMint-GB_2017-09-07-commons-meta.tsv",
        ),
    ]);
    let l = load(&dir.path().join("ParlaMint-GB_2017-09-07-commons.txt"));
    assert_eq!(l.format, Format::ParlaMint);
    let s = &l.session;
    assert_eq!(s.meta.source_format, "parlamint/txt");
    assert_eq!(s.meta.date.as_deref(), Some("2017-09-07"));
    assert_eq!(s.speakers[3].name, "Marcus Charles Jones");
    // One line per <u>, segs joined by a space: the same 250 words as the XML.
    assert_eq!(words(s), [23, 90, 47, 90]);
    assert!(s.turns.iter().all(|t| t.role == Some(Role::Regular)));
}

#[test]
fn a_corpus_folder_is_a_library_without_failures() {
    let (walk, corpus) = library::corpus_files(&[gb()]);
    let names = |v: &[PathBuf]| -> Vec<String> {
        v.iter()
            .map(|p| p.strip_prefix(gb()).unwrap().display().to_string())
            .collect()
    };
    assert_eq!(names(&walk.files), [COMMONS, LORDS]);
    // The text rendering of the 2017 sitting, whose TEI is in 2017/, is not a second sitting.
    assert_eq!(
        names(&corpus),
        [
            "ParlaMint-GB-listOrg.xml",
            "ParlaMint-GB-listPerson.xml",
            "ParlaMint-GB.xml",
            "ParlaMint-GB_2017-09-07-commons.txt",
            "ParlaMint-taxonomy-speaker_types.xml"
        ]
    );
    // Even named explicitly, corpus files are passed over, not failed.
    let mut files = walk.files.clone();
    files.extend(corpus);
    let (items, failures) = library::load(&files, None, None, &|| {});
    assert!(failures.is_empty(), "{failures:?}");
    assert_eq!(items.len(), 2);
    let sessions: Vec<Arc<Session>> = items.iter().map(|i| i.session.clone()).collect();
    let by_party = library::aggregate_sessions(&sessions, library::By::Party);
    let got: Vec<(&str, usize, usize)> = by_party
        .iter()
        .map(|g| (g.name.as_str(), g.speeches, g.words))
        .collect();
    // CON: Davis 90 + Blackman 47 + Jones 90 + Barran 1,377; LAB: Kinnock 23 + Touhig 16 +
    // Griffiths 885; I: Fowler 50.
    assert_eq!(got, [("CON", 4, 1604), ("LAB", 3, 924), ("I", 1, 50)]);
}

mod messy;
mod real;
mod stats;
