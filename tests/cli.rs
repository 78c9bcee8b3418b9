//! The real binary, run as a script would: subcommands, exit codes, and bad input.

#![allow(clippy::unwrap_used)] // a failing unwrap in a test is a failing test

mod common;

use std::path::PathBuf;
use std::process::{Command, Output};

use common::{FULL, SUMMARY, podium, stderr, stdout, write};

#[test]
fn stats_json_of_the_full_report_has_6_labels_19_turns_and_18_published_figures() {
    let o = podium(&["stats", FULL, "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let speakers = v["speakers"].as_array().expect("speakers");
    assert_eq!(speakers.len(), 6);
    let turns: u64 = speakers
        .iter()
        .map(|s| s["turns"].as_u64().expect("turns"))
        .sum();
    assert_eq!(turns, 19);
    assert_eq!(v["session"]["turns"], 19);
    let figures: Vec<u64> = speakers
        .iter()
        .flat_map(|s| ["wpm", "words", "seconds"].map(|k| s["published"][k].as_u64().expect(k)))
        .collect();
    assert_eq!(
        figures,
        [
            111, 433, 234, 129, 106, 49, 162, 322, 119, 180, 634, 211, 114, 1687, 885, 134, 1063,
            475
        ]
    );
    let moderator = &speakers[4];
    assert_eq!(moderator["name"], "Moderator");
    assert_eq!(moderator["kind"], "label");
    insta::assert_snapshot!("stats_json_full", stdout(&o));
}

#[test]
fn stats_table_snapshots() {
    let full = podium(&["stats", FULL]);
    assert!(full.status.success());
    insta::assert_snapshot!("stats_table_full", stdout(&full));
    let summary = podium(&["stats", SUMMARY]);
    assert!(summary.status.success());
    insta::assert_snapshot!("stats_table_summary_only", stdout(&summary));
    assert!(stderr(&summary).contains("statistics block is empty"));
}

#[test]
fn stats_defaults_to_the_bundled_session() {
    let bundled = podium(&["stats"]);
    let full = podium(&["stats", FULL]);
    assert!(bundled.status.success());
    let body = |o: &Output| stdout(o).lines().skip(3).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&bundled), body(&full));
}

#[test]
fn search_information_sharing_finds_both_speakers_phrase_first() {
    let o = podium(&["search", "information sharing", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let hits: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    let speakers: std::collections::BTreeSet<&str> = hits
        .iter()
        .map(|h| h["speaker"].as_str().expect("speaker"))
        .collect();
    assert!(
        speakers.contains("Audience") && speakers.contains("Bernhards Blumbergs"),
        "{speakers:?}"
    );
    let both = |h: &serde_json::Value| {
        let q = h["quote"].as_str().expect("quote").to_lowercase();
        q.contains("information") && q.contains("sharing")
    };
    let first_without = hits.iter().position(|h| !both(h)).unwrap_or(hits.len());
    assert!(
        first_without >= 8,
        "only {first_without} hits before one without both words"
    );
    assert!(
        hits[first_without..].iter().all(|h| !both(h)),
        "a hit with both words ranks late"
    );
    for key in [
        "session", "speaker", "turn", "sentence", "score", "quote", "matched",
    ] {
        assert!(hits[0].get(key).is_some(), "{key}");
    }
    insta::assert_snapshot!(
        "search_information_sharing",
        stdout(&podium(&["search", "information sharing", "--limit", "5"]))
    );
}

#[test]
fn search_without_a_match_exits_1() {
    let o = podium(&["search", "zzzzqqq"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
}

#[test]
fn search_filters_by_speaker_prefix_and_limits() {
    let o = podium(&[
        "search",
        FULL,
        "cyber hygene",
        "--speaker",
        "bern",
        "--json",
        "--limit",
        "1",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines: Vec<&str> = o
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| std::str::from_utf8(l).expect("utf8"))
        .collect();
    assert_eq!(lines.len(), 1);
    let hit: serde_json::Value = serde_json::from_str(lines[0]).expect("json");
    assert_eq!(hit["speaker"], "Bernhards Blumbergs");
    assert!(
        hit["quote"]
            .as_str()
            .expect("quote")
            .contains("cyber hygiene")
    );
    let o = podium(&["search", "cyber", "--speaker", "m"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("matches several speakers"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn import_then_stats_of_the_json_prints_the_same() {
    let dir = tempfile::tempdir().expect("tmp");
    for seed in [FULL, SUMMARY] {
        let out = dir.path().join("session.json");
        let o = podium(&["import", seed, "-o", out.to_str().expect("path"), "--force"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let from_json = podium(&["stats", out.to_str().expect("path")]);
        let from_report = podium(&["stats", seed]);
        assert_eq!(stdout(&from_json), stdout(&from_report));
        let from_json = podium(&["stats", "--json", out.to_str().expect("path")]);
        let from_report = podium(&["stats", "--json", seed]);
        assert_eq!(stdout(&from_json), stdout(&from_report));
    }
    let to_stdout = podium(&["import", FULL]);
    assert_eq!(
        stdout(&to_stdout),
        std::fs::read_to_string("data/igf2023-ns44-csirt.json").expect("bundled json")
    );
}

#[test]
fn import_never_writes_over_its_input() {
    let o = podium(&["import", FULL, "-o", FULL]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("refusing to write over the input"));
}

/// Each bad input exits 2 with one line `podium: FILE[:LINE]: …` and no panic.
fn assert_bad(args: &[&str], expect: &str) {
    let o = podium(args);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("podium: "), "{err}");
    assert!(
        err.contains(expect),
        "{args:?}: expected {expect:?} in {err}"
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn bad_inputs_exit_2_naming_file_and_line() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    let not_report = write(d, "notes.txt", b"Shopping list\n\neggs\nmilk\n");
    let empty = write(d, "empty.txt", b"");
    let blank = write(d, "blank.txt", b"\n  \n");
    let binary = write(d, "binary.txt", b"Title\n\x00\x01\x02");
    let full = std::fs::read_to_string(FULL).expect("seed");
    let cut_stats = &full[..full.rfind("885 secs").expect("last figure")];
    let cut_stats = write(d, "cut-stats.txt", cut_stats.as_bytes());
    let cut_label =
        &full[..full.find("Hiroki Mashiko:\n").expect("label") + "Hiroki Mashiko:\n".len()];
    let cut_label = write(d, "cut-label.txt", cut_label.as_bytes());
    let bad_json = write(
        d,
        "bad.json",
        b"{\n  \"format_version\": 1,\n  \"meta\": 3\n}\n",
    );
    let p = |p: &PathBuf| p.to_str().expect("path").to_string();
    for cmd in [vec!["stats"], vec!["import"], vec!["search", "x"]] {
        let run = |file: &str, expect: &str| {
            let mut args: Vec<&str> = cmd.clone();
            if cmd[0] == "search" {
                args = vec!["search", file, "x"];
            } else {
                args.push(file);
            }
            assert_bad(&args, expect);
        };
        run(
            &p(&not_report),
            &format!(
                "{}:1: not a transcript Podium reads; tried json (not JSON), webvtt (no WEBVTT header), srt",
                p(&not_report)
            ),
        );
        run(&p(&empty), &format!("{}:1: empty file", p(&empty)));
        run(&p(&blank), &format!("{}:1: empty file", p(&blank)));
        run(&p(&binary), &format!("{}:2: binary data", p(&binary)));
        run(
            &p(&cut_stats),
            &format!(
                "{}:{}: statistics block ends after \"Speech time\"",
                p(&cut_stats),
                full.lines().count() - 2
            ),
        );
        let label_line = full
            .lines()
            .position(|l| l == "Hiroki Mashiko:")
            .expect("label")
            + 1;
        run(
            &p(&cut_label),
            &format!(
                "{}:{label_line}: report ends after the label \"Hiroki Mashiko:\"",
                p(&cut_label)
            ),
        );
        run(&p(&bad_json), &format!("{}:3: invalid type", p(&bad_json)));
        // A folder is a library for search and stats; for import it is an error.
        if cmd[0] == "import" {
            run(d.to_str().expect("dir"), "is a directory");
        }
        run(&p(&d.join("missing.txt")), "missing.txt: no such file");
    }
}

#[test]
fn a_latin1_byte_still_opens_with_a_warning_naming_the_line() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut bytes = std::fs::read(FULL).expect("seed");
    let at = bytes
        .windows(9)
        .position(|w| w == b"Thank you")
        .expect("text");
    bytes[at + 5] = 0xA0;
    let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
    let file = write(dir.path(), "latin1.txt", &bytes);
    let o = podium(&["stats", "--json", file.to_str().expect("path")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["session"]["turns"], 19);
    assert!(
        stderr(&o).contains(&format!("latin1.txt:{line}: not valid UTF-8")),
        "{}",
        stderr(&o)
    );
}

#[test]
fn search_a_library_folder_skipping_what_fails() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    write(
        d,
        "a.vtt",
        b"WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ann>We need cyber hygiene.\n",
    );
    std::fs::create_dir(d.join("day2")).expect("dir");
    write(
        &d.join("day2"),
        "b.txt",
        b"Ben: Cyber hygiene matters.\nAnn: Indeed.\n",
    );
    write(d, "broken.srt", b"no cues at all\n");
    let o = Command::new(env!("CARGO_BIN_EXE_podium"))
        .args([
            "search",
            d.to_str().expect("dir"),
            "cyber hygiene",
            "--json",
            "--no-cache",
        ])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let hits: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(hits.len(), 2);
    let files: Vec<&str> = hits
        .iter()
        .map(|h| h["file"].as_str().expect("file"))
        .collect();
    assert!(
        files.iter().any(|f| f.ends_with("a.vtt")) && files.iter().any(|f| f.ends_with("b.txt"))
    );
    assert!(hits.iter().all(|h| h["session"].is_string()));
    assert!(
        stderr(&o).contains("skipped") && stderr(&o).contains("broken.srt:1"),
        "{}",
        stderr(&o)
    );
    let o = Command::new(env!("CARGO_BIN_EXE_podium"))
        .args([
            "search",
            d.to_str().expect("dir"),
            "hygiene",
            "--speaker",
            "ann",
            "--no-cache",
        ])
        .output()
        .expect("runs");
    assert_eq!(stdout(&o).lines().count(), 1, "{}", stdout(&o));
}

#[test]
fn help_version_and_formats() {
    let o = podium(&["--version"]);
    assert!(stdout(&o).starts_with("podium "));
    for sub in ["import", "stats", "search", "formats"] {
        let o = podium(&[sub, "--help"]);
        assert!(o.status.success(), "{sub}");
        assert!(stdout(&o).contains("Usage: podium"), "{sub}");
    }
    let o = podium(&["formats"]);
    assert!(stdout(&o).contains("diploai") && stdout(&o).contains("podium-json"));
}

#[test]
fn cite_prints_the_quote_with_its_attribution() {
    let o = podium(&["cite", "t4.4"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "“My name is Adly Wahid, and I am with the Asia-Pacific Network Information Center as a security specialist.” — Adli Wahid (APNIC), Meeting Spot for CSIRT Practitioners: Share Your Experiences, IGF 2023 Networking Session #44, 9 Oct 2023, t4\n"
    );
    let o = podium(&["cite", FULL, "t3"]);
    assert!(stdout(&o).starts_with(
        "“Thank you, Mashiko-san. May I pass the floor to Ali?” — Masae Toyama (JPCERT/CC)"
    ));
    let o = podium(&["cite", "t40"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("t40: no such turn; expected t1 to t19"));
}

#[test]
fn export_formats_speaker_filter_and_never_overwriting() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("hiroki.csv");
    let o = podium(&[
        "export",
        "--to",
        "csv",
        "--speaker",
        "hiroki",
        "-o",
        out.to_str().expect("p"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = std::fs::read_to_string(&out).expect("written");
    assert!(csv.starts_with("session,turn,speaker,start,end,words,text\n"));
    assert_eq!(csv.lines().count(), 2);
    let again = podium(&["export", "--to", "md", "-o", out.to_str().expect("p")]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("already exists (use --force"),
        "{}",
        stderr(&again)
    );
    assert_eq!(
        std::fs::read_to_string(&out).expect("kept"),
        csv,
        "not touched"
    );
    let forced = podium(&[
        "export",
        "--to",
        "md",
        "--force",
        "-o",
        out.to_str().expect("p"),
    ]);
    assert!(forced.status.success());
    assert!(
        std::fs::read_to_string(&out)
            .expect("md")
            .starts_with("# Meeting Spot")
    );
    let txt = podium(&["export", "--to", "txt"]);
    assert!(stdout(&txt).contains("\nHiroki Mashiko: Hi all."));
    let bad = podium(&["export", "--to", "pdf"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("[possible values: md, json, csv, txt]"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn kwic_aligns_every_occurrence() {
    let o = podium(&["kwic", "hygiene", "--width", "20"]);
    assert!(o.status.success());
    let lines: Vec<String> = stdout(&o).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 3);
    let col =
        |l: &str| unicode_width::UnicodeWidthStr::width(&l[..l.find("hygiene").expect("word")]);
    assert!(lines.iter().all(|l| col(l) == 20), "{lines:?}");
    assert!(lines[2].ends_with("Moderator t19"));
    assert_eq!(podium(&["kwic", "zzqq"]).status.code(), Some(1));
}

#[test]
fn podium_toml_beside_a_file_fixes_names_everywhere() {
    let dir = tempfile::tempdir().expect("tmp");
    let report = dir.path().join("report.txt");
    std::fs::copy(FULL, &report).expect("copy");
    std::fs::write(
        dir.path().join("podium.toml"),
        "[rename]\n\"Moderator\" = \"Kenny Chantre\"\n",
    )
    .expect("toml");
    let p = report.to_str().expect("p");
    let stats = podium(&["stats", p]);
    assert!(
        stdout(&stats).contains("Kenny Chantre") && !stdout(&stats).contains("\nModerator "),
        "{}",
        stdout(&stats)
    );
    let search = podium(&[
        "search",
        p,
        "cyber hygiene",
        "--speaker",
        "moderator",
        "--limit",
        "1",
    ]);
    assert!(
        stdout(&search).starts_with("Kenny Chantre"),
        "the old label still finds him"
    );
    let cite = podium(&["cite", p, "t7.1"]);
    assert!(stdout(&cite).contains("— Kenny Chantre, "));
    let export = podium(&["export", p, "--to", "md", "--speaker", "kenny"]);
    assert!(stdout(&export).contains("**Kenny Chantre** (t7"));
    std::fs::write(dir.path().join("podium.toml"), "[rename]\n\"x\" = \n").expect("bad");
    let o = podium(&["stats", p]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("podium.toml:2:"), "{}", stderr(&o));
}

#[test]
fn renames_of_the_bundled_session_live_in_the_data_directory() {
    let dir = tempfile::tempdir().expect("tmp");
    let toml = dir.path().join("podium").join("bundled-podium.toml");
    std::fs::create_dir_all(toml.parent().expect("dir")).expect("mkdir");
    std::fs::write(&toml, "[rename]\nModerator = \"Kenny Chantre\"\n").expect("toml");
    let o = Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(["cite", "t7.1"])
        .env("XDG_DATA_HOME", dir.path())
        .output()
        .expect("runs");
    assert!(
        stdout(&o).contains("— Kenny Chantre, Meeting Spot"),
        "{}",
        stdout(&o)
    );
}
