//! Every transcript format, on files that reproduce the quirks real exports have. Each test
//! names its quirk; word counts are the ones a person counting by hand gets (annotations such
//! as `[laughter]` are not words).

#![allow(clippy::unwrap_used)] // a failing unwrap in a test is a failing test

use std::path::Path;
use std::process::Command;

use podium::formats::{self, Format, Loaded, podium_json};
use podium::session::{Session, SpeakerKind};

fn load(name: &str) -> Loaded {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name);
    formats::load_path(&path, None).unwrap_or_else(|e| panic!("{e}"))
}

/// (speaker, words) per turn.
fn turns(s: &Session) -> Vec<(String, usize)> {
    s.turns
        .iter()
        .map(|t| {
            let words = t
                .paragraphs
                .iter()
                .map(|p| podium::text::word_count(p))
                .sum();
            (s.speaker_name(t).to_string(), words)
        })
        .collect()
}

fn owned(v: &[(&str, usize)]) -> Vec<(String, usize)> {
    v.iter().map(|(n, w)| (n.to_string(), *w)).collect()
}

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
            ("Unknown speaker", 0),
            ("Moderator", 5),
            ("Unknown speaker", 4),
            ("Unknown speaker", 4),
            ("Jane Roe", 12),
        ])
    );
    let s = &l.session;
    assert_eq!(
        s.turns[1].paragraphs,
        ["Welcome to the closing plenary."],
        "multi-line, tags stripped"
    );
    assert_eq!(
        s.turns[0].paragraphs,
        ["[music]"],
        "the ASS tag goes, the annotation stays"
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
    assert_eq!(l.warnings.len(), 1);
    assert_eq!(l.warnings[0].line, Some(22));
}

#[test]
fn text_cart_chevrons_bare_chevrons_case_variants_annotations_and_inline_times() {
    let l = load("cart.txt");
    assert_eq!(l.format, Format::Text);
    assert_eq!(
        turns(&l.session),
        owned(&[
            ("MODERATOR", 8),
            ("MANISHA LIGADE", 15),
            ("Unknown speaker", 5),
            ("MODERATOR", 4),
            ("Unknown speaker", 3)
        ])
    );
    let s = &l.session;
    assert_eq!(s.meta.title, "RAW FILE");
    assert_eq!(
        s.notes,
        ["IGF 2023 DAY 1 MAIN HALL"],
        "front matter is a note, not the session's summary"
    );
    assert!(s.summary.is_empty());
    assert_eq!(s.turns[1].start, Some(238.22));
    assert_eq!(
        s.turns[1].paragraphs,
        [
            "Thank you. I will be brief [laughter]. We need open data.",
            "And open standards (inaudible) for everyone."
        ]
    );
    assert_eq!(
        s.turns[4].paragraphs,
        ["[unintelligible 00:08:54] about the funding?"]
    );
}

#[test]
fn text_markdown_bold_labels_and_title() {
    let l = load("podcast.md");
    assert_eq!(
        l.session.meta.title,
        "Episode 12: Internet governance in plain words"
    );
    assert_eq!(
        turns(&l.session),
        owned(&[("Host", 5), ("Guest", 10), ("Host", 5)])
    );
    assert_eq!(
        l.session.turns[1].paragraphs,
        ["Thanks for having me. It is great to be here."]
    );
}

#[test]
fn text_zoom_saved_transcript_headers_with_clock_times() {
    let l = load("zoom-saved.txt");
    assert_eq!(l.format, Format::Text);
    assert_eq!(
        turns(&l.session),
        owned(&[("Jane Doe", 6), ("John Smith", 4), ("Jane Doe", 3)])
    );
    assert_eq!(
        l.session.turns[1].start,
        Some(10.0 * 3600.0 + 2.0 * 60.0 + 9.0)
    );
}

#[test]
fn text_otter_and_rev_header_lines() {
    let l = load("otter.txt");
    assert_eq!(
        turns(&l.session),
        owned(&[("Speaker 1", 10), ("Speaker 2", 7), ("Speaker 1", 1)])
    );
    assert_eq!(l.session.turns[2].start, Some(75.0));
    let l = load("rev.txt");
    assert_eq!(
        turns(&l.session),
        owned(&[("Ana Silva", 9), ("Bruno Costa", 3), ("Ana Silva", 4)])
    );
    assert_eq!(l.session.turns[1].start, Some(12.0));
    assert_eq!(l.session.turns[2].paragraphs, ["Over to the audience."]);
}

#[test]
fn json_whisper_without_speakers_is_one_unknown_speaker() {
    let l = load("whisper.json");
    assert_eq!(
        (l.format, l.session.meta.source_format.as_str()),
        (Format::TranscriptJson, "json/whisper")
    );
    assert_eq!(turns(&l.session), owned(&[("Unknown speaker", 10)]));
    assert_eq!(l.session.turns[0].end, Some(5.8));
}

#[test]
fn json_whisperx_speaker_on_segments_or_only_on_words() {
    let l = load("whisperx.json");
    assert_eq!(
        turns(&l.session),
        owned(&[("SPEAKER_00", 3), ("SPEAKER_01", 3)])
    );
}

#[test]
fn json_assemblyai_utterances_in_milliseconds() {
    let l = load("assemblyai.json");
    assert_eq!(
        turns(&l.session),
        owned(&[("Speaker A", 3), ("Speaker B", 3), ("Speaker A", 4)])
    );
    assert_eq!(
        (l.session.turns[1].start, l.session.turns[1].end),
        (Some(2.1), Some(4.05))
    );
}

#[test]
fn json_deepgram_words_with_speaker() {
    let l = load("deepgram.json");
    assert_eq!(
        turns(&l.session),
        owned(&[("Speaker 0", 3), ("Speaker 1", 1)])
    );
    assert_eq!(l.session.turns[0].paragraphs, ["Hello and welcome."]);
}

#[test]
fn json_aws_transcribe_items_string_times_and_punctuation() {
    let l = load("aws-transcribe.json");
    assert_eq!(turns(&l.session), owned(&[("spk_0", 2), ("spk_1", 3)]));
    assert_eq!(l.session.turns[1].paragraphs, ["Thank you, Chair."]);
    assert_eq!(l.session.turns[1].start, Some(1.8));
}

#[test]
fn json_podcasting_one_word_segments_merge() {
    let l = load("podcasting.json");
    assert_eq!(
        turns(&l.session),
        owned(&[("Adam Curry", 4), ("Dave Jones", 2)])
    );
    assert_eq!(l.session.turns[0].paragraphs, ["Welcome to the show."]);
}

#[test]
fn json_records_under_one_key_with_epoch_times() {
    let l = load("records.json");
    assert_eq!(
        turns(&l.session),
        owned(&[("Chair", 6), ("Ms. Okafor", 7), ("Chair", 3)])
    );
    assert_eq!(
        l.session.turns[1].start,
        Some(6.0),
        "relative to the first segment"
    );
}

const ALL: [&str; 17] = [
    "zoom.vtt",
    "teams.vtt",
    "youtube-auto.vtt",
    "voices.vtt",
    "subtitles.srt",
    "cart.txt",
    "podcast.md",
    "zoom-saved.txt",
    "otter.txt",
    "rev.txt",
    "whisper.json",
    "whisperx.json",
    "assemblyai.json",
    "deepgram.json",
    "aws-transcribe.json",
    "podcasting.json",
    "records.json",
];

#[test]
fn every_format_round_trips_through_podium_json() {
    for name in ALL {
        let session = load(name).session;
        let json = podium_json::to_string(&session);
        let back = formats::load_bytes("back.json", None, json.as_bytes()).expect("reloads");
        assert_eq!(back.format, Format::PodiumJson, "{name}");
        assert_eq!(back.session, session, "{name}");
    }
}

#[test]
fn stats_per_format_snapshots() {
    for name in ALL {
        let out = Command::new(env!("CARGO_BIN_EXE_podium"))
            .env("XDG_DATA_HOME", "/nonexistent/podium-test-data")
            .args(["stats", &format!("tests/fixtures/formats/{name}")])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("runs");
        assert!(out.status.success(), "{name}");
        insta::assert_snapshot!(
            format!("stats_{name}"),
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

#[test]
fn format_flag_overrides_detection_and_names_the_formats() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_podium"))
            .env("XDG_DATA_HOME", "/nonexistent/podium-test-data")
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("runs")
    };
    let o = run(&[
        "stats",
        "--format",
        "webvtt",
        "tests/fixtures/formats/otter.txt",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("podium: tests/fixtures/formats/otter.txt:1: expected the WEBVTT header"),
        "{err}"
    );
    let o = run(&[
        "stats",
        "--format",
        "nope",
        "tests/fixtures/formats/zoom.vtt",
    ]);
    let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!("[possible values: {}]", names.join(", "))),
        "{err}"
    );
    let o = run(&[
        "search",
        "--format",
        "text",
        "tests/fixtures/formats/otter.txt",
        "start",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let o = run(&["formats"]);
    let listed = String::from_utf8_lossy(&o.stdout);
    for f in Format::ALL {
        assert!(listed.contains(f.name()), "{listed}");
    }
}

#[test]
fn bad_input_in_each_format_names_file_and_line() {
    let cases: [(&str, Option<Format>, &str, &str); 4] = [
        (
            "x.vtt",
            Some(Format::WebVtt),
            "Not a caption\n",
            "x.vtt:1: expected the WEBVTT header",
        ),
        (
            "x.srt",
            Some(Format::Srt),
            "just words\n",
            "x.srt:1: no cues",
        ),
        (
            "x.json",
            None,
            "{\n  \"segments\": [\n    {\"start\": 1,\n",
            "x.json:3: invalid JSON",
        ),
        (
            "x.txt",
            Some(Format::Text),
            "no labels here\n",
            "x.txt:1: no speaker labels",
        ),
    ];
    for (name, format, text, expect) in cases {
        let err =
            formats::load_bytes_as(name, Some(name), text.as_bytes(), format).expect_err(name);
        assert!(err.to_string().starts_with(expect), "{err}");
    }
}

#[test]
fn unicode_names_with_inner_spaces_and_full_width_punctuation() {
    let text = "山田 太郎：はい。\n山田 太郎: 次に進みます。\nИван Петров: Спасибо!\n";
    let l = formats::load_bytes("u.txt", Some("u.txt"), text.as_bytes()).expect("loads");
    assert_eq!(l.format, Format::Text);
    let names: Vec<&str> = l.session.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["山田 太郎", "Иван Петров"]);
}

// Issue 12: attribution you can trust. Each fixture is made in its exporter's real shape; the
// counts in each test are made by hand from the fixture and written beside it.

/// A fixture of issue 12, kept in its own folder so the fixture library other tests open
/// keeps its size.
fn load12(name: &str) -> Loaded {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/attribution")
        .join(name);
    formats::load_path(&path, None).unwrap_or_else(|e| panic!("{e}"))
}

/// Speakers in order of first turn, with (turns, words) each.
fn speakers(s: &Session) -> Vec<(String, usize, usize)> {
    s.speakers
        .iter()
        .enumerate()
        .map(|(i, sp)| {
            let ix = podium::session::SpeakerIx(i);
            let turns = s.turns_by(ix).count();
            let words = s
                .turns_by(ix)
                .flat_map(|(_, t)| t.paragraphs.iter())
                .map(|p| podium::text::word_count(p))
                .sum();
            (sp.name.clone(), turns, words)
        })
        .collect()
}

fn has_warning(l: &Loaded, needle: &str) -> bool {
    l.warnings.iter().any(|w| w.message.contains(needle))
}

#[test]
fn issue_12_zoom_vtt_lower_case_names_follow_the_files_convention() {
    // By hand: 6 cues, 5 open with `Name:`. Anita 5+4, latha 7+1, krithika 5+5 (cue 5 has no
    // label and continues her turn).
    let l = load12("zoom-lowercase.vtt");
    assert_eq!(
        turns(&l.session),
        owned(&[
            ("Anita Desai", 5),
            ("latha sriram", 7),
            ("Anita Desai", 4),
            ("krithika S", 10),
            ("latha sriram", 1)
        ])
    );
    assert!(has_warning(&l, "lower-case"));
    assert!(has_warning(&l, "inherit the previous speaker"));
}

#[test]
fn issue_12_hearing_front_matter_goes_to_notes_not_speakers() {
    // By hand: title, 7 lines of front matter (two of them label-shaped headings), then
    // SENATOR WALSH 6, MR. McNALLY 7, SENATOR WALSH 3.
    let l = load12("hearing.txt");
    let s = &l.session;
    assert_eq!(s.meta.title, "ROUGH EDITED COPY");
    assert_eq!(s.notes.len(), 7);
    assert!(s.notes.contains(&"ALSO IN ATTENDANCE:".to_string()));
    assert_eq!(
        turns(s),
        owned(&[
            ("SENATOR WALSH", 6),
            ("MR. McNALLY", 7),
            ("SENATOR WALSH", 3)
        ])
    );
    assert!(has_warning(&l, "front-matter heading"));
    assert!(has_warning(&l, "set aside as front matter"));
}

#[test]
fn issue_12_court_pages_lose_furniture_and_q_a_resolve_to_examiner_and_witness() {
    // By hand: 2 pages, 12 numbered lines of speech. THE COURT 3+1, MS. ALVAREZ (`BY`) 4+9+4,
    // Nichols (running head `Nichols - Cross`) 2+2+4 (`THE WITNESS:`)+2, MR. FOLLY 1.
    let l = load12("court.txt");
    assert_eq!(l.format, Format::Text);
    assert_eq!(
        turns(&l.session),
        owned(&[
            ("THE COURT", 3),
            ("MS. ALVAREZ", 4),
            ("Nichols", 2),
            ("MS. ALVAREZ", 9),
            ("Nichols", 2),
            ("MR. FOLLY", 1),
            ("THE COURT", 1),
            ("Nichols", 4),
            ("MS. ALVAREZ", 4),
            ("Nichols", 2),
        ])
    );
    assert_eq!(
        l.session.turns[3].paragraphs,
        ["Where were you on the night of March 3rd?"],
        "line numbers gone, the wrapped line joined"
    );
    assert!(has_warning(&l, "page numbers dropped"));
    assert!(has_warning(
        &l,
        "running heads and reporter footers dropped"
    ));
}

#[test]
fn issue_12_speechmatics_words_punctuation_and_uu() {
    // By hand: S1 "Welcome everyone." 2, S2 "Thank you." 2, UU "Applause" 1, S1 "Shall we
    // begin?" 3.
    let l = load12("speechmatics.json");
    assert_eq!(l.session.meta.source_format, "json/speechmatics");
    assert_eq!(
        turns(&l.session),
        owned(&[
            ("Speaker 1", 2),
            ("Speaker 2", 2),
            ("Unknown speaker", 1),
            ("Speaker 1", 3)
        ])
    );
    assert_eq!(l.session.turns[0].paragraphs, ["Welcome everyone."]);
    assert!(has_warning(&l, "`UU`"));
}

#[test]
fn issue_12_azure_batch_and_fast_transcription_keep_their_speakers() {
    // By hand: batch: Speaker 1 6, Speaker 2 4, Speaker 1 3; fast: Speaker 1 4, Speaker 2 4.
    let l = load12("azure-batch.json");
    assert_eq!(
        turns(&l.session),
        owned(&[("Speaker 1", 6), ("Speaker 2", 4), ("Speaker 1", 3)])
    );
    let t = &l.session.turns[1];
    assert_eq!((t.start, t.end), (Some(4.2), Some(6.0)));
    let l = load12("azure-fast.json");
    assert_eq!(
        turns(&l.session),
        owned(&[("Speaker 1", 4), ("Speaker 2", 4)])
    );
    assert_eq!(l.session.turns[1].start, Some(2.5));
}

#[test]
fn issue_12_google_speaker_tags_from_the_last_result_only() {
    // By hand: 6 words, each once (the diarized last result repeats the first two results).
    let l = load12("google-stt.json");
    assert_eq!(
        turns(&l.session),
        owned(&[("Speaker 1", 3), ("Speaker 2", 3)])
    );
    assert_eq!(l.session.turns[1].start, Some(2.2));
}

#[test]
fn issue_12_trint_words_in_milliseconds_struck_words_dropped() {
    // By hand: Ana 3 (the struck "hum" is not said), Rui 2 + 1 (a word with no speaker
    // continues the turn).
    let l = load12("trint.json");
    assert_eq!(
        turns(&l.session),
        owned(&[("Ana Lopes", 3), ("Rui Costa", 3)])
    );
    assert_eq!(l.session.turns[0].start, Some(3.05));
}

#[test]
fn issue_12_json_tool_segments_with_speaker_name_and_start_time() {
    // By hand: Priya 6, Tom 4, Priya 2; times from start_time/end_time.
    let l = load12("tool-segments.json");
    assert_eq!(
        turns(&l.session),
        owned(&[("Priya Nair", 6), ("Tom Berg", 4), ("Priya Nair", 2)])
    );
    let t = &l.session.turns[1];
    assert_eq!((t.start, t.end), (Some(3.8), Some(6.0)));
}

#[test]
fn issue_12_rttm_alone_is_turns_by_time_and_names_a_transcript_beside_it() {
    // By hand: 3 turns, 2 speakers, no words; SPEAKER_00 speaks 4.0 + 1.9 s.
    let l = load12("diarization.rttm");
    assert_eq!(l.format, Format::Rttm);
    assert_eq!(
        speakers(&l.session),
        [
            ("SPEAKER_00".to_string(), 2, 0),
            ("SPEAKER_01".to_string(), 1, 0)
        ]
    );
    let spoken: f64 = l
        .session
        .turns_by(podium::session::SpeakerIx(0))
        .filter_map(|(_, t)| t.spoken)
        .sum();
    assert!((spoken - 5.9).abs() < 1e-9, "{spoken}");
    // Whisper segments 0.2–3.6, 4.3–6.8, 7.2–8.6 against the turns above: 00, 01, 00.
    for name in ["pair/talk.json", "pair/talk.rttm"] {
        let l = load12(name);
        assert_eq!(l.session.meta.source_format, "json/whisper+rttm", "{name}");
        assert_eq!(
            turns(&l.session),
            owned(&[("SPEAKER_00", 4), ("SPEAKER_01", 4), ("SPEAKER_00", 2)]),
            "{name}"
        );
        assert!(has_warning(&l, "by time overlap"), "{name}");
    }
}

#[test]
fn issue_12_europarl_speaker_tags_chapters_and_groups() {
    // By hand: President 9+6, Evans 7, President 6; two chapters.
    let l = load12("europarl.txt");
    let s = &l.session;
    assert_eq!(
        turns(s),
        owned(&[("President", 15), ("Evans, Robert J", 7), ("President", 6)])
    );
    let evans = s.find_speaker("Evans").expect("evans");
    assert_eq!(evans.party.as_deref(), Some("PSE"));
    let sections: Vec<(&str, usize)> = s
        .sections
        .iter()
        .map(|x| (x.title.as_str(), x.turn))
        .collect();
    assert_eq!(sections, [("Resumption of the session", 0), ("Agenda", 2)]);
}

#[test]
fn issue_12_html_body_text_and_time_tables() {
    // By hand: Mayor 3 ("&" is no word), Resident 4+6, Mayor 2; the script's label is not read.
    let l = load12("transcript.html");
    assert_eq!(l.format, Format::Html);
    assert_eq!(l.session.meta.title, "Town hall, 4 May");
    assert_eq!(
        turns(&l.session),
        owned(&[("Mayor Diaz", 3), ("Resident", 10), ("Mayor Diaz", 2)])
    );
    // By hand: rows 00:00:05 Sam 5, 00:00:09 Sam 3, 00:00:12 Kim 4; the header row is no row.
    let l = load12("table.html");
    assert_eq!(l.format, Format::Html, "a table is not a DiploAI report");
    assert_eq!(turns(&l.session), owned(&[("Sam Lee", 8), ("Kim Ode", 4)]));
    assert_eq!(l.session.turns[1].start, Some(12.0));
}

#[test]
fn issue_12_markdown_heading_speakers_and_whisperx_times_in_bold_labels() {
    // By hand: Audrey 5, Moderator 5, Audrey 4; `## Invisible Disabilities:` is front matter.
    let l = load12("headings.md");
    assert_eq!(
        turns(&l.session),
        owned(&[("Audrey Tang", 5), ("Moderator", 5), ("Audrey Tang", 4)])
    );
    assert!(
        l.session
            .notes
            .contains(&"Invisible Disabilities:".to_string())
    );
    // By hand: SPEAKER_00 4, SPEAKER_01 2, SPEAKER_00 5+5; times 3, 5, 18.
    let l = load12("whisperx.md");
    assert_eq!(
        turns(&l.session),
        owned(&[("SPEAKER_00", 4), ("SPEAKER_01", 2), ("SPEAKER_00", 10)])
    );
    let starts: Vec<Option<f64>> = l.session.turns.iter().map(|t| t.start).collect();
    assert_eq!(starts, [Some(3.0), Some(5.0), Some(18.0)]);
    assert_eq!(
        l.session.turns[2].paragraphs[1], "More from the host here.",
        "the escaped time is read, not kept"
    );
}

#[test]
fn issue_12_plain_text_and_one_speaker_files_open() {
    // By hand: title line, then 8 + 11 + 9 words.
    let l = load12("plain.txt");
    assert_eq!(l.session.meta.title, "Notes from the meeting");
    assert_eq!(turns(&l.session), owned(&[("Unknown speaker", 28)]));
    assert!(has_warning(&l, "no speaker labels found"));
    // By hand: 12 + 6.
    let l = load12("one-speaker.txt");
    assert_eq!(turns(&l.session), owned(&[("Speaker 1", 18)]));
}

#[test]
fn issue_12_parentheticals_go_to_organisation_party_and_office() {
    // By hand: Weiler 8, Qualtrough 4, Weiler 2.
    let l = load12("hansard.txt");
    let s = &l.session;
    assert_eq!(
        turns(s),
        owned(&[
            ("Mr. Patrick Weiler", 8),
            ("Hon. Carla Qualtrough", 4),
            ("Mr. Patrick Weiler", 2)
        ])
    );
    let w = &s.speakers[0];
    assert_eq!(
        w.organisation.as_deref(),
        Some("West Vancouver—Sunshine Coast—Sea to Sky Country")
    );
    assert_eq!(w.party.as_deref(), Some("Lib."));
    let q = &s.speakers[1];
    assert!(
        q.roles
            .iter()
            .any(|r| r.as_str().starts_with("Minister of Employment")),
        "{:?}",
        q.roles
    );
}

#[test]
fn issue_12_show_notes_before_the_transcript_line_are_front_matter() {
    // By hand: the title has a subtitle; News, Events, Resources and the list are notes; Host 4,
    // Chris Adams 4.
    let l = load12("shownotes.md");
    assert_eq!(
        l.session.meta.title,
        "Episode 40: Project Necromancy: How to Revive a Dead Rust Project"
    );
    assert_eq!(turns(&l.session), owned(&[("Host", 4), ("Chris Adams", 4)]));
    assert!(l.session.notes.iter().any(|n| n == "- Chris Adams"));
}

#[test]
fn issue_12_check_reports_format_speakers_front_matter_and_warnings() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_podium"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("runs")
    };
    let o = run(&["check", "tests/fixtures/attribution/hearing.txt"]);
    assert!(o.status.success());
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("format: text"), "{text}");
    assert!(
        text.contains("MR. McNALLY: 1 turns, 7 words; label seen once ×1, first at line 15"),
        "{text}"
    );
    assert!(text.contains("front matter set aside (7 lines)"), "{text}");
    assert!(text.contains("line 6:"), "{text}");
    let o = run(&["check", "--json", "tests/fixtures/attribution/court.txt"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["turns"], 10);
    assert_eq!(v["speakers"][1]["name"], "MS. ALVAREZ");
    assert_eq!(v["speakers"][1]["first_line"], 5);
}
