//! The real binary in a real terminal: tmux runs it, send-keys types as a person would and
//! capture-pane reads the screen. Where tmux is not installed each test says it was skipped on
//! the test output; with `CI` set a missing tmux fails every test instead (CI installs it).

#![allow(clippy::unwrap_used)] // a failing unwrap in a test is a failing test

use std::process::Command;

#[path = "e2e/analysis.rs"]
mod analysis;
#[path = "e2e/codes.rs"]
mod codes;
#[path = "e2e/parliament.rs"]
mod parliament;
#[path = "e2e/player.rs"]
mod player;
#[path = "e2e/reading.rs"]
mod reading;
#[path = "e2e/tmux.rs"]
mod tmux;

use tmux::{Tmux, skip_or_fail};

#[test]
fn a_person_searches_jumps_filters_resizes_and_quits() {
    let Some(t) = Tmux::start("person", 100, 30) else {
        return;
    };
    t.open_podium();
    let s = t.wait_for(&["Speakers", "Transcript", "Statistics", "t1/19"]);
    assert!(s.contains("Meeting Spot for CSIRT Practitioners"));
    assert!(t.alternate_screen());

    // A typo on purpose: fuzzy search still finds "cyber hygiene".
    t.keys(&["/"]);
    t.wait_for(&["Search quotes"]);
    t.type_text("cyber hygene");
    let s = t.wait_for(&["/ cyber hygene", "personal cyber cyber hygiene"]);
    assert!(
        s.contains("/463"),
        "a count of hits over quotes and summaries:\n{s}"
    );
    // The best hit is a summary sentence; the first thing said is the next one down.
    t.keys(&["Down"]);
    t.wait_for(&["▸ Bernhards Blumbergs · t18"]);
    t.keys(&["Enter"]);
    let s = t.wait_for(&["Hit ", "t18/19"]);
    assert!(s.contains("cyber hygiene"), "{s}");
    assert!(
        s.contains("■ Bernhards Blumbergs"),
        "the hit's speaker is selected:\n{s}"
    );

    // ] : Bernhards' next turn; there is none after t18.
    t.keys(&["]"]);
    t.wait_for(&["No later turn by Bernhards Blumbergs"]);
    // } : the next change of speaker is the Moderator's t19.
    t.keys(&["}"]);
    t.wait_for(&["t19/19"]);
    // f : only the selected speaker's turns, and the footer says so.
    t.keys(&["f"]);
    let s = t.wait_for(&[
        "filter: Bernhards Blumbergs",
        "Transcript · Bernhards Blumbergs only",
    ]);
    assert!(s.contains("3 turns"), "{s}");
    // ? : the help overlay lists the keys.
    t.keys(&["?"]);
    t.wait_for(&[
        "Keys (Esc closes",
        "search quotes",
        "only the selected speaker",
    ]);
    t.keys(&["Escape"]);
    t.wait_for(&["filter: Bernhards Blumbergs"]);

    assert!(
        t.run(&["resize-window", "-t", "e2e", "-x", "30", "-y", "8"])
            .status
            .success()
    );
    let s = t.wait_for(&["‹4/6"]);
    assert!(s.lines().count() <= 8);
    assert!(!s.contains("panicked"), "{s}");
    assert!(
        t.run(&["resize-window", "-t", "e2e", "-x", "100", "-y", "30"])
            .status
            .success()
    );
    t.wait_for(&["Speakers", "Statistics"]);

    t.keys(&["q"]);
    let s = t.wait_for_prompt();
    let last = s
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    assert!(last.starts_with("PROMPT$"), "the prompt is back:\n{s}");
    assert!(!s.contains("panicked"));
    t.type_text("echo typed-$((40+2))");
    t.keys(&["Enter"]);
    t.wait_for(&["typed-42"]);
}

#[test]
fn ctrl_c_restores_the_terminal() {
    let Some(t) = Tmux::start("ctrl-c", 80, 24) else {
        return;
    };
    t.open_podium();
    t.keys(&["C-c"]);
    t.wait_for_prompt();
    t.type_text("stty -a | grep -o ' icanon' ; echo done");
    t.keys(&["Enter"]);
    let s = t.wait_for(&["done"]);
    assert!(s.contains(" icanon"), "the terminal left raw mode:\n{s}");
}

/// Issue 11: a signal that ends the browser gives the terminal back.
fn ended_by(signal: &str, code: u8) {
    let Some(t) = Tmux::start(&format!("kill-{signal}"), 80, 24) else {
        return;
    };
    t.open_podium();
    assert_eq!(t.flag("mouse_any_flag"), "1", "podium reports the mouse");
    assert_eq!(t.flag("cursor_flag"), "0", "podium hides the cursor");
    let pid = t.child_pid();
    let killed = Command::new("kill")
        .args([&format!("-{signal}"), &pid])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let s = t.wait_for_prompt();
    assert!(!s.contains("panicked"), "{s}");
    t.assert_restored();
    t.type_text("echo rc=$?");
    t.keys(&["Enter"]);
    t.wait_for(&[&format!("rc={code}")]);
    t.assert_cooked();
}

#[test]
fn sigterm_restores_the_terminal() {
    ended_by("TERM", 128 + 15);
}

#[test]
fn sighup_restores_the_terminal() {
    ended_by("HUP", 128 + 1);
}

#[test]
fn sigint_restores_the_terminal() {
    ended_by("INT", 128 + 2);
}

#[test]
fn sigquit_restores_the_terminal() {
    ended_by("QUIT", 128 + 3);
}

#[test]
fn ctrl_z_and_sigtstp_give_the_shell_back_and_fg_redraws() {
    let Some(t) = Tmux::start("suspend", 100, 30) else {
        return;
    };
    t.open_podium();
    t.keys(&["4", "]"]);
    t.wait_for(&["t5/19"]);
    let pid = t.child_pid();
    for stop in ["C-z", "kill -TSTP"] {
        if stop == "C-z" {
            t.keys(&["C-z"]);
        } else {
            let sent = Command::new("kill")
                .args(["-TSTP", &pid])
                .status()
                .expect("kill runs");
            assert!(sent.success());
        }
        t.wait_for(&["Stopped"]);
        t.wait_for_prompt();
        t.assert_restored();
        t.assert_cooked();
        t.keys(&["C-l"]);
        t.type_text("fg");
        t.keys(&["Enter"]);
        // The whole screen comes back where the reader was, not only what changed.
        let s = t.wait_for(&["Speakers", "Statistics", "t5/19", "Bernhards Blumbergs"]);
        assert!(t.alternate_screen(), "{stop}: back on the alternate screen");
        assert_eq!(t.flag("mouse_any_flag"), "1", "{stop}: the mouse again");
        assert!(
            !s.contains("PROMPT$"),
            "{stop}: the browser covers the shell:\n{s}"
        );
        // And it still takes keys.
        t.keys(&["]"]);
        t.wait_for(&["t12/19"]);
        t.keys(&["["]);
        t.wait_for(&["t5/19"]);
    }
    t.keys(&["q"]);
    t.wait_for_prompt();
    t.assert_restored();
}

#[test]
fn without_tmux_the_tests_fail_under_ci_and_say_skipped_elsewhere() {
    assert_eq!(
        skip_or_fail("t", false),
        "test t ... SKIPPED: tmux is missing (apt-get install tmux)"
    );
    let under_ci = std::panic::catch_unwind(|| skip_or_fail("example", true));
    assert!(under_ci.is_err(), "a missing tmux fails under CI");
}

#[test]
fn a_bad_file_is_one_line_and_no_screen() {
    let Some(t) = Tmux::start("bad-file", 80, 24) else {
        return;
    };
    t.wait_for(&["PROMPT$"]);
    t.type_text(&format!(
        "{} /nonexistent/x.txt; echo rc=$?",
        env!("CARGO_BIN_EXE_podium")
    ));
    t.keys(&["Enter"]);
    let s = t.wait_for(&["rc=2"]);
    assert!(
        s.contains("podium: /nonexistent/x.txt: no such file"),
        "{s}"
    );
    assert!(!t.alternate_screen());
}

#[test]
fn a_library_folder_opens_searches_and_goes_back() {
    let Some(t) = Tmux::start("library", 110, 30) else {
        return;
    };
    t.wait_for(&["PROMPT$"]);
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/formats");
    t.type_text(&format!(
        "{} --no-cache {dir}",
        env!("CARGO_BIN_EXE_podium")
    ));
    t.keys(&["Enter"]);
    t.wait_for(&["Library · 17 sessions", "Sessions (p: people)"]);
    t.keys(&["p"]);
    t.wait_for(&["People (p: sessions)", "MANISHA LIGADE"]); // cart.txt comes first by name
    t.keys(&["p", "/"]);
    t.type_text("budget");
    t.wait_for(&["Search every session", "₹4 crore"]);
    t.keys(&["Enter"]);
    let s = t.wait_for(&["Statistics", "Esc back to the library"]);
    assert!(s.contains("budget"), "{s}");
    t.keys(&["Escape"]);
    t.wait_for(&["Library · 17 sessions"]);
    t.keys(&["q"]);
    t.wait_for_prompt();
}

#[test]
fn copy_with_citation_marks_that_survive_a_restart_and_an_export() {
    let Some(t) = Tmux::start("takeout", 110, 30) else {
        return;
    };
    let _ = t.run(&["set-option", "-g", "set-clipboard", "on"]);
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path().display().to_string();
    t.wait_for(&["PROMPT$"]);
    let open = format!(
        "cd {d} && XDG_DATA_HOME={d}/data {}",
        env!("CARGO_BIN_EXE_podium")
    );
    t.type_text(&open);
    t.keys(&["Enter"]);
    t.wait_for(&["Transcript"]);
    t.keys(&["/"]);
    t.type_text("'comes 'personal");
    t.wait_for(&["This comes down to personal cyber cyber hygiene"]);
    t.keys(&["Enter"]);
    t.wait_for(&["Hit "]);
    t.keys(&["y"]);
    t.wait_for(&["Copied with citation"]);
    let buffer = String::from_utf8_lossy(&t.run(&["show-buffer"]).stdout).into_owned();
    assert_eq!(
        buffer,
        "“This comes down to personal cyber cyber hygiene.” — Bernhards Blumbergs (CERT.LV), Meeting Spot for CSIRT Practitioners: Share Your Experiences, IGF 2023 Networking Session #44, 9 Oct 2023, t18"
    );
    t.keys(&["m"]);
    t.wait_for(&["Marked t18."]);
    t.keys(&["q"]);
    t.wait_for_prompt();
    t.type_text(&format!(
        "XDG_DATA_HOME={d}/data {}",
        env!("CARGO_BIN_EXE_podium")
    ));
    t.keys(&["Enter"]);
    t.wait_for(&["Transcript"]);
    t.type_text("'");
    t.wait_for(&["Marks (1)", "personal cyber cyber hygiene"]);
    t.keys(&["e"]);
    t.wait_for(&[
        "Exported to meeting-spot-for-csirt-practitioners-share-your-experiences-marks.md",
    ]);
    let exported = std::fs::read_to_string(
        dir.path()
            .join("meeting-spot-for-csirt-practitioners-share-your-experiences-marks.md"),
    )
    .expect("the export file");
    assert!(
        exported.contains("**Bernhards Blumbergs** (t18."),
        "{exported}"
    );
    assert!(exported.contains("This comes down to personal cyber cyber hygiene."));
    // Esc and q sent together would read as Alt-q.
    t.keys(&["Escape"]);
    t.wait_for(&["j scroll down a line"]);
    t.keys(&["q"]);
    t.wait_for_prompt();
}

#[test]
fn two_browsers_on_one_session_keep_each_others_marks() {
    let Some(a) = Tmux::start("marks-a", 110, 30) else {
        return;
    };
    let Some(b) = Tmux::start("marks-b", 110, 30) else {
        return;
    };
    let dir = tempfile::tempdir().expect("tmp");
    let open = format!(
        "XDG_DATA_HOME={}/data {}",
        dir.path().display(),
        env!("CARGO_BIN_EXE_podium")
    );
    for t in [&a, &b] {
        t.wait_for(&["PROMPT$"]);
        t.type_text(&open);
        t.keys(&["Enter"]);
        t.wait_for(&["Transcript"]);
    }
    // Both opened with no marks; each marks turns the other does not know about.
    a.keys(&["m"]);
    a.wait_for(&["Marked t1 ("]);
    b.keys(&["}"]);
    b.wait_for(&["t2/19"]);
    b.keys(&["m"]);
    b.wait_for(&["Marked t2 ("]);
    a.keys(&["}", "}"]);
    a.wait_for(&["t3/19"]);
    a.keys(&["m"]);
    a.wait_for(&["Marked t3 ("]);
    for t in [&a, &b] {
        t.keys(&["q"]);
        t.wait_for_prompt();
    }
    a.type_text(&open);
    a.keys(&["Enter"]);
    a.wait_for(&["Transcript"]);
    a.type_text("'");
    let screen = a.wait_for(&["Marks (3)"]);
    for turn in ["t1 ·", "t2 ·", "t3 ·"] {
        assert!(screen.contains(turn), "{turn} is kept:\n{screen}");
    }
    a.keys(&["Escape"]);
    a.keys(&["q"]);
    a.wait_for_prompt();
}
