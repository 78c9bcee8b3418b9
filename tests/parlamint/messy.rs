//! Real and messy sittings from other parliaments: the Slovene sample, data the ParlaMint issue
//! tracker shows, and never-panic properties.

use super::*;

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
