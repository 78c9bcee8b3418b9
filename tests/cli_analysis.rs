//! Issue 16: `podium words` and `podium timeline`, run as a script would. The word counts are
//! checked against an independent count over `podium export --to json`; a library's against
//! counts made by hand.

#![allow(clippy::unwrap_used)] // a failing unwrap in a test is a failing test

mod common;

use std::collections::HashMap;

use common::{FULL, path, podium, stderr, stdout, write};
use unicode_width::UnicodeWidthStr;

/// `podium words ARGS --json` as records.
fn words_json(args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["words"];
    all.extend(args);
    all.push("--json");
    let o = podium(&all);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// Lower-cased tokens of `text` by a rule of the test's own, not Podium's: annotations in
/// square brackets dropped, split at white space, dashes and slashes, punctuation trimmed from
/// both ends.
fn tokens(text: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '[' => depth += 1,
            ']' if depth > 0 => depth -= 1,
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    plain
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '/'))
        .map(|t| {
            t.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|t| !t.is_empty())
        .collect()
}

#[test]
fn words_counts_agree_with_an_independent_count_of_the_export() {
    let export = podium(&["export", FULL, "--to", "json"]);
    assert!(export.status.success(), "{}", stderr(&export));
    let session: serde_json::Value = serde_json::from_slice(&export.stdout).expect("json");
    let ids: HashMap<&str, &str> = session["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["name"].as_str().unwrap(), s["id"].as_str().unwrap()))
        .collect();
    // Each turn's speaker id and its tokens.
    let turns: Vec<(&str, Vec<String>)> = session["turns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let text: Vec<&str> = t["paragraphs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_str().unwrap())
                .collect();
            (t["speaker"].as_str().unwrap(), tokens(&text.join("\n")))
        })
        .collect();
    let count = |word: &str, of: &str, theirs: bool| -> usize {
        turns
            .iter()
            .filter(|(who, _)| (*who == of) == theirs)
            .map(|(_, toks)| toks.iter().filter(|t| *t == word).count())
            .sum()
    };
    let mut checked = 0;
    for name in ["Bernhards Blumbergs", "Moderator", "Masae Toyama"] {
        let records = words_json(&[FULL, "--speaker", name, "--top", "40"]);
        assert_eq!(records.len(), 40, "{name}: 40 words asked for");
        let id = ids[name];
        for r in &records {
            assert_eq!(r["speaker"], name);
            let word = r["word"].as_str().unwrap();
            // Words with marks inside (`i’m`, `cert.lv`) are where the two rules may part.
            if !word.chars().all(char::is_alphabetic) {
                continue;
            }
            assert_eq!(
                r["count"].as_u64().unwrap() as usize,
                count(word, id, true),
                "{name} says {word:?}"
            );
            assert_eq!(
                r["rest_count"].as_u64().unwrap() as usize,
                count(word, id, false),
                "the others say {word:?}"
            );
            checked += 1;
        }
        // Most distinctive first.
        let z: Vec<f64> = records.iter().map(|r| r["z"].as_f64().unwrap()).collect();
        assert!(z.windows(2).all(|w| w[0] >= w[1]), "{name}: {z:?}");
        assert!(z[0] > 1.0, "{name}: the top word stands out ({})", z[0]);
    }
    assert!(checked >= 100, "only {checked} words could be compared");
}

#[test]
fn words_leave_stop_words_out_and_list_every_speaker() {
    let records = words_json(&[FULL, "--top", "5"]);
    let speakers: Vec<&str> = records
        .iter()
        .map(|r| r["speaker"].as_str().unwrap())
        .collect();
    assert_eq!(speakers.len(), 30, "5 words for each of 6 speakers");
    for r in &records {
        let word = r["word"].as_str().unwrap();
        assert!(
            !["the", "and", "we", "i’m", "that’s", "2023"].contains(&word),
            "{word} is no content word"
        );
        assert_eq!(word, word.to_lowercase());
    }
    let text = podium(&["words", FULL, "--speaker", "bernhards", "--top", "3"]);
    assert!(text.status.success(), "{}", stderr(&text));
    let out = stdout(&text);
    assert!(
        out.starts_with("Bernhards Blumbergs: "),
        "a heading names the speaker:\n{out}"
    );
    assert!(
        out.lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("distinctive") && l.contains("count  rest")),
        "{out}"
    );
    assert!(out.contains("most frequent: "), "{out}");
    let bad = podium(&["words", FULL, "--speaker", "nobody"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("--speaker"), "{}", stderr(&bad));
}

#[test]
fn words_in_a_library_compare_a_person_with_everyone_else() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        b"Ana Lee: Security matters. Security teams share data.\n\n\
          Bo Chan: Data is everything. Data wins.\n\n\
          Ana Lee: Security again.\n",
    );
    write(
        dir.path(),
        "b.txt",
        b"Ana Lee: Security never sleeps.\n\n\
          Cy Dee: Data data data.\n\n\
          Cy Dee: Security too.\n\n\
          Ana Lee: Fine.\n",
    );
    let records = words_json(&[path(dir.path()), "--speaker", "ana", "--top", "50"]);
    let by_word: HashMap<&str, (u64, u64)> = records
        .iter()
        .map(|r| {
            assert_eq!(r["speaker"], "Ana Lee");
            (
                r["word"].as_str().unwrap(),
                (
                    r["count"].as_u64().unwrap(),
                    r["rest_count"].as_u64().unwrap(),
                ),
            )
        })
        .collect();
    // Ana says security 3 times in a.txt and once in b.txt; Cy once. Ana says data once; Bo
    // twice, Cy three times. "again" and "too" are stop words.
    assert_eq!(by_word["security"], (4, 1));
    assert_eq!(by_word["data"], (1, 5));
    assert_eq!(by_word["sleeps"], (1, 0));
    assert!(!by_word.contains_key("again"));
    // Without --speaker: everyone, each once across the library.
    let all = words_json(&[path(dir.path()), "--top", "1"]);
    let mut people: Vec<&str> = all.iter().map(|r| r["speaker"].as_str().unwrap()).collect();
    people.sort_unstable();
    assert_eq!(people, ["Ana Lee", "Bo Chan", "Cy Dee"]);
}

#[test]
fn timeline_prints_a_row_per_speaker_within_the_width() {
    let o = podium(&["timeline", FULL, "--width", "60"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for line in out.lines() {
        assert!(line.width() <= 60, "{} columns: {line}", line.width());
    }
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines.len(),
        1 + 6 + 2,
        "title, six speakers, axis and scale:\n{out}"
    );
    // Names take a quarter of the line at most, cut by display width.
    assert!(lines[4].starts_with("Bernhards Blum… "), "{out}");
    assert!(out.contains("by words (the source has no times)"), "{out}");
    insta::assert_snapshot!("timeline_full_60", out);

    let timed = podium(&[
        "timeline",
        "tests/fixtures/formats/teams.vtt",
        "--width",
        "40",
    ]);
    assert!(timed.status.success(), "{}", stderr(&timed));
    let out = stdout(&timed);
    assert!(out.contains("by time: one column"), "{out}");
    assert!(out.contains("山田 太郎"), "{out}");
    for line in out.lines() {
        assert!(line.width() <= 40, "{} columns: {line}", line.width());
    }
    insta::assert_snapshot!("timeline_teams_40", out);

    let narrow = podium(&["timeline", FULL, "--width", "5"]);
    assert_eq!(narrow.status.code(), Some(2), "{}", stderr(&narrow));
}
