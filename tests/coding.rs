//! Issue 16 on the command line: `podium codes` (table, JSON Lines, the per-speaker × code
//! count table), `export --code`, and `--redact` leaving no listed name in any export.
//! Codes are kept through the library's store, as the browser keeps them.

#![allow(clippy::unwrap_used)] // a failing unwrap in a test is a failing test

mod common;

use std::path::{Path, PathBuf};

use common::{isolated, path, podium, stderr, stdout, write};
use podium::marks::{Code, Kept, Mark, MarkStore};

const INTERVIEW: &str = "tests/fixtures/interview/interview.vtt";

fn code(turn: &str, sentence: Option<usize>, code: &str) -> Code {
    Code::new(turn, sentence, code)
}

/// Keeps `kept` for the session in `file`, where `podium` (isolated) looks for it.
fn keep(file: &Path, kept: &Kept) {
    let session = podium::formats::load_path(file, None)
        .expect("loads")
        .session;
    let store = MarkStore::open(&isolated().join("data/podium/marks"), Some(file), &session);
    store.save(&session, &Kept::default(), kept).expect("kept");
}

/// A copy of the interview in a folder of its own, coded: t2 trust, t4's first sentence trust,
/// t4 silence; t6 marked.
fn coded_interview() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("interview.vtt");
    std::fs::copy(INTERVIEW, &file).expect("copy");
    keep(
        &file,
        &Kept {
            marks: vec![Mark {
                turn: "t6".into(),
                sentence: None,
            }],
            codes: vec![
                code("t2", None, "trust"),
                code("t4", Some(0), "trust"),
                code("t4", None, "silence"),
            ],
        },
    );
    (dir, file)
}

#[test]
fn codes_json_lines_have_exactly_the_fields_of_the_issue() {
    let (_dir, file) = coded_interview();
    let o = podium(&["codes", path(&file), "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(rows.len(), 3);
    for r in &rows {
        let mut keys: Vec<&str> = r
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "code", "file", "quote", "sentence", "session", "speaker", "turn"
            ]
        );
    }
    assert_eq!(rows[0]["code"], "silence");
    assert_eq!(rows[1]["speaker"], "Rosa Okafor");
    assert_eq!(rows[1]["turn"], "t2");
    assert_eq!(rows[1]["sentence"], serde_json::Value::Null);
    assert_eq!(rows[2]["turn"], "t4");
    assert_eq!(rows[2]["sentence"], 1);
    assert_eq!(rows[2]["quote"], "Trust went first.");
    assert_eq!(rows[2]["file"], path(&file));
    assert_eq!(rows[2]["session"], "interview");
}

#[test]
fn the_count_table_is_csv_that_quotes_commas_and_quotes() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = write(
        dir.path(),
        "two.vtt",
        b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Doe, Jane \"JD\">Hello there.\n\n00:00:03.000 --> 00:00:04.000\n<v Ann>Hi. Who is asking?\n",
    );
    keep(
        &file,
        &Kept {
            marks: Vec::new(),
            codes: vec![
                code("t1", None, "fear, \"dread\""),
                code("t1", None, "trust"),
                code("t2", Some(1), "trust"),
            ],
        },
    );
    let o = podium(&["codes", path(&file), "--csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "speaker,\"fear, \"\"dread\"\"\",trust\nAnn,0,1\n\"Doe, Jane \"\"JD\"\"\",1,1\n"
    );
    // A CSV reader reads back the names as they were.
    let mut r = csv::Reader::from_reader(o.stdout.as_slice());
    assert_eq!(&r.headers().expect("header")[1], "fear, \"dread\"");
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
    assert_eq!(&rows[1][0], "Doe, Jane \"JD\"");
    // --table is the same table.
    assert_eq!(
        stdout(&podium(&["codes", path(&file), "--table"])),
        stdout(&o)
    );
}

#[test]
fn no_codes_is_exit_1_with_a_note() {
    // Content of its own: marks are found by content when their file has moved, and the
    // interview's are kept by other tests in this data folder.
    let dir = tempfile::tempdir().expect("tmp");
    let file = write(
        dir.path(),
        "alone.vtt",
        b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>Nobody coded this.\n",
    );
    let o = podium(&["codes", path(&file)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no coded passages"), "{}", stderr(&o));
}

#[test]
fn export_code_takes_only_the_passages_with_the_code() {
    let (_dir, file) = coded_interview();
    let o = podium(&["export", path(&file), "--code", "trust", "--to", "txt"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("Rosa Okafor (00:01:10): Of course."),
        "{text}"
    );
    assert!(
        text.contains("Rosa Okafor (00:04:00): Trust went first.\n"),
        "{text}"
    );
    assert!(!text.contains("Dana Whitfield"), "{text}");
    let o = podium(&["export", path(&file), "--code", "nothing", "--to", "md"]);
    assert!(
        stderr(&o).contains("no passages coded \"nothing\""),
        "{}",
        stderr(&o)
    );
    let o = podium(&[
        "export",
        path(&file),
        "--code",
        "x",
        "--marks",
        "--to",
        "md",
    ]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "--code and --marks do not go together"
    );
}

const NAMES: [&str; 6] = ["rosa", "okafor", "dana", "whitfield", "erik", "lindqvist"];

fn assert_redacted(what: &str, text: &str) {
    assert_none_of(&NAMES, what, text);
}

fn assert_none_of(names: &[&str], what: &str, text: &str) {
    let lower = text.to_lowercase();
    for name in names {
        assert!(!lower.contains(name), "{what}: {name} survives:\n{text}");
    }
    assert!(text.contains("Person "), "{what}: no pseudonym:\n{text}");
}

#[test]
fn redaction_leaves_no_listed_name_in_any_export() {
    let (dir, file) = coded_interview();
    let list = write(
        dir.path(),
        "names.txt",
        b"# participants\nRosa Okafor\nDana Whitfield\nErik Lindqvist\n",
    );
    for redact in ["Rosa Okafor, Dana Whitfield,Erik Lindqvist", path(&list)] {
        for to in ["md", "json", "csv", "txt"] {
            for only in [&[][..], &["--marks"], &["--code", "trust"]] {
                let mut args = vec!["export", path(&file), "--to", to, "--redact", redact];
                args.extend(only);
                let o = podium(&args);
                assert!(o.status.success(), "{args:?}: {}", stderr(&o));
                assert_redacted(&format!("{args:?}"), &stdout(&o));
            }
        }
        for how in [&[][..], &["--json"], &["--csv"]] {
            let mut args = vec!["codes", path(&file), "--redact", redact];
            args.extend(how);
            let o = podium(&args);
            assert!(o.status.success(), "{args:?}: {}", stderr(&o));
            assert_redacted(&format!("{args:?}"), &stdout(&o));
        }
    }
    // In order of first appearance: Dana speaks first, Rosa second, Erik is named in t2.
    let o = podium(&[
        "export",
        path(&file),
        "--to",
        "txt",
        "--redact",
        path(&list),
    ]);
    let text = stdout(&o);
    assert!(
        text.contains("Person A (00:00:05): Thank you for joining me today."),
        "{text}"
    );
    assert!(
        text.contains("Before that I worked with Person C in the emergency"),
        "{text}"
    );
    assert!(
        text.contains("How do you cope with that now, Person B?"),
        "{text}"
    );
    assert!(text.contains("Mr. Person C came with me"), "{text}");
}

#[test]
fn pseudonyms_hold_across_the_sessions_of_a_library_and_bad_lists_are_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::copy(INTERVIEW, dir.path().join("a.vtt")).expect("copy");
    write(
        dir.path(),
        "b.txt",
        b"Erik Lindqvist: I worked with Rosa Okafor for years.\nInterviewer: Thank you.\n",
    );
    let o = podium(&[
        "export",
        path(dir.path()),
        "--to",
        "txt",
        "--redact",
        "Rosa Okafor, Erik Lindqvist",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert_none_of(&["rosa", "okafor", "erik", "lindqvist"], "library", &text);
    // Rosa speaks in a.vtt before Erik is named: Person A and Person B in both files.
    assert!(
        text.contains("Person B: I worked with Person A for years."),
        "{text}"
    );
    assert!(text.contains("Person A (00:01:10): Of course."), "{text}");
    for bad in ["", " , ,"] {
        let o = podium(&["export", "--to", "txt", "--redact", bad]);
        assert_eq!(o.status.code(), Some(2), "{bad:?}");
        assert!(stderr(&o).starts_with("podium: --redact"), "{}", stderr(&o));
        assert_eq!(stderr(&o).lines().count(), 1);
    }
}

#[test]
fn a_name_left_before_a_pseudonym_is_warned_about() {
    let o = podium(&["export", "--to", "md", "--redact", "Adli Wahid"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("My name is Adly Person A"),
        "{}",
        stdout(&o)
    );
    assert!(
        stderr(&o).contains("a capitalised word stands right before a pseudonym: Adly"),
        "{}",
        stderr(&o)
    );
    let o = podium(&[
        "export",
        "--to",
        "md",
        "--redact",
        "Adli Wahid | Adly Wahid",
    ]);
    assert!(!stdout(&o).contains("Adly"), "{}", stdout(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

#[test]
fn media_names_one_sessions_recording_and_is_checked_before_the_screen() {
    let o = podium(&[INTERVIEW, "--media", "no-such.mp3"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), "podium: no-such.mp3: --media: no such file\n");
    let o = podium(&["tests/fixtures/interview", "--media", INTERVIEW]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not of a library"), "{}", stderr(&o));
    let o = podium(&["--media", INTERVIEW, "stats"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--media is for the browser"),
        "{}",
        stderr(&o)
    );
    // After a subcommand it is not one of its options.
    assert_eq!(
        podium(&["stats", "--media", INTERVIEW]).status.code(),
        Some(2)
    );
}

#[test]
fn a_redaction_that_would_redact_nothing_is_refused_and_a_missed_name_is_told() {
    // A mistyped list file is not one name that matches nothing: refused, nothing printed.
    let o = podium(&["export", INTERVIEW, "--to", "txt", "--redact", "nmes.txt"]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(stdout(&o).is_empty());
    assert!(
        stderr(&o).contains("nmes.txt: no such file"),
        "{}",
        stderr(&o)
    );
    // Names that appear nowhere: all of them refused, some of them warned about.
    let o = podium(&["export", INTERVIEW, "--to", "txt", "--redact", "Rosa Okafr"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty());
    assert!(stderr(&o).contains("Rosa Okafr"), "{}", stderr(&o));
    let o = podium(&[
        "export",
        INTERVIEW,
        "--to",
        "json",
        "--redact",
        "Rosa Okafor, Dana Whitfeld",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("not found, so not redacted: Dana Whitfeld"),
        "{}",
        stderr(&o)
    );
    assert_none_of(&["rosa", "okafor"], "json", &stdout(&o));
}

#[test]
fn exporting_a_code_no_passage_has_writes_nothing_and_says_which_codes_there_are() {
    let (dir, file) = coded_interview();
    let out = dir.path().join("out.md");
    let o = podium(&[
        "export",
        path(&file),
        "--code",
        "Trust",
        "--to",
        "md",
        "-o",
        path(&out),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!out.exists(), "nothing written");
    assert!(
        stderr(&o).contains(r#"no passage has the code "Trust" (codes kept: silence, trust)"#),
        "{}",
        stderr(&o)
    );
}
