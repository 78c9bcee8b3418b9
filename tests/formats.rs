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
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("expected one of podium-json, json, webvtt, srt, diploai, text")
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
