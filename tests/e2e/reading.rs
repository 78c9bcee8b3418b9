//! Issue 13 in a real terminal: the warnings list, the help paged to its end, the summaries
//! view and its sources, and the keys of a user's config.toml.

use super::tmux::Tmux;

const SUMMARY_ONLY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/igf2023-ns44-csirt-summary-only.txt"
);

/// Types `podium ARGS; echo rc=$?` at the prompt.
fn run_podium(t: &Tmux, args: &str) {
    t.wait_for(&["PROMPT$"]);
    t.type_text(&format!(
        "{} {args}; echo rc=$?",
        env!("CARGO_BIN_EXE_podium")
    ));
    t.keys(&["Enter"]);
}

#[test]
fn bang_lists_the_warnings_the_header_counts() {
    let Some(t) = Tmux::start("warnings", 100, 30) else {
        return;
    };
    run_podium(&t, SUMMARY_ONLY);
    t.wait_for(&["Summaries (S: transcript)", "⚠ 1 (!)"]);
    t.keys(&["!"]);
    let s = t.wait_for(&["Warnings (1)", "line 112"]);
    assert!(s.contains("speech statistics block is empty"), "{s}");
    t.keys(&["Escape"]);
    t.wait_for(&["next summary sentence"]);
    t.keys(&["q"]);
    t.wait_for(&["rc=0"]);
}

#[test]
fn help_pages_to_its_end() {
    let Some(t) = Tmux::start("help-pages", 100, 30) else {
        return;
    };
    t.open_podium();
    t.keys(&["?"]);
    t.wait_for(&["Keys (Esc closes", "↓ more: PgDn End", "[quit]"]);
    t.keys(&["NPage"]);
    t.wait_for(&["↑↓ more"]);
    t.keys(&["End"]);
    let s = t.wait_for(&["↑ more: PgUp g", "Mouse:"]);
    assert!(
        s.contains("suspend to the shell"),
        "the last context is there:\n{s}"
    );
    t.keys(&["g"]);
    t.wait_for(&["↓ more: PgDn End"]);
    t.keys(&["Escape"]);
    t.wait_for(&["j scroll down a line"]);
    t.keys(&["q"]);
    t.wait_for_prompt();
}

#[test]
fn capital_s_shows_summaries_and_enter_goes_to_the_source() {
    let Some(t) = Tmux::start("summaries", 110, 30) else {
        return;
    };
    t.open_podium();
    t.keys(&["S"]);
    t.wait_for(&["Summaries (S: transcript)", "■ Masae Toyama", "[t6.4"]);
    t.keys(&["Enter"]);
    let s = t.wait_for(&["Source 1/4 of the summary sentence: t6.4", "t6/19"]);
    assert!(s.contains("Transcript"), "{s}");
    t.keys(&["n"]);
    t.wait_for(&["Source 2/4"]);
    t.keys(&["S"]);
    t.wait_for(&["Summaries (S: transcript)", "1/104"]);
    t.keys(&["q"]);
    t.wait_for_prompt();
}

#[test]
fn config_keys_remap_and_mistakes_name_the_line() {
    let Some(t) = Tmux::start("config", 100, 30) else {
        return;
    };
    let dir = t.config_home().join("podium");
    std::fs::create_dir_all(&dir).expect("config dir");
    let file = dir.join("config.toml");
    std::fs::write(&file, "[keys]\nquit = [\"x\"]\n").expect("config");
    run_podium(&t, "");
    t.wait_for(&["Transcript", " x quit "]);
    t.keys(&["q"]);
    t.keys(&["?"]);
    t.wait_for(&["  x               quit  [quit]"]);
    t.keys(&["Escape"]);
    t.keys(&["x"]);
    t.wait_for(&["rc=0"]);
    std::fs::write(&file, "[keys]\n\nleave = [\"x\"]\n").expect("config");
    t.keys(&["C-l"]);
    run_podium(&t, "");
    let s = t.wait_for(&["rc=2"]);
    assert!(
        s.contains(&format!(
            "podium: {}:3: \"leave\" is not an action",
            file.display()
        )),
        "{s}"
    );
    assert!(!t.alternate_screen());
}
