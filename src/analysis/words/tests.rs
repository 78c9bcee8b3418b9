use super::*;
use crate::session::{Speaker, SpeakerIx, SpeakerKind, Turn};

fn session(turns: &[(usize, &str)]) -> Session {
    let speakers = vec![
        Speaker::new("a".into(), "Ana Lee".into(), SpeakerKind::Person),
        Speaker::new("b".into(), "Bo Chan".into(), SpeakerKind::Person),
    ];
    let turns = turns
        .iter()
        .enumerate()
        .map(|(i, (s, text))| Turn::new(i, SpeakerIx(*s), vec![(*text).to_string()]))
        .collect();
    Session {
        speakers,
        turns,
        ..Session::default()
    }
}

fn counts(pairs: &[(&str, usize)]) -> Counts {
    let words: HashMap<String, usize> = pairs.iter().map(|(w, n)| ((*w).to_string(), *n)).collect();
    let total = words.values().sum();
    Counts {
        words,
        total,
        spoken: total,
        turns: 1,
    }
}

#[test]
fn log_odds_by_hand() {
    // The group says cert 3 times and team once (n_i = 4); the whole says cert 4, team 3 and
    // data 3 (n = 10), so the rest says cert 1, team 2, data 3 (n_j = 6). The prior is the
    // whole's counts: α_cert = 4, α_team = 3, α₀ = 10.
    let group = counts(&[("cert", 3), ("team", 1)]);
    let all = counts(&[("cert", 4), ("team", 3), ("data", 3)]);
    let scored = distinctive(&group, &all);
    let close = |a: f64, b: f64| (a - b).abs() < 1e-9;

    // cert: group (3 + 4) / (4 + 10 − 3 − 4) = 7/7, log 1 = 0;
    //       rest  (1 + 4) / (6 + 10 − 1 − 4) = 5/11, log = −0.788457360364270;
    //       δ = 0.788457360364270; σ² = 1/7 + 1/5 = 0.342857142857143;
    //       z = 0.788457360364270 / 0.585540043769119 = 1.346547292118524.
    assert_eq!(scored[0].word, "cert");
    assert_eq!((scored[0].count, scored[0].rest_count), (3, 1));
    assert!(
        close(scored[0].delta, 0.788_457_360_364_270),
        "{}",
        scored[0].delta
    );
    assert!(close(scored[0].z, 1.346_547_292_118_524), "{}", scored[0].z);

    // team: group (1 + 3) / (4 + 10 − 1 − 3) = 4/10, log = −0.916290731874155;
    //       rest  (2 + 3) / (6 + 10 − 2 − 3) = 5/11, log = −0.788457360364270;
    //       δ = −0.127833371509885; σ² = 1/4 + 1/5 = 0.45;
    //       z = −0.127833371509885 / 0.670820393249937 = −0.190562738992725.
    assert_eq!(scored[1].word, "team");
    assert_eq!((scored[1].count, scored[1].rest_count), (1, 2));
    assert!(
        close(scored[1].delta, -0.127_833_371_509_885),
        "{}",
        scored[1].delta
    );
    assert!(
        close(scored[1].z, -0.190_562_738_992_725),
        "{}",
        scored[1].z
    );
    // Only the group's own words are scored.
    assert_eq!(scored.len(), 2);
}

#[test]
fn the_only_word_said_scores_zero_not_infinity() {
    let only = counts(&[("hello", 2)]);
    let scored = distinctive(&only, &only);
    assert_eq!((scored[0].delta, scored[0].z), (0.0, 0.0));
}

#[test]
fn content_words_are_lower_cased_without_stop_words_or_numbers() {
    let stop = StopWords::for_language(None);
    let mut c = Counts::default();
    c.add_text(
        "The CERT team and the cert team’s work. We’re here; don’t stop [laughter] in 2023!",
        &stop,
    );
    // Said: The CERT team and the cert team’s work We’re here don’t stop laughter(note, not
    // a word) in 2023 → 14 words, of which cert ×2, team, team’s, work and stop are content.
    assert_eq!(c.spoken, 14);
    let mut words: Vec<(&str, usize)> = c.words.iter().map(|(w, &n)| (w.as_str(), n)).collect();
    words.sort_unstable();
    assert_eq!(
        words,
        [
            ("cert", 2),
            ("stop", 1),
            ("team", 1),
            ("team’s", 1),
            ("work", 1)
        ]
    );
    assert_eq!(c.total, 6);
    assert_eq!(c.most_frequent(2), [("cert", 2), ("stop", 1)]);
}

#[test]
fn the_session_language_picks_the_stop_list() {
    let sl = StopWords::for_language(Some("sl"));
    assert!(sl.contains("in") && sl.contains("je"), "Slovenian: in, je");
    let cs = StopWords::for_language(Some("cs-CZ"));
    assert!(
        cs.contains("který"),
        "Czech comes from the stopwords-iso lists"
    );
    let unknown = StopWords::for_language(Some("xx"));
    assert!(
        unknown.contains("the"),
        "English when the language has no list"
    );
}

#[test]
fn speakers_are_counted_apart_and_sentences_found() {
    let s = session(&[
        (0, "Security matters. Security teams share."),
        (1, "Teams share data. Data is security too."),
        (0, "Again security."),
    ]);
    let by = by_speaker(&s);
    assert_eq!(by[0].get("security"), 3);
    assert_eq!(by[1].get("security"), 1);
    assert_eq!((by[0].turns, by[1].turns), (2, 1));
    let all = sum(&by);
    assert_eq!(all.get("security"), 4);
    assert_eq!(all.total, by[0].total + by[1].total);
    let found = sentences_using(&s, "security", Some(0));
    let places: Vec<(usize, usize)> = found.iter().map(|(q, _)| (q.turn, q.sentence)).collect();
    assert_eq!(places, [(0, 0), (0, 1), (2, 0)]);
    assert_eq!(found[0].1, vec![std::ops::Range { start: 0, end: 8 }]);
    assert_eq!(sentences_using(&s, "security", None).len(), 4);
}

#[test]
fn a_library_joins_people_by_name_and_finds_them() {
    let a = Arc::new(session(&[(0, "Security first."), (1, "Data first.")]));
    let b = Arc::new(session(&[(0, "Security again."), (1, "Security never.")]));
    let lib = LibraryWords::new(&[a.clone(), b.clone()]);
    let sessions = [a, b];
    let ana = lib.find(&sessions, "ana").expect("Ana by prefix");
    assert_eq!(lib.people[ana].name, "Ana Lee");
    let counts = lib.person(ana);
    assert_eq!(counts.get("security"), 2);
    assert_eq!(lib.all.get("security"), 3);
    assert!(matches!(
        lib.find(&sessions, "zed"),
        Err(SpeakerLookupError::NotFound(_))
    ));
}
