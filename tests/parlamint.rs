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
    assert_eq!(
        names(&walk.files),
        [COMMONS, LORDS, "ParlaMint-GB_2017-09-07-commons.txt"]
    );
    assert_eq!(
        names(&corpus),
        [
            "ParlaMint-GB-listOrg.xml",
            "ParlaMint-GB-listPerson.xml",
            "ParlaMint-GB.xml",
            "ParlaMint-taxonomy-speaker_types.xml"
        ]
    );
    // Even named explicitly, corpus files are passed over, not failed.
    let mut files = walk.files.clone();
    files.extend(corpus);
    let (items, failures) = library::load(&files, None, None, &|| {});
    assert!(failures.is_empty(), "{failures:?}");
    assert_eq!(items.len(), 3);
    let sessions: Vec<Arc<Session>> = items[..2].iter().map(|i| i.session.clone()).collect();
    let by_party = library::aggregate_sessions(&sessions, library::By::Party);
    let got: Vec<(&str, usize, usize)> = by_party
        .iter()
        .map(|g| (g.name.as_str(), g.speeches, g.words))
        .collect();
    // CON: Davis 90 + Blackman 47 + Jones 90 + Barran 1,377; LAB: Kinnock 23 + Touhig 16 +
    // Griffiths 885; I: Fowler 50.
    assert_eq!(got, [("CON", 4, 1604), ("LAB", 3, 924), ("I", 1, 50)]);
}

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/parlamint")
        .join(rel)
}

const SLOVENE: &str = "ParlaMint-SI/2022/ParlaMint-SI_2022-04-06-SDZ8-Izredna-99.xml";
const MESSY: &str = "messy/ParlaMint-GB_2019-03-14-messy.xml";

#[test]
fn a_real_slovene_sitting_names_and_parties_from_its_meta_tsv() {
    let l = load(&fixture(SLOVENE));
    let s = &l.session;
    assert_eq!(l.format, Format::ParlaMint, "detected, no --format");
    assert_eq!(s.meta.language.as_deref(), Some("sl"));
    assert_eq!(
        s.meta.title,
        "Slovenski parlamentarni korpus ParlaMint-SI, 99. izredna seja (6. 4. 2022) [ParlaMint SAMPLE]",
        "the title in the sitting's language"
    );
    assert_eq!(s.meta.term.as_deref(), Some("8. mandat"));
    assert_eq!(s.meta.house.as_deref(), Some("Spodnji dom"), "Body column");
    // Four <u>: Simonovič (chair), Zorčič (regular), Siter, Zorčič (chair): four turns, three
    // people. Names and parties from the table (`Simonovič, Branko`, `DeSUS`).
    assert_eq!(
        people(s),
        owned(&[
            ("Branko Simonovič", Some("DeSUS")),
            ("Igor Zorčič", Some("NP")),
            ("Primož Siter", Some("Levica")),
        ])
    );
    let roles: Vec<Option<Role>> = s.turns.iter().map(|t| t.role.clone()).collect();
    assert_eq!(
        roles,
        [
            Some(Role::Chair),
            Some(Role::Regular),
            Some(Role::Regular),
            Some(Role::Chair)
        ]
    );
    // Tokens per <u> (7, 9, 5 and 4 segs): 157, 554, 213, 32. Words: Zorčič's first speech has
    // "%" (no word) and "ZUJF-om" (two words), so it stays 554.
    assert_eq!(tokens(s), [157, 554, 213, 32]);
    assert_eq!(words(s), [157, 554, 213, 32]);
    // The kinesic between two segs stays where it stood; the votes noted inside the last
    // speech stay inline.
    assert!(s.turns[1].paragraphs[4].ends_with("ki so do sedaj [znak za konec razprave]"));
    assert!(s.turns[3].paragraphs[1].ends_with("proti nihče [Za je glasovalo 54.] [Proti nihče.]"));
    // Three heads: the first titles the section, the others are kept as notes.
    assert_eq!(s.sections[0].title, "REPUBLIKA SLOVENIJA DRŽAVNI ZBOR");
    assert_eq!(s.notes[0], "Nadaljevanje 99. izredne seje");
    // The printed labels are aliases, so `--speaker "PREDSEDNIK IGOR ZORČIČ"` finds him.
    assert_eq!(
        s.find_speaker("predsednik igor zorčič").unwrap().name,
        "Igor Zorčič"
    );
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn messy_data_warns_and_never_fails() {
    let l = load(&fixture(MESSY));
    let s = &l.session;
    let turns: Vec<(&str, Option<Role>)> = s
        .turns
        .iter()
        .map(|t| (s.speaker_name(t), t.role.clone()))
        .collect();
    let regular = Some(Role::Regular);
    assert_eq!(
        turns,
        [
            ("Stephen Kinnock", regular.clone()),
            ("David Davis", regular.clone()),
            ("Nobody Listed", regular.clone()),
            ("Дончев Томислав", Some(Role::Guest)),
            ("Peče Sašo", regular.clone()),
            ("AN HON. MEMBER", regular.clone()),
            // Two <u> without who: each its own turn, never merged.
            ("Unknown speaker", None),
            ("Unknown speaker", None),
            ("David Davis", regular.clone()),
            ("Peče Sašo", regular.clone()),
            // The same member, now chairing: a new turn.
            ("Peče Sašo", Some(Role::Chair)),
            ("Unknown speaker", regular.clone()),
        ]
    );
    assert_eq!(
        s.speakers.len(),
        7,
        "the empty <u/> of #RobertBlackman names nobody"
    );
    // Notes inside a <u> are annotations: not words, and speech goes on after them.
    assert_eq!(s.turns[4].paragraphs, ["Hvala lepa [aplavz] za besedo."]);
    assert_eq!(words(s)[4], 4);
    assert_eq!(
        s.turns[9].paragraphs,
        [
            "Again, after the interruption. [Interruption.]",
            "And still speaking."
        ]
    );
    let lines: Vec<Option<usize>> = l.warnings.iter().map(|w| w.line).collect();
    assert_eq!(
        lines,
        [
            None,
            Some(29),
            Some(42),
            Some(45),
            Some(48),
            Some(51),
            Some(62)
        ],
        "{:?}",
        l.warnings
    );
    assert!(
        l.warnings[0]
            .message
            .starts_with("5 speaker(s) named by neither")
    );
}

#[test]
fn speakers_missing_from_the_corpus_lists_are_named_and_said() {
    let dir = copy(&[
        ("ParlaMint-GB.xml", "ParlaMint-GB.xml"),
        ("ParlaMint-GB-listPerson.xml", "ParlaMint-GB-listPerson.xml"),
        ("ParlaMint-GB-listOrg.xml", "ParlaMint-GB-listOrg.xml"),
    ]);
    let path = dir.path().join("2019/ParlaMint-GB_2019-03-14-messy.xml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::copy(fixture(MESSY), &path).unwrap();
    let l = load(&path);
    let s = &l.session;
    assert_eq!(s.speakers[0].name, "Stephen Nathan Kinnock", "in the list");
    assert_eq!(s.speakers[0].party.as_deref(), Some("LAB"), "on 2019-03-14");
    assert_eq!(
        s.speakers[1].name, "David Michael Davis",
        "who without # still resolves"
    );
    assert_eq!(s.speakers[2].name, "Nobody Listed");
    assert_eq!(s.meta.house.as_deref(), Some("House of Commons"));
    let w: Vec<&str> = l.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(
        w.iter().any(|m| m.starts_with("3 speaker(s) not in the corpus's person list: #NobodyListed, #ДончевТомислав, #PečeSašo")),
        "{w:?}"
    );
}

mod never_panics {
    use proptest::prelude::*;

    use super::{COMMONS, LORDS, MESSY, SLOVENE, fixture, gb};

    fn seeds() -> Vec<String> {
        let mut out: Vec<String> = [COMMONS, LORDS]
            .iter()
            .map(|f| std::fs::read_to_string(gb().join(f)).unwrap())
            .collect();
        for f in [
            SLOVENE,
            MESSY,
            "ParlaMint-GB/ParlaMint-GB_2017-09-07-commons.txt",
        ] {
            out.push(std::fs::read_to_string(fixture(f)).unwrap());
        }
        out.push(podium::synth::parlamint::sitting(7, 30).0);
        out
    }

    /// Pieces of markup that, dropped anywhere, make the XML odd or broken.
    const SNIPPETS: &[&str] = &[
        "<",
        ">",
        "&",
        "&amp;",
        "&#x0;",
        "&bogus;",
        "\"",
        "</u>",
        "<u>",
        "<u who=\"x\">",
        "<seg>",
        "</seg>",
        "<note>",
        "</note>",
        "<gap/>",
        "<div>",
        "</div>",
        "<head>",
        "<w join=\"right\">",
        "</w>",
        "<![CDATA[x]]>",
        "<!-- ",
        "ana=\"#chair\"",
        "who=\"#\"",
        "\t",
        "[",
        "]",
        "Ж",
    ];

    #[derive(Debug, Clone)]
    enum Edit {
        DeleteLine(usize),
        DuplicateLine(usize),
        /// Cut the text at a byte (rounded down to a char boundary).
        Truncate(usize),
        Insert(usize, usize),
        /// Delete a run of bytes (rounded to char boundaries).
        Cut(usize, usize),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        prop_oneof![
            any::<usize>().prop_map(Edit::DeleteLine),
            any::<usize>().prop_map(Edit::DuplicateLine),
            any::<usize>().prop_map(Edit::Truncate),
            (any::<usize>(), 0..SNIPPETS.len()).prop_map(|(a, b)| Edit::Insert(a, b)),
            (any::<usize>(), 0usize..40).prop_map(|(a, b)| Edit::Cut(a, b)),
        ]
    }

    fn boundary(s: &str, at: usize) -> usize {
        let mut at = at % (s.len() + 1);
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    fn apply(seed: &str, edits: &[Edit]) -> String {
        let mut text = seed.to_string();
        for e in edits {
            match *e {
                Edit::DeleteLine(i) | Edit::DuplicateLine(i) => {
                    let mut lines: Vec<&str> = text.lines().collect();
                    if lines.is_empty() {
                        continue;
                    }
                    let i = i % lines.len();
                    if matches!(e, Edit::DeleteLine(_)) {
                        lines.remove(i);
                    } else {
                        lines.insert(i, lines[i]);
                    }
                    text = lines.join("\n");
                }
                Edit::Truncate(at) => {
                    let at = boundary(&text, at);
                    text.truncate(at);
                }
                Edit::Insert(at, s) => {
                    let at = boundary(&text, at);
                    text.insert_str(at, SNIPPETS[s]);
                }
                Edit::Cut(at, len) => {
                    let a = boundary(&text, at);
                    let b = boundary(&text[a..], len) + a;
                    text.replace_range(a..b, "");
                }
            }
        }
        text
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Detected or forced, from bytes or from a file beside a corpus root, lists and a
        /// -meta.tsv: a session or an error naming the file, never a panic.
        #[test]
        fn mutated_sittings(seed in 0usize..6, edits in proptest::collection::vec(edit(), 1..8)) {
            let text = apply(&seeds()[seed], &edits);
            for format in [None, Some(podium::formats::Format::ParlaMint)] {
                if let Err(e) = podium::formats::load_bytes_as("fuzz.xml", None, text.as_bytes(), format) {
                    prop_assert!(e.to_string().starts_with("fuzz.xml:"), "{}", e);
                }
            }
            let path = gb().join("2017/ParlaMint-GB_2017-09-07-commons.xml");
            if let Err(e) = podium::formats::load_bytes_from(
                "fuzz.xml",
                Some(&path),
                None,
                text.as_bytes(),
                Some(podium::formats::Format::ParlaMint),
            ) {
                prop_assert!(e.to_string().starts_with("fuzz.xml:"), "{}", e);
            }
        }

        /// Lists damaged anywhere still read as far as they go.
        #[test]
        fn mutated_lists(edits in proptest::collection::vec(edit(), 1..8)) {
            let seed = std::fs::read_to_string(gb().join("ParlaMint-GB-listPerson.xml")).unwrap();
            let text = apply(&seed, &edits);
            let mut lists = podium::formats::parlamint::lists::Lists::default();
            let _ = podium::formats::parlamint::lists::read(text.as_bytes(), &mut lists);
            for id in lists.persons.keys() {
                let _ = lists.resolve(id, Some("2017-09-07"), Some("en"));
            }
        }
    }
}
