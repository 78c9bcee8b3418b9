//! The labelled-text reader on small texts, one layout each.
use super::*;
use crate::formats::pieces::build;

fn session(text: &str) -> crate::session::Session {
    let lines: Vec<&str> = text.lines().collect();
    build(parse(&lines).expect("parses"), "text")
}

fn turns(s: &crate::session::Session) -> Vec<(String, Vec<String>)> {
    s.turns
        .iter()
        .map(|t| (s.speaker_name(t).to_string(), t.paragraphs.clone()))
        .collect()
}

#[test]
fn name_colon_text_and_continuation_paragraphs() {
    let s = session(
        "Meeting notes\n\nAlice: Hello.\nStill me.\n\nNew paragraph.\nBob: Hi.\nALICE: Back.",
    );
    assert_eq!(s.meta.title, "Meeting notes");
    assert_eq!(
        turns(&s),
        [
            (
                "Alice".to_string(),
                vec!["Hello. Still me.".to_string(), "New paragraph.".to_string()]
            ),
            ("Bob".to_string(), vec!["Hi.".to_string()]),
            ("Alice".to_string(), vec!["Back.".to_string()]),
        ]
    );
}

#[test]
fn cart_markers_and_bare_chevrons() {
    let s = session(
        ">> MODERATOR: Welcome.\n>> Thank you.\nglad to be here.\n>> MANISHA LIGADE: Hi.\n>> Manisha Ligade: Again.",
    );
    let t = turns(&s);
    assert_eq!(t[0].0, "MODERATOR");
    assert_eq!(
        t[1],
        (
            "Unknown speaker".to_string(),
            vec!["Thank you. glad to be here.".to_string()]
        )
    );
    assert_eq!(
        t[2],
        (
            "MANISHA LIGADE".to_string(),
            vec!["Hi.".to_string(), "Again.".to_string()]
        )
    );
}

#[test]
fn markdown_zoom_rev_and_otter_headers() {
    let s = session("# Podcast\n\n**Host:** Welcome.\n\n**Guest**: Thanks.");
    assert_eq!(s.meta.title, "Podcast");
    assert_eq!(turns(&s)[1].0, "Guest");
    let s = session("[Jane Doe] 10:02:03\nHello all\n[John Roe] 10:02:09\nHi");
    assert_eq!(s.turns[1].start, Some(36129.0));
    let s = session("Speaker 1 (00:01:02):\nYes.\nSpeaker 2 (01:03): No.");
    assert_eq!(
        (s.turns[0].start, s.turns[1].paragraphs[0].as_str()),
        (Some(62.0), "No.")
    );
    let s = session("Jane Doe  0:02\nHello.\n\nJohn  1:05\nHi.");
    assert_eq!(s.turns[1].start, Some(65.0));
}

#[test]
fn trint_and_happy_scribe_headers() {
    let s = session("Jane Doe [00:00:05]\nHello there.\n\nJohn Roe (00:01:10)\nHi.");
    assert_eq!(turns(&s)[1].0, "John Roe");
    assert_eq!(s.turns[1].start, Some(70.0));
    let s = session("[00:00:00.00] - Speaker 1\nWelcome.\n\n[00:00:04.20] - Speaker 2\nThanks.");
    assert_eq!(
        turns(&s)[1],
        ("Speaker 2".to_string(), vec!["Thanks.".to_string()])
    );
    assert_eq!(s.turns[1].start, Some(4.2));
}

#[test]
fn inline_timestamps_and_annotations() {
    let s = session(
        "[00:03:58.22] Alice: We start [laughter] now.\nBob:\n[00:04:10] Sure (inaudible).",
    );
    assert_eq!(s.turns[0].start, Some(238.22));
    assert_eq!(s.turns[1].start, Some(250.0));
    assert_eq!(s.turns[0].paragraphs, ["We start [laughter] now."]);
    assert_eq!(crate::text::word_count(&s.turns[1].paragraphs[0]), 1);
}

#[test]
fn prose_is_not_labelled_text() {
    let lines = ["Shopping list", "eggs", "Note: milk"];
    assert!(!looks_like(&lines));
    assert!(parse(&lines).is_err());
}

#[test]
fn a_court_officer_heard_once_first_is_a_speaker_not_a_heading() {
    // `THE CLERK: All rise` opens the hearing; `INTERVIEW OF: ANN LEE` would be a heading.
    let s = session(
        "THE CLERK: All rise\nTHE COURT: Be seated.\nMR. ROE: Thank you.\nTHE COURT: Go on.",
    );
    assert_eq!(turns(&s)[0].0, "THE CLERK");
}
