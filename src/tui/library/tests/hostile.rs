//! Titles, names and text from a file reach the library's lists and hits cleaned: a bidi
//! override, a clipboard-setting OSC 52 and a screen clear are shown, never obeyed.

use super::*;

const HOSTILE: &str = "Re\u{202e}port \u{1b}]52;c;eA==\u{7}title\n\n\
    Ann: One \u{202e}two three.\nBen: Four \u{1b}[2J five.\nAnn: Six.\nBen: Seven.\n";

/// Nothing a terminal would obey is on `screen`.
fn obeys_nothing(screen: &str) {
    for c in ['\u{1b}', '\u{7}', '\u{202e}'] {
        assert!(!screen.contains(c), "{c:?} reached the screen: {screen:?}");
    }
}

#[test]
fn hostile_titles_names_and_text_reach_every_list_cleaned() {
    let mut lib = loading(1);
    arrive(&mut lib, item("h.md", HOSTILE));
    lib.loaded();
    // The session keeps what the file holds; only the screen is cleaned.
    assert!(
        lib.rows[0].title.contains('\u{202e}'),
        "{:?}",
        lib.rows[0].title
    );
    let sessions = screen(&lib);
    obeys_nothing(&sessions);
    assert!(
        sessions.contains("Re\u{fffd}port \u{241b}]52;c;eA==\u{2407}title"),
        "the title, shown: {sessions}"
    );
    lib.update(Action::TogglePeople);
    let people = screen(&lib);
    obeys_nothing(&people);
    assert!(people.contains("Ann") && people.contains("Ben"), "{people}");
    lib.update(Action::TogglePeople);
    lib.update(Action::OpenSearch);
    let mut effect = None;
    for c in "two three".chars() {
        effect = lib.update(Action::SearchInput(c));
    }
    let Some(Effect::Search { generation, query }) = effect else {
        panic!("a search is asked for: {effect:?}");
    };
    rank(&mut lib, generation, &query);
    assert_eq!(lib.search.total, 1);
    let hits = screen(&lib);
    obeys_nothing(&hits);
    assert!(
        hits.contains("One \u{fffd}two three."),
        "the hit, shown: {hits}"
    );
}
