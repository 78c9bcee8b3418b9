//! The red-team reproductions of the hardening issue, each kept as a test of the real binary:
//! reads that are bounded and never block, walks that survive FIFOs and symlink loops, a cache
//! that never serves stale or altered text, marks that never mix up two files, and podium.toml
//! mistakes refused with their line.

#![allow(clippy::unwrap_used)] // a failing unwrap in a test is a failing test

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("tmp"),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.path().join(name);
        if let Some(d) = p.parent() {
            std::fs::create_dir_all(d).expect("dir");
        }
        std::fs::write(&p, text).expect("write");
        p
    }

    /// Runs podium with this home's data and cache folders, killing it after `limit`.
    fn podium_within(&self, args: &[&str], limit: Duration) -> Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_podium"))
            .args(args)
            .current_dir(self.path())
            .env("NO_COLOR", "1")
            .env("XDG_DATA_HOME", self.path().join(".data"))
            .env("XDG_CACHE_HOME", self.path().join(".cache"))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        let start = Instant::now();
        while child.try_wait().expect("wait").is_none() {
            if start.elapsed() > limit {
                let _ = child.kill();
                panic!("podium {args:?} did not finish within {limit:?}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        child.wait_with_output().expect("output")
    }

    fn podium(&self, args: &[&str]) -> Output {
        self.podium_within(args, Duration::from_secs(60))
    }
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_device_is_refused_at_once_without_reading_it() {
    let home = Home::new();
    let o = home.podium_within(&["stats", "/dev/zero"], Duration::from_secs(10));
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert_eq!(
        err(&o).trim(),
        "podium: /dev/zero: is not a regular file (a character device)"
    );
}

#[test]
fn a_huge_binary_file_costs_one_block_and_a_file_over_the_limit_is_refused() {
    let home = Home::new();
    // Sparse files: no disk is spent on them.
    let binary = home.path().join("binary.txt");
    std::fs::File::create(&binary)
        .expect("create")
        .set_len(1 << 30)
        .expect("size");
    let o = home.podium_within(&["stats", "binary.txt"], Duration::from_secs(10));
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        err(&o).trim(),
        "podium: binary.txt:1: binary data (a NUL byte); expected a text transcript"
    );
    let huge = home.path().join("huge.txt");
    std::fs::File::create(&huge)
        .expect("create")
        .set_len(3 << 30)
        .expect("size");
    let o = home.podium_within(&["stats", "huge.txt"], Duration::from_secs(10));
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).starts_with("podium: huge.txt: larger than 2048 MB"),
        "{}",
        err(&o)
    );
}

#[test]
fn a_library_with_a_fifo_and_symlink_loops_is_searched_with_each_hit_once() {
    let home = Home::new();
    home.write(
        "lib/a.txt",
        "Ann: The lighthouse keeper spoke.\nBen: Fine.\n",
    );
    home.write(
        "lib/sub/b.txt",
        "Cy: Another lighthouse story.\nDee: Yes.\n",
    );
    let lib = home.path().join("lib");
    std::os::unix::fs::symlink(&lib, lib.join("loop")).expect("link");
    std::os::unix::fs::symlink(&lib, lib.join("sub/back")).expect("link");
    let fifo = lib.join("pipe.txt");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    let o = home.podium_within(&["search", "lib", "lighthouse"], Duration::from_secs(10));
    assert!(o.status.success(), "{}", err(&o));
    let hits: Vec<String> = out(&o).lines().map(str::to_string).collect();
    assert_eq!(hits.len(), 2, "each hit once: {hits:#?}");
    assert!(
        err(&o).contains("pipe.txt: a FIFO, not a regular file"),
        "{}",
        err(&o)
    );
    assert!(err(&o).contains("symlink loop"), "{}", err(&o));
}

/// Keeps `path`'s modification time across an edit, as `touch -r` would put it back.
fn edit_keeping_mtime(path: &Path, text: &str) {
    let mtime = std::fs::metadata(path)
        .expect("meta")
        .modified()
        .expect("mtime");
    std::fs::write(path, text).expect("write");
    std::fs::File::options()
        .write(true)
        .open(path)
        .expect("open")
        .set_modified(mtime)
        .expect("mtime");
}

#[test]
fn the_cache_never_serves_stale_or_swapped_text() {
    let home = Home::new();
    let a = home.write("lib/a.txt", "Ann: The red lighthouse.\nBen: Fine.\n");
    let b = home.write("lib/b.txt", "Cy: The tan lighthouse.\nDee: Yes.\n");
    let first = home.podium(&["search", "lib", "lighthouse"]);
    assert!(out(&first).contains("red"), "{}", out(&first));
    // The same size, the old mtime put back: the new word is found, the old one is gone.
    std::thread::sleep(Duration::from_millis(20));
    edit_keeping_mtime(&a, "Ann: The big lighthouse.\nBen: Fine.\n");
    let o = home.podium(&["search", "lib", "lighthouse"]);
    assert!(
        out(&o).contains("big") && !out(&o).contains("red"),
        "{}",
        out(&o)
    );
    // Two files of one size and mtime swapped.
    let tmp = home.path().join("swap");
    std::fs::rename(&a, &tmp).expect("mv");
    std::fs::rename(&b, &a).expect("mv");
    std::fs::rename(&tmp, &b).expect("mv");
    let o = home.podium(&["search", "lib/a.txt", "lighthouse"]);
    assert!(out(&o).contains("tan"), "{}", out(&o));
    // Single files and the library agree.
    let o2 = home.podium(&["search", "lib", "lighthouse"]);
    assert!(
        out(&o2).contains("tan") && out(&o2).contains("big"),
        "{}",
        out(&o2)
    );
}

#[test]
fn marks_of_one_file_never_show_for_another_of_the_same_name() {
    let home = Home::new();
    let a = home.write("A/x.txt", "Ann: One thing.\nBen: Two things.\n");
    let b = home.write("B/x.txt", "Ann: One thing.\nBen: Two things.\n");
    let session = podium::formats::load_path(&a, None).expect("a").session;
    let store =
        podium::marks::MarkStore::open(&home.path().join(".data/podium/marks"), Some(&a), &session);
    store
        .save(
            &session,
            &podium::marks::Kept::default(),
            &podium::marks::Kept {
                marks: vec![podium::marks::Mark {
                    turn: "t2".into(),
                    sentence: None,
                }],
                codes: Vec::new(),
            },
        )
        .expect("save");
    let o = home.podium(&[
        "export",
        "--marks",
        "--to",
        "txt",
        a.to_str().expect("utf-8"),
    ]);
    assert!(out(&o).contains("Two things"), "{}{}", out(&o), err(&o));
    let o = home.podium(&[
        "export",
        "--marks",
        "--to",
        "txt",
        b.to_str().expect("utf-8"),
    ]);
    assert!(!out(&o).contains("Two things"), "{}", out(&o));
}

#[test]
fn podium_toml_mistakes_are_refused_with_file_and_line() {
    let home = Home::new();
    home.write("s.txt", "Ann: Hello.\nBob: Hi.\n");
    for (toml, line) in [
        ("[rename]\nAnn = \"Bob\"\nBob = \"Ann\"\n", 2),
        ("[rename]\n# a comment\n\"Ann\" = \"\"\n", 3),
        ("[rename]\n\"Ann\" = \"A\\u001b[2Jnn\"\n", 2),
    ] {
        home.write("podium.toml", toml);
        let o = home.podium(&["stats", "s.txt"]);
        assert_eq!(o.status.code(), Some(2), "{toml}");
        let e = err(&o);
        assert!(
            e.starts_with(&format!("podium: podium.toml:{line}: ")),
            "{toml}: {e}"
        );
        assert_eq!(e.lines().count(), 1, "{e}");
    }
}

#[test]
fn json_output_escapes_what_a_terminal_would_obey_and_stays_exact() {
    let home = Home::new();
    let said = "The quote \u{9b}2J \u{202e}here \u{7f}\u{2066}now.";
    home.write("h.txt", &format!("Ann Lee: {said}\nBen Ray: Fine words.\n"));
    for args in [
        &["search", "--json", "h.txt", "quote"][..],
        &["stats", "--json", "h.txt"],
        &["import", "h.txt"],
        &["export", "--to", "json", "h.txt"],
    ] {
        let o = home.podium(args);
        assert!(o.status.success(), "{args:?}: {}", err(&o));
        let text = out(&o);
        for c in ['\u{9b}', '\u{202e}', '\u{7f}', '\u{2066}', '\x1b'] {
            assert!(!text.contains(c), "{args:?} prints {c:?} raw: {text}");
        }
        if args[0] != "stats" {
            assert!(
                text.contains("\\u009b") && text.contains("\\u202e"),
                "{args:?}: {text}"
            );
        }
    }
    let o = home.podium(&["import", "h.txt"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["turns"][0]["paragraphs"][0], said, "the JSON is exact");
}

#[test]
fn usage_errors_quote_arguments_cleaned() {
    let home = Home::new();
    let o = home.podium(&["stats", "--bo\x1b]0;TITLE\x07gus"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        !o.stderr.contains(&0x1b) && !o.stderr.contains(&0x07),
        "{}",
        err(&o)
    );
}

#[test]
fn writing_into_a_fifo_nobody_reads_fails_at_once() {
    let home = Home::new();
    home.write("s.txt", "Ann: Hello there.\nBen: Hi there.\n");
    let fifo = home.path().join("out.json");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    let o = home.podium_within(
        &["import", "s.txt", "-o", "out.json", "--force"],
        Duration::from_secs(10),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("nothing reading it"), "{}", err(&o));
}

#[test]
fn standard_input_is_read_when_named_dash() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(["stats", "-"])
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin
            .write_all(b"Ann: Hello there.\nBen: Hi there, Ann.\n")
            .expect("write");
    }
    let o = child.wait_with_output().expect("output");
    assert!(o.status.success(), "{}", err(&o));
    assert!(
        out(&o).contains("2 speakers · 2 turns · 5 words"),
        "{}",
        out(&o)
    );
}

/// A long labelled text is read a block at a time on its first search (its session is never
/// whole in memory): what it finds and warns of is what importing it whole gives (`--format
/// text` always imports whole), with a cache and without, and again from the cache.
#[test]
fn a_long_text_searched_first_in_blocks_finds_and_warns_as_imported_whole() {
    let home = Home::new();
    let names = ["Ann Lee", "**Ben Ode (Chair):**", "Cy Dee", "Moderator"];
    let mut text = String::from("Annual Review of Incident Response\nRecorded in May\n\n");
    let mut i = 0usize;
    while text.len() < 9 << 20 {
        let name = names[i % names.len()];
        let label = if name.starts_with("**") {
            name.to_string()
        } else {
            format!("{name}:")
        };
        text.push_str(&format!(
            "{label} Point {i} on cyber hygiene and sharing. Teams need trust {}.\n",
            if i.is_multiple_of(7919) {
                "zyzzyva"
            } else {
                "today"
            }
        ));
        if i % 1000 == 3 {
            text.push_str("Note: a word before a colon, not a speaker.\n![chart](c.png)\n\n");
        }
        i += 1;
    }
    home.write("long.txt", &text);
    let search = |extra: &[&str], q: &str| {
        let mut args = extra.to_vec();
        args.extend(["search", "long.txt", q, "--limit", "50"]);
        let o = home.podium(&args);
        assert!(o.status.success(), "{args:?}: {}", err(&o));
        (out(&o), err(&o))
    };
    for q in ["zyzzyva", "hygiene sharing"] {
        let whole = search(&["--no-cache", "--format", "text"], q);
        assert!(!whole.0.is_empty(), "{q}: found nothing");
        assert!(whole.1.contains("cleaned of markup"), "{}", whole.1);
        assert_eq!(search(&["--no-cache"], q), whole, "{q}: blocks, no cache");
        assert_eq!(search(&[], q), whole, "{q}: blocks, first search");
        assert_eq!(search(&[], q), whole, "{q}: from the cache");
    }
    // Whatever is named podium.toml beside it is read as the whole import reads it.
    std::fs::create_dir(home.path().join("podium.toml")).unwrap();
    for extra in [&["--no-cache"][..], &["--no-cache", "--format", "text"]] {
        let mut args = extra.to_vec();
        args.extend(["search", "long.txt", "zyzzyva"]);
        let o = home.podium(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", err(&o));
        assert!(err(&o).contains("podium.toml"), "{}", err(&o));
    }
}
