//! Hardening of what the command line prints and writes (issue 11): no escape sequence from a
//! transcript reaches the terminal, kwic stays bounded on a long monologue, `-o` never replaces
//! what it should not, and a closed pipe or an empty session end cleanly.

#![allow(clippy::unwrap_used)] // a failing unwrap in a test is a failing test

mod common;

use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};
use std::process::Stdio;

use common::{FULL, command, path, podium, stderr, stdout, write};

/// Everything a hostile transcript might send a terminal: set the clipboard (OSC 52), rename
/// the window (OSC 0), clear the screen (CSI), the one-byte C1 CSI, and bidi overrides.
const EVIL: &str =
    "\x1b]52;c;aGk=\x07\x1b]0;pwned\x07\x1b[2J\u{9b}31m\u{202e}desrever\u{202c}\u{2067}x\u{2069}";

/// Whether `bytes` hold anything a terminal would obey: ESC, BEL, another C0 control but tab and
/// line feed, a C1 control, or a bidi override or isolate.
fn unsafe_for_a_terminal(bytes: &[u8]) -> Option<char> {
    String::from_utf8_lossy(bytes).chars().find(|&c| match c {
        '\t' | '\n' => false,
        _ => {
            c.is_control()
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
        }
    })
}

/// The bundled session as Podium JSON with [`EVIL`] in its title, event, every speaker's name
/// and organisation, the first paragraph of every turn and the last turn's id.
fn hostile_session(dir: &Path) -> (PathBuf, serde_json::Value) {
    let o = podium(&["import", FULL]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let evil = |s: &serde_json::Value| {
        serde_json::Value::from(format!("{}{EVIL}", s.as_str().unwrap_or("x")))
    };
    v["meta"]["title"] = evil(&v["meta"]["title"]);
    v["meta"]["event"] = evil(&v["meta"]["event"]);
    for sp in v["speakers"].as_array_mut().expect("speakers") {
        sp["name"] = evil(&sp["name"]);
        sp["organisation"] = evil(&sp["organisation"]);
    }
    let turns = v["turns"].as_array_mut().expect("turns");
    for t in turns.iter_mut() {
        let first = &t["paragraphs"][0];
        t["paragraphs"][0] = format!("{EVIL} the {}", first.as_str().expect("text")).into();
    }
    let last = turns.last_mut().expect("a turn");
    last["id"] = evil(&last["id"]);
    let file = dir.join(format!("hostile{EVIL}.json"));
    std::fs::write(&file, serde_json::to_vec(&v).expect("json")).expect("write");
    (file, v)
}

#[test]
fn no_escape_from_a_transcript_reaches_the_terminal() {
    let dir = tempfile::tempdir().expect("tmp");
    let (file, original) = hostile_session(dir.path());
    let f = path(&file);
    let d = path(dir.path());
    // A file that fails, and one with a stray Latin-1 byte: both are named on stderr.
    write(dir.path(), &format!("broken{EVIL}.srt"), b"no cues\n");
    write(
        dir.path(),
        &format!("latin{EVIL}.txt"),
        b"Ann: caf\xe9 the end.\n",
    );
    let out_md = dir.path().join("out.md");
    let missing = dir.path().join(format!("missing{EVIL}.txt"));
    let runs: Vec<Vec<&str>> = vec![
        vec!["stats", f],
        vec!["check", f],
        vec!["search", f, "the"],
        vec!["search", d, "the"],
        vec!["search", f, "the", "--speaker", "masae"],
        vec!["kwic", f, "the"],
        vec!["kwic", d, "the"],
        vec!["cite", f, "t4.1"],
        vec!["cite", f, "t4"],
        vec!["export", f, "--to", "md"],
        vec!["export", f, "--to", "txt"],
        vec!["export", f, "--to", "csv"],
        vec!["export", d, "--to", "md"],
        vec!["export", f, "--to", "md", "-o", path(&out_md)],
        // Errors quote the file name and the place asked for.
        vec!["cite", f, "t99"],
        vec!["stats", path(&missing)],
    ];
    for args in &runs {
        let o = podium(args);
        assert!(!stderr(&o).contains("panicked"), "{args:?}");
        for (what, bytes) in [("stdout", &o.stdout), ("stderr", &o.stderr)] {
            if let Some(c) = unsafe_for_a_terminal(bytes) {
                panic!(
                    "{args:?}: {c:?} on {what}:\n{}",
                    String::from_utf8_lossy(bytes)
                );
            }
        }
    }
    let written = std::fs::read(&out_md).expect("-o written");
    assert_eq!(unsafe_for_a_terminal(&written), None);
    // The escapes are shown, not dropped, so a reader sees something was there.
    let cite = stdout(&podium(&["cite", f, "t4.1"]));
    assert!(
        cite.contains("␛]52;c;aGk=␇␛]0;pwned␇␛[2J\u{fffd}31m\u{fffd}desrever"),
        "{cite}"
    );
    let library = podium(&["search", d, "caf"]);
    assert!(
        stderr(&library).contains("latin␛]52;c;aGk=␇"),
        "{}",
        stderr(&library)
    );
    assert!(stderr(&library).contains("skipped") && stderr(&library).contains("broken␛]52"));

    // JSON keeps the exact text.
    let o = podium(&["stats", f, "--json"]);
    let stats: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(stats["session"]["title"], original["meta"]["title"]);
    for (got, want) in stats["speakers"]
        .as_array()
        .expect("speakers")
        .iter()
        .zip(original["speakers"].as_array().expect("speakers"))
    {
        assert_eq!(got["name"], want["name"]);
    }
    let o = podium(&["search", d, "pwned", "--json"]);
    let hit: serde_json::Value =
        serde_json::from_str(stdout(&o).lines().next().expect("a hit")).expect("json line");
    assert!(
        hit["quote"].as_str().expect("quote").starts_with(EVIL),
        "{hit}"
    );
    assert_eq!(hit["file"], path(&file));
    let o = podium(&["export", f, "--to", "json"]);
    let back: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(
        back["turns"][3]["paragraphs"],
        original["turns"][3]["paragraphs"]
    );
    assert_eq!(back["speakers"][0]["name"], original["speakers"][0]["name"]);
}

#[test]
fn kwic_on_a_450_kb_monologue_runs_in_time_proportional_to_its_hits() {
    // One paragraph of 450 KB: every hit used to copy the whole text on both sides of it.
    let dir = tempfile::tempdir().expect("tmp");
    let sentence = "So the point is that the network of the teams is the answer to the question. ";
    let text = format!(
        "Moderator: Go ahead.\n\nAnn: {}\n",
        sentence.repeat(450_000 / sentence.len())
    );
    let file = write(dir.path(), "monologue.txt", text.as_bytes());
    let o = podium(&["kwic", path(&file), "the", "--no-cache"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines = stdout(&o).lines().count();
    assert_eq!(lines, 5 * (450_000 / sentence.len()));
    let o = podium(&["kwic", path(&file), "question", "--width", "500"]);
    let first = stdout(&o).lines().next().expect("a line").to_string();
    let left = &first[..first.find("question").expect("word")];
    assert_eq!(unicode_width::UnicodeWidthStr::width(left), 500, "{first}");
}

#[test]
fn output_files_are_never_replaced_by_accident() {
    let dir = tempfile::tempdir().expect("tmp");
    let existing = write(dir.path(), "existing.json", b"keep me");
    let e = path(&existing);
    for args in [
        vec!["import", FULL, "-o", e],
        vec!["export", FULL, "--to", "json", "-o", e],
    ] {
        let o = podium(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&o).contains("existing.json: already exists (use --force"),
            "{}",
            stderr(&o)
        );
        assert_eq!(std::fs::read(&existing).expect("kept"), b"keep me");
    }
    let o = podium(&["import", FULL, "-o", e, "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&existing).expect("replaced"),
        std::fs::read_to_string("data/igf2023-ns44-csirt.json").expect("bundled")
    );
    // No temporary file is left beside it.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn a_symlink_stays_a_symlink() {
    let dir = tempfile::tempdir().expect("tmp");
    let target = write(dir.path(), "real.md", b"old");
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    let o = podium(&["export", "--to", "md", "-o", path(&link)]);
    assert_eq!(o.status.code(), Some(2), "refused without --force");
    assert_eq!(std::fs::read(&target).expect("kept"), b"old");
    for sub in [&["export", "--to", "md"][..], &["import", FULL]] {
        let mut args = sub.to_vec();
        args.extend(["-o", path(&link), "--force"]);
        let o = podium(&args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        let meta = std::fs::symlink_metadata(&link).expect("link");
        assert!(
            meta.file_type().is_symlink(),
            "{args:?} replaced the symlink"
        );
        assert_ne!(std::fs::read(&target).expect("target"), b"old", "{args:?}");
    }
}

#[test]
fn a_fifo_is_written_into_not_replaced() {
    let dir = tempfile::tempdir().expect("tmp");
    let fifo = dir.path().join("pipe.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    // Without --force it exists like any file: refused, and nothing opens the FIFO.
    let o = podium(&["export", "--to", "md", "-o", path(&fifo)]);
    assert_eq!(o.status.code(), Some(2));
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            std::fs::File::open(&fifo)
                .expect("open")
                .read_to_string(&mut text)
                .expect("read");
            text
        })
    };
    let o = podium(&["export", "--to", "md", "-o", path(&fifo), "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = reader.join().expect("reader");
    assert!(text.starts_with("# Meeting Spot"), "{text}");
    let meta = std::fs::symlink_metadata(&fifo).expect("fifo");
    assert!(
        std::os::unix::fs::FileTypeExt::is_fifo(&meta.file_type()),
        "replaced"
    );
}

#[test]
fn json_into_a_closed_pipe_ends_quietly() {
    // Enough output to fill a pipe: the write after the reader has gone fails with EPIPE.
    let dir = tempfile::tempdir().expect("tmp");
    let text: String = (0..20_000)
        .map(|i| format!("Speaker {}: The answer number {i} is the one.\n\n", i % 7))
        .collect();
    let file = write(dir.path(), "many.txt", text.as_bytes());
    for args in [
        vec!["search", "--json", path(&file), "the"],
        vec!["search", path(&file), "the"],
        vec!["export", path(&file), "--to", "json"],
        vec!["kwic", path(&file), "the"],
    ] {
        let mut child = command(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        let mut first = String::new();
        std::io::BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut first)
            .expect("a line");
        assert!(!first.is_empty());
        // The reader is dropped here: the pipe is closed.
        let o = child.wait_with_output().expect("ends");
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(o.stderr.is_empty(), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn cite_on_a_session_without_turns_names_the_file() {
    let dir = tempfile::tempdir().expect("tmp");
    let o = podium(&["import", FULL]);
    let mut v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    v["turns"] = serde_json::json!([]);
    let file = write(
        dir.path(),
        "empty-turns.json",
        &serde_json::to_vec(&v).expect("json"),
    );
    let o = podium(&["cite", path(&file), "t1"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("empty-turns.json: the session has no turns"),
        "{err}"
    );
    assert!(!err.contains("t0"), "{err}");
    let o = podium(&[
        "cite",
        "tests/fixtures/igf2023-ns44-csirt-summary-only.txt",
        "t1",
    ]);
    assert!(
        stderr(&o).contains("summary-only.txt: the session has no turns"),
        "{}",
        stderr(&o)
    );
}
