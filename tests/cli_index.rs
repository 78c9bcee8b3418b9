//! `podium search DIR --index`: a library through its on-disk index, built on first use and
//! updated file by file, answering as the in-memory search does.

#![allow(clippy::unwrap_used)] // a failing unwrap in a test is a failing test

use std::path::Path;
use std::process::{Command, Output};

fn podium(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(args)
        .current_dir(home)
        .env("NO_COLOR", "1")
        .env("XDG_DATA_HOME", home.join(".data"))
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .output()
        .expect("runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn an_indexed_library_answers_like_memory_and_follows_its_files() {
    let dir = tempfile::tempdir().expect("tmp");
    let home = dir.path();
    std::fs::create_dir_all(home.join("lib")).expect("dir");
    std::fs::write(
        home.join("lib/a.txt"),
        "Ann Lee: Cyber hygiene starts at home.\nBen Ray: Agreed, it does.\n",
    )
    .expect("w");
    std::fs::write(
        home.join("lib/b.txt"),
        "Cy Dee: Information sharing is vital.\nDee Fox: Yes, it is.\n",
    )
    .expect("w");
    let first = podium(home, &["search", "lib", "cyber hygene", "--index"]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    assert!(
        text(&first.stderr).contains("index: 2 files added"),
        "{}",
        text(&first.stderr)
    );
    let memory = podium(home, &["search", "lib", "cyber hygene"]);
    assert_eq!(
        text(&first.stdout),
        text(&memory.stdout),
        "the same hits, the same lines"
    );
    // Unchanged: nothing is reindexed, nothing said.
    let again = podium(home, &["search", "lib", "'vital", "--index", "--json"]);
    assert!(again.stderr.is_empty(), "{}", text(&again.stderr));
    let v: serde_json::Value = serde_json::from_str(text(&again.stdout).trim()).expect("json");
    assert_eq!(v["speaker"], "Cy Dee");
    assert_eq!(v["turn"], "t1");
    // A changed file is reindexed alone; its old words are gone.
    std::fs::write(
        home.join("lib/a.txt"),
        "Ann Lee: Security begins with people, always.\nBen Ray: Agreed, it does.\n",
    )
    .expect("w");
    let changed = podium(home, &["search", "lib", "hygiene", "--index"]);
    assert_eq!(changed.status.code(), Some(1), "{}", text(&changed.stdout));
    assert!(
        text(&changed.stderr).contains("1 changed"),
        "{}",
        text(&changed.stderr)
    );
    let found = podium(home, &["search", "lib", "secruity", "--index"]);
    assert!(
        text(&found.stdout).contains("Security begins"),
        "{}",
        text(&found.stdout)
    );
    // --index is for libraries.
    let one = podium(home, &["search", "lib/a.txt", "people", "--index"]);
    assert_eq!(one.status.code(), Some(2));
}
