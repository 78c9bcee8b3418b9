//! Issue 15: the bundled ParlaMint samples as a library in a real terminal; `P` in the people
//! view shows one party's members at a time.

use super::tmux::Tmux;

#[test]
fn p_filters_the_people_of_a_parlamint_library_by_party() {
    let Some(t) = Tmux::start("parliament", 120, 30) else {
        return;
    };
    t.wait_for(&["PROMPT$"]);
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/parlamint");
    t.type_text(&format!(
        "{} --no-cache {root}/ParlaMint-GB {root}/ParlaMint-SI",
        env!("CARGO_BIN_EXE_podium")
    ));
    t.keys(&["Enter"]);
    // The corpus root and its lists are neither sessions nor failures.
    let s = t.wait_for(&["Library · 3 sessions", "House of Lords", "2020-02-12"]);
    assert!(!s.contains("skipped"), "{s}");
    t.keys(&["p"]);
    t.wait_for(&[
        "People (p: sessions · P: party)",
        "Igor Zorčič",
        "Leslie John Griffiths",
    ]);
    t.keys(&["P"]);
    let s = t.wait_for(&["People · party CON", "Party CON: 4 of"]);
    assert!(
        s.contains("Diana Barran") && s.contains("Robert John Blackman"),
        "{s}"
    );
    assert!(
        !s.contains("Leslie John Griffiths"),
        "Labour is filtered out:\n{s}"
    );
    t.keys(&["P"]);
    let s = t.wait_for(&["People · party LAB", "Leslie John Griffiths"]);
    assert!(!s.contains("Diana Barran"), "{s}");
    // The selected person's years, on the list's last line.
    assert!(s.contains("2020: 1 speech · 885 words · 38.0%"), "{s}");
    t.keys(&["q"]);
    t.wait_for_prompt();
}
