//! WebVTT and SubRip, with the quirks Zoom, Teams, YouTube and subtitle files have.

use super::*;

#[test]
fn webvtt_zoom_name_prefixes_and_names_differing_in_case() {
    let l = load("zoom.vtt");
    assert_eq!(l.format, Format::WebVtt);
    assert_eq!(l.session.meta.title, "zoom");
    assert_eq!(
        turns(&l.session),
        owned(&[
            ("Manisha Ligade", 13),
            ("Arjun Rao", 9),
            ("Manisha Ligade", 5)
        ])
    );
    let t1 = &l.session.turns[0];
    assert_eq!(
        (t1.start, t1.end),
        (Some(1.52), Some(9.0)),
        "first start, last end"
    );
    assert_eq!(l.session.speakers[0].aliases, ["MANISHA LIGADE"]);
    assert!(t1.paragraphs[0].contains("welcome to the session. We have"));
    assert!(l.session.turns[1].paragraphs[0].contains("₹4 crore"));
}

#[test]
fn webvtt_teams_guid_ids_closed_voices_note_block_and_a_cue_without_blank_line() {
    let l = load("teams.vtt");
    assert_eq!(
        turns(&l.session),
        owned(&[
            ("Olena Kovalenko", 9),
            ("山田 太郎", 12),
            ("Olena Kovalenko", 3)
        ])
    );
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
    assert!(l.session.turns[0].paragraphs[0].starts_with("Доброго ранку."));
}

#[test]
fn webvtt_youtube_rolling_automatic_captions_are_deduplicated() {
    let l = load("youtube-auto.vtt");
    assert_eq!(
        l.session.turns[0].paragraphs,
        ["welcome to the forum today we talk about data and privacy"]
    );
    assert_eq!(l.session.speakers[0].name, "Unknown speaker");
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn webvtt_unclosed_voices_inherited_speaker_style_region_unpadded_times_hours_past_99_bom_crlf() {
    let l = load("voices.vtt");
    assert_eq!(
        turns(&l.session),
        owned(&[("Esme", 8), ("Mary", 5), ("Esme", 4)])
    );
    let s = &l.session;
    assert_eq!(s.turns[0].start, Some(0.57));
    assert_eq!(
        s.turns[0].paragraphs,
        ["It’s a blue apple tree! No, it’s not."],
        "named on the first cue only"
    );
    assert_eq!(s.turns[1].paragraphs, ["Yes it is & always was."]);
    assert_eq!(s.turns[2].start, Some(360_000.0));
}

#[test]
fn srt_numbered_unnumbered_dashes_overlaps_out_of_order_and_a_malformed_timestamp() {
    let l = load("subtitles.srt");
    assert_eq!(l.format, Format::Srt);
    assert_eq!(
        turns(&l.session),
        owned(&[
            ("Moderator", 5),
            ("Unknown speaker", 4),
            ("Unknown speaker", 4),
            ("Jane Roe", 12),
        ])
    );
    let s = &l.session;
    assert_eq!(
        s.turns[0].paragraphs,
        ["Welcome to the closing plenary."],
        "multi-line, tags stripped"
    );
    // Issue 12: a note before anyone speaks is no "Unknown speaker" with no words; the ASS tag
    // goes, the annotation is kept in the notes.
    assert_eq!(
        s.notes,
        ["[music]"],
        "the ASS tag goes, the annotation stays"
    );
    assert!(
        l.warnings
            .iter()
            .any(|w| w.message.contains("before anyone speaks"))
    );
    let jane = s.turns.last().expect("jane");
    assert_eq!(
        jane.paragraphs,
        ["Then let us start. First, a remark. Our second point. (overlapping) on budgets."]
    );
    assert_eq!(
        jane.spoken,
        Some(7.0),
        "a contained cue is not counted twice"
    );
    assert_eq!(
        s.find_speaker("moderator").expect("m").kind,
        SpeakerKind::Label
    );
    assert_eq!(
        l.warnings.len(),
        2,
        "the malformed time and the note set aside"
    );
    assert_eq!(l.warnings[0].line, Some(22));
}
