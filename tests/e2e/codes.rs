//! Issue 16, coding passages, in a real terminal: `t` with Tab completion, the codes list and
//! its filter, two browsers coding one session at once, and `podium codes` reading what they
//! kept.

use std::process::Command;

use super::tmux::Tmux;

const INTERVIEW: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/interview/interview.vtt"
);

/// `podium ARGS` with the data folder the browsers used.
fn podium(data: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(args)
        .env("XDG_DATA_HOME", data)
        .env("XDG_CACHE_HOME", data.join("cache"))
        .output()
        .expect("podium runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn t_codes_passages_the_list_filters_and_podium_codes_lists_them() {
    let Some(t) = Tmux::start("codes", 110, 30) else {
        return;
    };
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    let file = d.join("interview.vtt");
    std::fs::copy(INTERVIEW, &file).expect("copy");
    let data = d.join("data");
    t.wait_for(&["PROMPT$"]);
    t.type_text(&format!(
        "XDG_DATA_HOME={} {} {}",
        data.display(),
        env!("CARGO_BIN_EXE_podium"),
        file.display()
    ));
    t.keys(&["Enter"]);
    t.wait_for(&["Transcript", "t1/8"]);
    t.keys(&["}", "t"]);
    t.wait_for(&["Code t2: "]);
    t.type_text("trust");
    t.keys(&["Enter"]);
    t.wait_for(&["Coded t2 trust (1 passage"]);
    // t4: Tab completes what t2 was given.
    t.keys(&["}", "}"]);
    t.wait_for(&["t4/8"]);
    t.keys(&["t"]);
    t.type_text("tr");
    t.keys(&["Tab"]);
    t.wait_for(&["Code t4: trust"]);
    t.keys(&["Enter"]);
    t.wait_for(&["Coded t4 trust (2 passages"]);
    t.keys(&["t"]);
    t.type_text("silence");
    t.keys(&["Enter"]);
    let s = t.wait_for(&["Coded t4 silence"]);
    assert!(s.contains("· #silence #trust"), "{s}");
    t.keys(&["'"]);
    let s = t.wait_for(&["Codes (2)"]);
    assert!(s.contains("silence") && s.contains("2 passages"), "{s}");
    t.keys(&["j", "Enter"]);
    let s = t.wait_for(&["coded trust", "code: trust (Esc)", "1/2 shown"]);
    assert!(!s.contains("Dana Whitfield · t1"), "{s}");
    t.keys(&["Escape"]);
    t.wait_for(&["Showing every passage again"]);
    t.keys(&["q"]);
    t.wait_for_prompt();

    let path = file.display().to_string();
    let table = podium(&data, &["codes", &path]);
    assert_eq!(
        table.lines().map(str::trim_end).collect::<Vec<_>>(),
        [
            "code     speaker      turn  quote",
            "silence  Rosa Okafor  t4    Trust went first. People stopped swapping shifts with each other. Lindqvist said we would get used to it, but nobody did.",
            "trust    Rosa Okafor  t2    Of course. I coordinate the night shift, and I have done so for six years. Before that I worked with Erik Lindqvist in the emergency department.",
            "trust    Rosa Okafor  t4    Trust went first. People stopped swapping shifts with each other. Lindqvist said we would get used to it, but nobody did.",
        ]
    );
    assert_eq!(
        podium(&data, &["codes", &path, "--csv"]),
        "speaker,silence,trust\nRosa Okafor,1,2\n"
    );
}

#[test]
fn two_browsers_coding_one_session_keep_each_others_codes() {
    let Some(a) = Tmux::start("codes-a", 110, 30) else {
        return;
    };
    let Some(b) = Tmux::start("codes-b", 110, 30) else {
        return;
    };
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("interview.vtt");
    std::fs::copy(INTERVIEW, &file).expect("copy");
    let open = format!(
        "XDG_DATA_HOME={}/data {} {}",
        dir.path().display(),
        env!("CARGO_BIN_EXE_podium"),
        file.display()
    );
    for t in [&a, &b] {
        t.wait_for(&["PROMPT$"]);
        t.type_text(&open);
        t.keys(&["Enter"]);
        t.wait_for(&["Transcript"]);
    }
    // Both opened with no codes; each codes a passage the other does not know about.
    a.keys(&["t"]);
    a.type_text("roles");
    a.keys(&["Enter"]);
    a.wait_for(&["Coded t1 roles"]);
    b.keys(&["}", "t"]);
    b.type_text("trust");
    b.keys(&["Enter"]);
    b.wait_for(&["Coded t2 trust"]);
    for t in [&a, &b] {
        t.keys(&["q"]);
        t.wait_for_prompt();
    }
    a.type_text(&open);
    a.keys(&["Enter"]);
    a.wait_for(&["Transcript"]);
    a.keys(&["'"]);
    let s = a.wait_for(&["Codes (2)"]);
    assert!(s.contains("roles") && s.contains("trust"), "{s}");
    // Esc and q sent together would read as Alt-q.
    a.keys(&["Escape"]);
    a.wait_for(&["j scroll down a line"]);
    a.keys(&["q"]);
    a.wait_for_prompt();
}
