//! Running the real binary as a script would, with empty data and cache folders of its own.

#![allow(dead_code)] // each test file uses some of these

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const FULL: &str = "data/igf2023-ns44-csirt.txt";
pub const SUMMARY: &str = "tests/fixtures/igf2023-ns44-csirt-summary-only.txt";

/// Empty data and cache folders for every run, so nothing a person keeps in theirs (marks,
/// renames of the bundled session, cache entries) changes what the tests see.
pub fn isolated() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("tmp")).path()
}

/// `podium ARGS` in the repository, isolated, with `NO_COLOR` set.
pub fn command(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_podium"));
    c.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("XDG_DATA_HOME", isolated().join("data"))
        .env("XDG_CACHE_HOME", isolated().join("cache"));
    c
}

pub fn podium(args: &[&str]) -> Output {
    finish(command(args), args)
}

/// Runs `c` to its end, but never lets one stuck run hold up the whole test suite: after two
/// minutes the process is killed and the test fails naming the arguments.
pub fn finish(mut c: Command, what: &[&str]) -> Output {
    use std::process::Stdio;
    let child = c
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let pid = child.id() as libc::pid_t;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(child.wait_with_output()));
    match rx.recv_timeout(std::time::Duration::from_secs(120)) {
        Ok(out) => out.expect("runs"),
        Err(_) => {
            // SAFETY: signals the child this function started; it has not been reaped.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            panic!("podium {what:?} did not end within two minutes");
        }
    }
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8")
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write");
    p
}

pub fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}
