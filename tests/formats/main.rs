//! Every transcript format, on files that reproduce the quirks real exports have. Each test
//! names its quirk; word counts are the ones a person counting by hand gets (annotations such
//! as `[laughter]` are not words).

#![allow(clippy::unwrap_used)] // a failing unwrap in a test is a failing test

use std::path::Path;
use std::process::Command;

use podium::formats::{self, Format, Loaded, podium_json};
use podium::session::{Session, SpeakerKind};

mod attribution;
mod captions;
mod json;
mod shapes;
mod text;

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
            // Never the reader's own cache: what it holds was imported by another build.
            .env("XDG_CACHE_HOME", "/nonexistent/podium-test-cache")
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
            .env("XDG_CACHE_HOME", "/nonexistent/podium-test-cache")
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
