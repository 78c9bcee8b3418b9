//! Issue 12, measured on real exports: the layouts they showed that Podium misread, each in a
//! fixture written for the test in the exporter's shape (tests/fixtures/attribution/shapes/).
//! Counts are made by hand from the fixture and written beside each test.

use super::*;

fn load_shape(name: &str) -> Loaded {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/attribution/shapes")
        .join(name);
    formats::load_path(&path, None).unwrap_or_else(|e| panic!("{e}"))
}

fn warned(l: &Loaded, needle: &str) -> bool {
    l.warnings.iter().any(|w| w.message.contains(needle))
}

fn starts(s: &Session) -> Vec<Option<f64>> {
    s.turns.iter().map(|t| t.start).collect()
}

#[test]
fn podcast_labels_with_nbsp_and_embeds_set_aside() {
    // By hand: DANA 9, MIRA 4, DANA 5, MIRA 4, LEO 5 (27 words). The sponsor notice is front
    // matter; the iframe, the image and the Spotify link are notes, not MIRA's or DANA's words;
    // `## Part two` is a section.
    let l = load_shape("podcast-nbsp.md");
    assert_eq!(
        turns(&l.session),
        owned(&[
            ("DANA", 9),
            ("MIRA", 4),
            ("DANA", 5),
            ("MIRA", 4),
            ("LEO", 5)
        ])
    );
    let notes = &l.session.notes;
    assert!(notes.iter().any(|n| n.starts_with("<iframe")), "{notes:?}");
    assert!(notes.iter().any(|n| n.starts_with("[Listen on Spotify]")));
    assert!(notes.iter().any(|n| n.contains("sponsored by Kettle Co")));
    assert!(warned(&l, "lines of markup"));
    assert!(l.session.sections.iter().any(|s| s.title == "Part two"));
}

#[test]
fn whisper_cpp_bold_name_then_time_heads_the_text_below() {
    // By hand: Speaker 1 5 @0, Me 4 @3, Speaker 1 7 @6, Unattributed 3 @9, Me 2 @12.
    let l = load_shape("whispercpp-dot.md");
    assert_eq!(
        turns(&l.session),
        owned(&[
            ("Speaker 1", 5),
            ("Me", 4),
            ("Speaker 1", 7),
            ("Unattributed", 3),
            ("Me", 2)
        ])
    );
    assert_eq!(
        starts(&l.session),
        [Some(0.0), Some(3.0), Some(6.0), Some(9.0), Some(12.0)]
    );
}

#[test]
fn otter_markdown_time_in_the_bold_label_is_the_turns_start() {
    // By hand: Speaker 1 5 @0, Unknown Speaker 4 @15, Speaker 1 4 @62. `**Date:**` and
    // `**Source:**` are front matter.
    let l = load_shape("otter-md-times.md");
    assert_eq!(
        turns(&l.session),
        owned(&[("Speaker 1", 5), ("Unknown Speaker", 4), ("Speaker 1", 4)])
    );
    assert_eq!(starts(&l.session), [Some(0.0), Some(15.0), Some(62.0)]);
}

#[test]
fn lower_case_bold_labels_and_numbered_tips() {
    // By hand: Student 4, School nurse 5, Student 3, School nurse 9+6+5 (the `Tip two:` and
    // `Tip three:` paragraphs are hers), Student 2.
    let l = load_shape("dialogue-lower.md");
    assert_eq!(
        turns(&l.session),
        owned(&[
            ("Student", 4),
            ("School nurse", 5),
            ("Student", 3),
            ("School nurse", 20),
            ("Student", 2)
        ])
    );
    assert!(warned(&l, "lower-case"));
    assert!(l.session.notes.iter().any(|n| n == "![[clinic.mp3]]"));
}

#[test]
fn hansard_pages_with_portrait_name_lines() {
    // By hand: Ann Lee 4, Tom Hale 8+9, Ann Lee 5. `None Portrait Hon. Members` and its
    // "Hear, hear!" are a note; dates, `- Hansard -` links and headings are furniture.
    let l = load_shape("hansard-portrait.txt");
    assert_eq!(
        turns(&l.session),
        owned(&[("Ann Lee", 4), ("Tom Hale", 17), ("Ann Lee", 5)])
    );
    let tom = l
        .session
        .speakers
        .iter()
        .find(|s| s.name == "Tom Hale")
        .unwrap();
    assert!(
        format!("{:?}{:?}", tom.organisation, tom.roles).contains("The Minister for Transport"),
        "{tom:?}"
    );
    assert!(l.session.notes.iter().any(|n| n == "Hear, hear!"));
}

#[test]
fn hansard_pages_with_party_and_profile_lines() {
    // By hand: Jo Park 12, Sam Roy 9, Kim Dale (in the chair) 5; clock times, the repeated
    // debate title and the party lines are furniture.
    let l = load_shape("hansard-openparl.txt");
    assert_eq!(
        turns(&l.session),
        owned(&[("Jo Park", 12), ("Sam Roy", 9), ("Kim Dale", 5)])
    );
    // By hand: Lou Grant, two speeches of 10 and 9 words in one turn; Lib. is the party.
    let l = load_shape("hansard-view.txt");
    assert_eq!(turns(&l.session), owned(&[("Lou Grant", 19)]));
    assert_eq!(l.session.speakers[0].party.as_deref(), Some("Lib."));
    assert_eq!(l.session.meta.title, "Hansard");
}

#[test]
fn europarl_tags_inline_are_read() {
    // By hand: President 5+5, Ortiz, Ana 9, Moreau 5, President 6; the chapter's title is a
    // section.
    let l = load_shape("europarl-inline.txt");
    assert_eq!(
        turns(&l.session),
        owned(&[
            ("President", 10),
            ("Ortiz, Ana", 9),
            ("Moreau", 5),
            ("President", 6)
        ])
    );
    assert_eq!(l.session.sections[0].title, "Opening of the sitting");
}

#[test]
fn otter_stamp_on_every_line_and_footer() {
    // By hand: Nia Brooks 8, Unknown Speaker 3, Nia Brooks 5; `0:00 ` opens every line and the
    // `Transcribed by` footer is a note.
    let l = load_shape("otter-stamped.txt");
    assert_eq!(
        turns(&l.session),
        owned(&[("Nia Brooks", 8), ("Unknown Speaker", 3), ("Nia Brooks", 5)])
    );
    assert!(warned(&l, "exporter's stamp"));
    assert!(l.session.notes.iter().any(|n| n.contains("otter.ai")));
}

#[test]
fn zoom_one_lower_case_name_once_where_every_cue_is_labelled() {
    // By hand: Priya Nair 3, Tom Wu 1, meena 2, Priya Nair 7, Tom Wu 3.
    let l = load_shape("zoom-lower-once.vtt");
    assert_eq!(
        turns(&l.session),
        owned(&[
            ("Priya Nair", 3),
            ("Tom Wu", 1),
            ("meena", 2),
            ("Priya Nair", 7),
            ("Tom Wu", 3)
        ])
    );
    assert!(warned(&l, "lower-case"));
}

#[test]
fn a_silence_cue_before_anyone_speaks_is_no_speaker() {
    // By hand: Kai 3, Lena 4+5; `[silence]` names nobody and says no words.
    let l = load_shape("stream-silence.vtt");
    assert_eq!(turns(&l.session), owned(&[("Kai", 3), ("Lena", 9)]));
    assert!(warned(&l, "before anyone speaks"));
}

#[test]
fn interview_title_page_names_the_witness_who_answers_as_ms_pike() {
    // By hand: MR. TATE 9, MS. PIKE 2, MR. TATE 5+4 (his `Q.` follows his own words), MS. PIKE
    // 4, MS. MARSH 4, MS. PIKE 5 (`BY THE WITNESS:` resumes her answer), MR. TATE 2, MS. PIKE 2.
    // `INTERVIEW OF:`, `HOUSE OVERSIGHT COMMITTEE:` and `FOR THE WITNESS:` are front matter.
    let l = load_shape("interview.txt");
    assert_eq!(
        turns(&l.session),
        owned(&[
            ("MR. TATE", 9),
            ("MS. PIKE", 2),
            ("MR. TATE", 9),
            ("MS. PIKE", 4),
            ("MS. MARSH", 4),
            ("MS. PIKE", 5),
            ("MR. TATE", 2),
            ("MS. PIKE", 2)
        ])
    );
    assert!(warned(&l, "front-matter heading"));
}

#[test]
fn court_humour_page_title_excerpt_titles_and_reporter_credits() {
    // By hand: Examiner 4, THE WITNESS 3, Examiner 1, THE WITNESS 4, MR. GRAY 2, Examiner 5,
    // THE WITNESS 4, THE COURT 2. The page's title is the session's; `Honest answer` is a
    // section; the reporter's credit and town are notes.
    let l = load_shape("court-excerpts.txt");
    assert_eq!(
        turns(&l.session),
        owned(&[
            ("Examiner", 4),
            ("THE WITNESS", 3),
            ("Examiner", 1),
            ("THE WITNESS", 4),
            ("MR. GRAY", 2),
            ("Examiner", 5),
            ("THE WITNESS", 4),
            ("THE COURT", 2)
        ])
    );
    assert!(l.session.notes.iter().any(|n| n == "Jo Ames, RPR, CRR"));
    assert!(
        l.session
            .sections
            .iter()
            .any(|s| s.title == "Honest answer")
    );
}

#[test]
fn json_lines_records_one_a_line() {
    // By hand: u-7Qx2 5 @4, u-9Lp0 7 @9, u-7Qx2 1 @15.
    let l = load_shape("records-lines.json");
    assert_eq!(l.format, Format::TranscriptJson);
    assert_eq!(
        turns(&l.session),
        owned(&[("u-7Qx2", 5), ("u-9Lp0", 7), ("u-7Qx2", 1)])
    );
    assert_eq!(starts(&l.session), [Some(4.0), Some(9.0), Some(15.0)]);
    assert!(warned(&l, "JSON Lines"));
}

#[test]
fn japanese_captions_name_the_speaker_in_full_width_brackets() {
    // By hand: 司会, 田中 (her cue and the next: `（笑）` is a note, not a speaker), 司会 (the
    // `今日中：` inside the sentence is no label), 田中.
    let l = load_shape("japanese-brackets.vtt");
    let names: Vec<String> = turns(&l.session).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["司会", "田中", "司会", "田中"]);
    assert_eq!(l.session.speakers.len(), 2);
}
