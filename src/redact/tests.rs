//! Names in, pseudonyms out: full names and capitalised surnames, whole words, in order of
//! first appearance, sentences kept in place.

use super::*;

fn session(text: &str) -> Session {
    crate::formats::load_bytes("x.txt", Some("x.txt"), text.as_bytes())
        .expect("reads")
        .session
}

fn redactor(names: &str, s: &Session) -> Redactor {
    Redactor::new(&parse_names(names), &[s])
}

#[test]
fn names_are_read_from_commas_lines_and_bars() {
    let names = parse_names(
        "Jane Doe, John  Smith\n# a comment, not a name\nBernhards Blumbergs | Bibi\n\n",
    );
    let spellings: Vec<Vec<&str>> = names
        .iter()
        .map(|n| n.spellings.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(
        spellings,
        [
            vec!["Jane Doe"],
            vec!["John Smith"],
            vec!["Bernhards Blumbergs", "Bibi"]
        ]
    );
}

#[test]
fn full_names_any_case_given_names_and_surnames_capitalised_whole_words_only() {
    let s = session("Ann: Hello.\nBen: Hi.\n");
    let r = redactor("Jane Doe", &s);
    assert_eq!(
        r.text("JANE DOE met jane-doe and Doe's friend; DOE agreed, and so did Jane."),
        "Person A met Person A and Person A's friend; Person A agreed, and so did Person A."
    );
    // Lowercase `doe` is a word, and names inside words are not names.
    assert_eq!(
        r.text("a doe and her fawn; jane; Janet Doerr; Doeville"),
        "a doe and her fawn; jane; Janet Doerr; Doeville"
    );
}

#[test]
fn pseudonyms_follow_first_appearance_and_speakers_lose_their_names() {
    let s = session(
        "Jane Doe: I spoke with Smith yesterday.\nJohn Smith: Jane Doe is right.\nModerator: Thanks, Mr. Smith and Ms. Doe.\n",
    );
    // Listed in the other order: Jane Doe speaks first, so she is Person A.
    let r = redactor("John Smith, Jane Doe, Nobody Here", &s);
    let mut red = s.clone();
    r.session(&mut red);
    let names: Vec<&str> = red.speakers.iter().map(|sp| sp.name.as_str()).collect();
    assert_eq!(names, ["Person A", "Person B", "Moderator"]);
    let ids: Vec<&str> = red.speakers.iter().map(|sp| sp.id.as_str()).collect();
    assert_eq!(ids, ["person-a", "person-b", "moderator"]);
    assert_eq!(
        red.turns[0].paragraphs[0],
        "I spoke with Person B yesterday."
    );
    assert_eq!(
        red.turns[2].paragraphs[0],
        "Thanks, Mr. Person B and Ms. Person A."
    );
    assert_eq!(r.pseudonyms(), ["Person A", "Person B", "Person C"]);
}

#[test]
fn a_speakers_other_spellings_go_too_and_sentences_stay_in_place() {
    let mut s = crate::bundled::session().expect("bundled");
    // The transcript spells him "Adly": another spelling is only matched when listed.
    let r = Redactor::new(&parse_names("Adli Wahid"), &[&s]);
    assert_eq!(r.text("Adly Wahid"), "Adly Person A");
    assert_eq!(
        suspects("My name is Adly Person A, and Mr. Person A", &r),
        ["Adly"]
    );
    let r = Redactor::new(&parse_names("Adli Wahid | Adly Wahid"), &[&s]);
    let before: Vec<usize> = s.turns.iter().map(|t| t.sentences.len()).collect();
    let fourth = s.turns[3].sentence(3).expect("t4.4").to_string();
    assert!(fourth.contains("Adly Wahid"), "{fourth}");
    r.session(&mut s);
    let after: Vec<usize> = s.turns.iter().map(|t| t.sentences.len()).collect();
    assert_eq!(before, after);
    assert_eq!(
        s.turns[3].sentence(3),
        Some(
            "My name is Person A, and I am with the Asia-Pacific Network Information Center as a security specialist."
        )
    );
    let json = crate::sanitize::json_string(&s, false);
    for name in ["Adli", "Adly", "Wahid", "adli-wahid"] {
        assert!(!json.contains(name), "{name} survives");
    }
}

#[test]
fn letters_go_on_past_z() {
    assert_eq!(letters(0), "A");
    assert_eq!(letters(25), "Z");
    assert_eq!(letters(26), "AA");
    assert_eq!(letters(27), "AB");
    assert_eq!(letters(26 + 26 * 26), "AAA");
}

#[test]
fn an_initial_goes_with_the_surname_and_a_renamed_speaker_gets_a_new_id() {
    let mut s = session("R. Okafor: I was there.\nBen: So was R. Okafor, and Okafor knew it.\n");
    let r = redactor("Rosa Okafor", &s);
    assert_eq!(
        r.text("Ask R. Okafor. MR. Okafor"),
        "Ask Person A. MR. Person A"
    );
    r.session(&mut s);
    let sp = &s.speakers[0];
    assert_eq!((sp.name.as_str(), sp.id.as_str()), ("Person A", "person-a"));
    let json = crate::formats::podium_json::to_string(&s).to_lowercase();
    assert!(!json.contains("okafor"), "{json}");
}

#[test]
fn names_found_nowhere_are_told() {
    let s = session("Ann: Hello Rosa Okafor.\nBen: Hi.\n");
    let names = parse_names("Rosa Okafor, Rosa Okafr, nmes.txt");
    let r = Redactor::new(&names, &[&s]);
    assert_eq!(r.unmatched(&names), ["Rosa Okafr", "nmes.txt"]);
    assert_eq!(r.text("Rosa Okafor"), "Person A");
}
