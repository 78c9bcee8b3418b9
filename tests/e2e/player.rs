//! Issue 16, play from here, in a real terminal with a stand-in mpv (tests/support/fake_mpv.rs)
//! first on PATH: `p` starts it at the turn's second with a socket and the recording beside the
//! transcript, `F` follows the time it reports, `p` pauses it over IPC, and quitting ends it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use super::tmux::Tmux;

const INTERVIEW: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/interview/interview.vtt"
);

/// The stand-in, compiled once per test run with the rustc that builds Podium.
fn fake_mpv() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fake-mpv");
        std::fs::create_dir_all(&dir).expect("folder");
        let out = dir.join("mpv");
        let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
        let source = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/fake_mpv.rs");
        let status = Command::new(rustc)
            .args(["--edition", "2021", "-o"])
            .arg(&out)
            .arg(source)
            .status()
            .expect("rustc runs");
        assert!(status.success(), "the stand-in mpv compiles");
        dir
    })
}

/// Polls `path` until `wanted` holds for its text (a deadline, not a fixed sleep).
fn wait_for_file(path: &Path, wanted: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if wanted(&text) {
            return text;
        }
        assert!(
            Instant::now() < deadline,
            "waited on {}:\n{text}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn alive(pid: &str) -> bool {
    Path::new("/proc").join(pid).exists()
        && !std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .unwrap_or_default()
            .contains(") Z ")
}

#[test]
fn p_starts_the_player_at_the_turns_second_f_follows_and_quit_ends_it() {
    let Some(t) = Tmux::start("player", 100, 30) else {
        return;
    };
    let bin = fake_mpv();
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    std::fs::copy(INTERVIEW, d.join("interview.vtt")).expect("copy");
    std::fs::write(d.join("interview.mp3"), b"ID3").expect("the recording");
    let log = d.join("mpv.log");
    let time = d.join("time");
    t.wait_for(&["PROMPT$"]);
    // The bundled session has no times: p says so.
    t.type_text(&format!(
        "cd {} && export PATH={}:$PATH FAKE_MPV_LOG={} FAKE_MPV_TIME_FILE={} && {}",
        d.display(),
        bin.display(),
        log.display(),
        time.display(),
        env!("CARGO_BIN_EXE_podium")
    ));
    t.keys(&["Enter"]);
    t.wait_for(&["Transcript"]);
    t.keys(&["p"]);
    t.wait_for(&["This transcript has no times"]);
    t.keys(&["q"]);
    t.wait_for_prompt();
    t.type_text(&format!(
        "{} interview.vtt; echo rc=$?",
        env!("CARGO_BIN_EXE_podium")
    ));
    t.keys(&["Enter"]);
    t.wait_for(&["Transcript", "t1/8"]);
    // t2, Rosa Okafor, starts at 00:01:10.
    t.keys(&["}"]);
    t.wait_for(&["t2/8"]);
    t.keys(&["p"]);
    let s = t.wait_for(&["playing 00:01:10"]);
    assert!(s.contains("Playing interview.mp3 from 00:01:10"), "{s}");
    let text = wait_for_file(&log, |l| l.contains("time-pos"));
    let args: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("arg "))
        .collect();
    let media = d.canonicalize().expect("dir").join("interview.mp3");
    assert_eq!(args.len(), 4, "{text}");
    assert_eq!(args[0], "--start=70");
    let socket = args[1]
        .strip_prefix("--input-ipc-server=")
        .expect("a socket");
    assert!(socket.ends_with("/mpv.sock"), "{socket}");
    assert_eq!(args[2], "--no-terminal");
    assert_eq!(Path::new(args[3]), media);
    let pid = text
        .lines()
        .find_map(|l| l.strip_prefix("pid "))
        .expect("pid")
        .to_string();
    // F: follow. The recording reaches 00:07:21, inside t6.
    t.keys(&["F"]);
    t.wait_for(&["follow (F)"]);
    std::fs::write(&time, "441").expect("time");
    let s = t.wait_for(&["t6/8", "playing 00:07:21 · follow (F)"]);
    assert!(s.contains("Rosa Okafor · t6"), "{s}");
    // p pauses, over the socket.
    t.keys(&["p"]);
    t.wait_for(&["paused 00:07:21"]);
    wait_for_file(&log, |l| l.contains(r#"["set_property","pause",true]"#));
    // Quitting ends the player, and its socket's folder goes with it.
    assert!(alive(&pid));
    t.keys(&["q"]);
    t.wait_for(&["rc=0"]);
    let deadline = Instant::now() + Duration::from_secs(10);
    while alive(&pid) {
        assert!(
            Instant::now() < deadline,
            "the player {pid} is still running"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!Path::new(socket).exists(), "{socket} is left behind");
}
