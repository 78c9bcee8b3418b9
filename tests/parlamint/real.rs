//! Real sittings of parliaments other than GB, opened without `--format`: a German one whose
//! speakers only have Wikidata ids and printed labels, and a Bulgarian one (Cyrillic) named by
//! its `-meta.tsv`. The counts are the hand counts in `fixtures/parlamint/SOURCES.md`, made by a
//! Python script over the XML (`benches/parlamint_real.py`).

use super::*;

const GERMAN: &str = "ParlaMint-DE/1949/ParlaMint-DE_1949-12-02-01-021.xml";
const BULGARIAN: &str = "ParlaMint-BG/2022/ParlaMint-BG_2022-07-29.xml";

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/parlamint")
        .join(rel)
}

fn total_words(s: &Session) -> usize {
    words(s).iter().sum()
}

#[test]
fn a_german_sitting_names_speakers_by_their_labels_and_parties() {
    let l = load(&fixture(GERMAN));
    assert_eq!(l.format, Format::ParlaMint, "detected, no --format");
    let s = &l.session;
    assert_eq!(s.meta.date.as_deref(), Some("1949-12-02"));
    assert_eq!(s.meta.language.as_deref(), Some("de"));
    // `#Q70058` reads as no name: the label before the speech names him, less his office.
    assert_eq!(
        people(s),
        owned(&[
            ("Dr. Köhler", None),
            ("Strauss", Some("CSU")),
            ("Dr. Falkner", Some("BP")),
        ])
    );
    let ids: Vec<Option<&str>> = s.speakers.iter().map(|p| p.person_id.as_deref()).collect();
    assert_eq!(ids, [Some("Q70058"), Some("Q44620"), Some("Q1358025")]);
    // Four <u>, four turns (the chair, Strauss, the chair, Falkner); 149 words.
    assert_eq!(s.turns.len(), 4);
    assert_eq!(s.turns[0].role, Some(Role::Chair));
    assert_eq!(total_words(s), 149);
    assert!(
        s.warnings
            .iter()
            .any(|w| w.message.contains("#Q44620 → “Strauss”")),
        "{:?}",
        s.warnings
    );
}

#[test]
fn a_bulgarian_sitting_in_cyrillic_names_and_parties_from_its_meta_tsv() {
    let l = load(&fixture(BULGARIAN));
    assert_eq!(l.format, Format::ParlaMint);
    let s = &l.session;
    assert_eq!(s.meta.language.as_deref(), Some("bg"));
    assert_eq!(
        people(s),
        owned(&[
            ("Мирослав Николаев Иванов", Some("WCC")),
            ("Десислава Вълчева Атанасова", Some("GERB-UDF")),
            ("Костадин Тодоров Костадинов", Some("RP")),
        ])
    );
    // u1 and u165 are the chair's, around a sampling gap and two speeches: four turns.
    let who: Vec<usize> = s.turns.iter().map(|t| t.speaker.get()).collect();
    assert_eq!(who, [0, 1, 2, 0]);
    assert_eq!(total_words(s), 1968);
    let w = words(s);
    assert_eq!((w[1], w[2]), (265, 1177));
    assert_eq!(w[0] + w[3], 526);
}

#[test]
fn sittings_of_three_parliaments_are_one_library() {
    let (walk, corpus) = library::corpus_files(&[
        fixture("ParlaMint-DE"),
        fixture("ParlaMint-BG"),
        fixture("ParlaMint-SI"),
    ]);
    assert_eq!(walk.files.len(), 3, "{:?}", walk.files);
    assert!(
        corpus.is_empty(),
        "the .tsv tables are not walked: {corpus:?}"
    );
    let (items, failures) = library::load(&walk.files, None, None, &|| {});
    assert!(failures.is_empty(), "{failures:?}");
    let sessions: Vec<Arc<Session>> = items.iter().map(|i| i.session.clone()).collect();
    let by_party = library::aggregate_sessions(&sessions, library::By::Party);
    let rp = by_party.iter().find(|g| g.name == "RP").unwrap();
    assert_eq!((rp.speeches, rp.words), (1, 1177));
    let csu = by_party.iter().find(|g| g.name == "CSU").unwrap();
    assert_eq!(csu.years[0].year, "1949");
}

#[test]
fn sittings_keep_their_ids_and_the_cache_notices_an_edited_person_list() {
    let dir = copy(&[
        (COMMONS, COMMONS),
        ("ParlaMint-GB.xml", "ParlaMint-GB.xml"),
        ("ParlaMint-GB-listPerson.xml", "ParlaMint-GB-listPerson.xml"),
        ("ParlaMint-GB-listOrg.xml", "ParlaMint-GB-listOrg.xml"),
    ]);
    let sitting = dir.path().join(COMMONS);
    let cache = podium::cache::Cache::at(dir.path().join("cache"));
    let first = library::load_one(&sitting, None, Some(&cache)).unwrap();
    let s = &first.session;
    assert_eq!(
        s.meta.source_id.as_deref(),
        Some("ParlaMint-GB_2017-09-07-commons")
    );
    let ids: Vec<&[String]> = s.turns.iter().map(|t| t.source_ids.as_slice()).collect();
    assert_eq!(ids, [["u1"], ["u2"], ["u581"], ["u582"]]);
    // Kept in Podium JSON, and read back.
    let json = serde_json::to_string(s.as_ref()).unwrap();
    assert!(json.contains(r#""source_ids":["u1"]"#), "{json}");
    assert!(json.contains(r#""source_id":"ParlaMint-GB_2017-09-07-commons""#));
    let back = podium::formats::load_bytes("x.json", None, json.as_bytes()).unwrap();
    assert_eq!(back.session.turns[2].source_ids, ["u581"]);
    assert_eq!(s.speakers[0].name, "Stephen Nathan Kinnock");
    // From the cache while nothing changed; an edit of the person list is noticed.
    let again = library::load_one(&sitting, None, Some(&cache)).unwrap();
    assert!(again.warnings.is_empty() && again.session == first.session);
    let list = dir.path().join("ParlaMint-GB-listPerson.xml");
    let text = std::fs::read_to_string(&list).unwrap();
    std::fs::write(&list, text.replacen("<forename>Nathan</forename>", "", 1)).unwrap();
    let edited = library::load_one(&sitting, None, Some(&cache)).unwrap();
    assert_eq!(edited.session.speakers[0].name, "Stephen Kinnock");
}
