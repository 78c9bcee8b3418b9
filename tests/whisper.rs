//! Issue 13, item 7: a speaker-less Whisper file keeps its segment times inside its one turn, as
//! paragraph starts at the pauses between segments, through Podium JSON and `txt` export.

use podium::export::{self, To};
use podium::formats::{load_bytes, podium_json};
use podium::session::Session;

const PAUSES: &str = include_str!("fixtures/whisper-pauses.json");

fn load(name: &str, text: &str) -> Session {
    load_bytes(name, Some(name), text.as_bytes())
        .expect("loads")
        .session
}

#[test]
fn pauses_start_paragraphs_that_keep_their_times() {
    let s = load("pauses.json", PAUSES);
    assert_eq!(s.meta.source_format, "json/whisper");
    assert_eq!(s.turns.len(), 1, "no speakers: one turn");
    let t = &s.turns[0];
    assert_eq!(t.paragraphs.len(), 3, "{:#?}", t.paragraphs);
    assert!(t.paragraphs[1].starts_with("Thank you. The budget committee"));
    assert!(t.paragraphs[2].starts_with("Second item"));
    assert_eq!(t.paragraph_starts, [Some(0.0), Some(18.4), Some(101.6)]);
    assert_eq!((t.start, t.end), (Some(0.0), Some(118.0)));
}

#[test]
fn segments_without_pauses_still_break_about_every_minute() {
    let segments: Vec<String> = (0..30)
        .map(|i| {
            let (a, b) = (f64::from(i) * 5.0, f64::from(i + 1) * 5.0);
            format!(r#"{{"id":{i},"seek":0,"start":{a},"end":{b},"text":" Sentence {i}.","tokens":[1]}}"#)
        })
        .collect();
    let json = format!(
        r#"{{"text":"","segments":[{}],"language":"en"}}"#,
        segments.join(",")
    );
    let s = load("long.json", &json);
    assert_eq!(
        s.turns[0].paragraph_starts,
        [Some(0.0), Some(60.0), Some(120.0)]
    );
}

#[test]
fn labelled_segments_keep_one_paragraph_per_turn() {
    let s = load(
        "x.json",
        r#"{"segments":[{"start":0,"end":1,"text":"Hi.","speaker":"SPEAKER_00"},{"start":9,"end":10,"text":"Still me.","speaker":"SPEAKER_00"}]}"#,
    );
    assert_eq!(s.turns[0].paragraphs, ["Hi. Still me."]);
}

#[test]
fn podium_json_keeps_paragraph_times_and_omits_unknown_ones() {
    let s = load("pauses.json", PAUSES);
    let json = podium_json::to_string(&s);
    assert!(json.contains("\"paragraph_starts\""), "{json}");
    let back = podium_json::parse(&json).expect("reads back");
    assert_eq!(back.turns[0].paragraph_starts, s.turns[0].paragraph_starts);
    assert_eq!(back, s);
    // A session without paragraph times writes none, and older JSON without them loads.
    let plain = podium::bundled::session().expect("bundled");
    let json = podium_json::to_string(&plain);
    assert!(!json.contains("paragraph_starts"));
    assert_eq!(podium_json::parse(&json).expect("reads"), plain);
}

#[test]
fn stray_paragraph_times_in_podium_json_are_fitted_to_the_paragraphs() {
    let s = load("pauses.json", PAUSES);
    let json = podium_json::to_string(&s).replace(
        "\"paragraph_starts\": [\n        0.0,",
        "\"paragraph_starts\": [\n        0.0, 1.0, 2.0, 3.0, 4.0,",
    );
    let back = podium_json::parse(&json).expect("reads back");
    assert_eq!(back.turns[0].paragraph_starts.len(), 3, "{json}");
}

#[test]
fn txt_export_keeps_paragraph_times_and_reads_back_with_them() {
    let s = load("pauses.json", PAUSES);
    let txt = export::export(&s, &export::all(&s), To::Text);
    assert!(txt.contains("\n\n(00:01:41.600) Second item"), "{txt}");
    let back = load("pauses.txt", &txt);
    assert_eq!(back.turns.len(), 1, "{txt}");
    assert_eq!(back.turns[0].paragraphs, s.turns[0].paragraphs);
    assert_eq!(back.turns[0].paragraph_starts, s.turns[0].paragraph_starts);
}
