//! Issue 13 on the command line: `podium summary` (each summary sentence with its sources),
//! summary hits in `podium search`, kwic of phrases and Japanese words, and times in
//! citations and txt exports.

#![allow(clippy::unwrap_used)] // a failing unwrap in a test is a failing test

mod common;

use common::{SUMMARY, podium, stderr, stdout, write};

fn json_lines(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect()
}

fn starting<'a>(records: &'a [serde_json::Value], start: &str) -> &'a serde_json::Value {
    records
        .iter()
        .find(|r| r["sentence"].as_str().unwrap().starts_with(start))
        .unwrap_or_else(|| panic!("no summary sentence {start:?}"))
}

/// The seed check of issue 13: three sentences of the bundled report's summaries and where a
/// reader finds them in the transcript.
#[test]
fn summary_json_finds_the_sources_a_reader_finds() {
    let o = podium(&["summary", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let records = json_lines(&stdout(&o));
    for (start, turn) in [
        (
            "Previously, Adly Wahid has gained valuable experience",
            "t4",
        ),
        (
            "Masae Toyama, a cybersecurity practitioner, has drawn attention",
            "t6",
        ),
        (
            "The meeting also underscored the need to understand and prioritize device and personal security.",
            "t18",
        ),
    ] {
        let r = starting(&records, start);
        assert_eq!(r["sources"][0]["turn"], turn, "{r}");
        assert!(
            r["sources"][0]["sentence"].as_u64().unwrap() >= 1,
            "1-based"
        );
        assert!(r["sources"][0]["score"].as_f64().unwrap() > 0.0);
        assert_eq!(r["supported"], true, "{r}");
    }
    let masae = starting(&records, "Masae Toyama, a cybersecurity practitioner");
    assert_eq!(masae["speaker"], "Masae Toyama");
    assert_eq!(masae["paragraph"], 1);
    assert!(records.iter().any(|r| r["supported"] == false));
}

#[test]
fn summary_plain_prints_sources_as_citations() {
    let o = podium(&["summary"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.starts_with("Masae Toyama\n  Masae Toyama, a cybersecurity"),
        "{text}"
    );
    let line = text
        .lines()
        .find(|l| l.contains("Previously, Adly Wahid has gained"))
        .expect("the line");
    assert!(line.contains(" [t4."), "{line}");
    assert!(text.contains("[no clear source in the transcript]"));
}

#[test]
fn summary_of_a_report_without_summaries_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "t.txt", b"Ann: Hello there.\nBen: Hi.\n");
    let o = podium(&["summary", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("the report has no summaries"));
}

#[test]
fn search_marks_summary_hits() {
    let o = podium(&["search", "'underscored 'prioritize", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let hits = json_lines(&stdout(&o));
    let first = &hits[0];
    assert_eq!(first["origin"], "summary", "{first}");
    assert!(first["turn"].is_null() && first["sentence"].is_null());
    let said = json_lines(&stdout(&podium(&["search", "'personal 'cyber", "--json"])));
    assert!(
        said.iter()
            .any(|h| h["origin"] == "transcript" && h["turn"] == "t18")
    );
    let plain = stdout(&podium(&["search", "'underscored 'prioritize"]));
    assert!(
        plain.lines().next().unwrap().contains("  summary  "),
        "{plain}"
    );
    // --speaker keeps what the speaker said, not what a summary says of them.
    let only = json_lines(&stdout(&podium(&[
        "search",
        "hygiene",
        "--json",
        "--speaker",
        "Bernhards",
    ])));
    assert!(!only.is_empty() && only.iter().all(|h| h["origin"] == "transcript"));
}

#[test]
fn search_of_a_summary_only_report_finds_its_summaries() {
    let o = podium(&["search", SUMMARY, "cyber hygiene", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let hits = json_lines(&stdout(&o));
    assert!(!hits.is_empty());
    assert!(
        hits.iter()
            .all(|h| h["origin"] == "summary" && h["turn"].is_null())
    );
}

#[test]
fn kwic_finds_phrases_and_japanese_words() {
    let o = podium(&["kwic", "'cyber hygiene'", "--width", "20"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 3, "{}", stdout(&o));
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "ja.txt",
        "戸山正恵: 進捗を共有します。\n真鍋博樹: 進捗管理は大切です。\n".as_bytes(),
    );
    let o = podium(&["kwic", f.to_str().unwrap(), "進捗", "--width", "10"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 2, "{}", stdout(&o));
}

#[test]
fn timed_transcripts_cite_and_export_their_times() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "ep.vtt",
        b"WEBVTT\n\n00:00:05.000 --> 00:00:07.000\n<v Ann>Welcome.\n\n00:01:42.000 --> 00:01:45.000\n<v Travis>Glad to be here.\n",
    );
    let path = f.to_str().unwrap();
    let o = podium(&["cite", path, "t2"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o)
            .trim_end()
            .ends_with("— Travis, ep, t2 [00:01:42]"),
        "{}",
        stdout(&o)
    );
    let txt = stdout(&podium(&["export", path, "--to", "txt"]));
    assert!(txt.contains("Travis (00:01:42): Glad to be here."), "{txt}");
    let back = write(dir.path(), "back.txt", txt.as_bytes());
    let json = stdout(&podium(&["stats", back.to_str().unwrap(), "--json"]));
    let stats: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(stats["turns"][1]["start_seconds"], 102.0, "{json}");
    assert_eq!(stats["turns"][1]["time_source"], "measured");
}
