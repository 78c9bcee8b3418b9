use super::*;
use std::path::PathBuf;

fn item(name: &str, text: &str) -> Item {
    let loaded = podium::formats::load_bytes(name, Some(name), text.as_bytes()).expect("loads");
    Item {
        path: PathBuf::from(name),
        session: Arc::new(loaded.session),
        warnings: Vec::new(),
    }
}

fn library() -> Library {
    let mut lib = Library::new(Theme::new(false), Rect::new(0, 0, 100, 30));
    lib.loading = Some((0, 3));
    for it in [
        item("b.txt", "Ann: One two three.\nBen: Four.\nAnn: Five.\n"),
        item("a.txt", "ANN: Six.\nCy: Seven eight nine ten eleven.\n"),
    ] {
        let row = Row::new(&it);
        lib.add(it, row);
    }
    lib.fail("c.txt:1: not a transcript".into());
    lib.loaded();
    lib
}

#[test]
fn sessions_sort_and_open() {
    let mut lib = library();
    assert_eq!(lib.rows[lib.order[0]].file, "a.txt");
    // A second press reverses the column, the third goes on to the next.
    lib.update(Action::CycleSort);
    assert_eq!((lib.sort, lib.reversed), (SortKey::File, true));
    assert_eq!(lib.rows[lib.order[0]].file, "b.txt");
    assert!(screen(&lib).contains("sorted by file ▼"));
    lib.update(Action::CycleSort);
    assert_eq!((lib.sort, lib.reversed), (SortKey::Title, false));
    for _ in 0..6 {
        lib.update(Action::CycleSort);
    }
    assert_eq!((lib.sort, lib.reversed), (SortKey::Turns, false));
    assert_eq!(lib.rows[lib.order[0]].file, "b.txt");
    assert!(screen(&lib).contains("turns ▼"), "the column is marked");
    // The cursor stays on the session it was on (a.txt, loaded second).
    lib.update(Action::Open);
    assert_eq!(
        lib.open,
        Some(Open::Session {
            session: 1,
            turn: None,
            quote: None,
            summary: None,
        })
    );
    assert!(lib.message.is_none());
}

fn screen(lib: &Library) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(
        lib.area.width,
        lib.area.height,
    ))
    .expect("terminal");
    terminal
        .draw(|f| crate::tui::panes::library::draw(f, lib))
        .expect("draw");
    let buf = terminal.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_library_screen_draws_lists_and_search_at_any_size() {
    let mut lib = library();
    let s = screen(&lib);
    assert!(s.contains("Library · 2 sessions · 5 quotes"), "{s}");
    assert!(s.contains("1 skipped"));
    lib.update(Action::TogglePeople);
    assert!(screen(&lib).contains("People (p: sessions)"));
    lib.update(Action::OpenSearch);
    lib.update(Action::SearchInput('x'));
    lib.update(Action::SearchResults {
        generation: lib.search.generation,
        hits: Vec::new(),
        total: 0,
        done: true,
    });
    assert!(screen(&lib).contains("/ x"));
    for (w, h) in [(0, 0), (1, 1), (20, 5), (30, 8), (60, 3)] {
        lib.update(Action::Resize {
            width: w,
            height: h,
        });
        let _ = screen(&lib);
    }
}

#[test]
fn people_join_across_sessions_and_list_their_turns() {
    let mut lib = library();
    lib.update(Action::TogglePeople);
    assert_eq!(lib.view, View::People);
    let ann = lib
        .people
        .iter()
        .position(|p| p.name == "ANN")
        .expect("ann");
    assert_eq!(lib.people[ann].appearances.len(), 2);
    lib.selected = ann;
    lib.update(Action::Open);
    assert_eq!(lib.view, View::PersonTurns(ann));
    assert_eq!(lib.person_turns.len(), 3);
    let s = screen(&lib);
    assert!(
        s.contains("ANN (Esc: back) · a 1t/1w · b 2t/4w"),
        "per-session counts: {s}"
    );
    lib.update(Action::Down);
    lib.update(Action::Open);
    assert!(matches!(
        lib.open,
        Some(Open::Session { turn: Some(_), .. })
    ));
    lib.update(Action::Back);
    assert_eq!(lib.view, View::People);
}

#[test]
fn bang_lists_the_files_that_failed_and_sessions_show_their_file() {
    let mut lib = library();
    let s = screen(&lib);
    assert!(s.contains("⚠ 1 skipped (! lists them)"), "{s}");
    assert!(
        s.contains("a.txt") && s.contains("b.txt"),
        "file names: {s}"
    );
    assert!(
        lib.message
            .as_deref()
            .is_some_and(|m| m.contains("! lists them"))
    );
    lib.update(Action::OpenWarnings);
    let s = screen(&lib);
    assert!(s.contains("Files that could not be read"), "{s}");
    assert!(s.contains("c.txt:1: not a transcript"), "{s}");
    lib.update(Action::Resize {
        width: 80,
        height: 20,
    });
    assert_eq!(
        lib.area.width, 80,
        "a resize still lands with the list open"
    );
    lib.update(Action::OpenWarnings);
    assert!(!lib.warnings_open);
}
