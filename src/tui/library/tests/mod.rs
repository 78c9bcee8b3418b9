use super::*;
use std::path::Path;

/// A session read from `text`, as the loader hands it over: its facts and digest.
fn item(name: &str, text: &str) -> Digested {
    let loaded = podium::formats::load_bytes(name, Some(name), text.as_bytes()).expect("loads");
    Digested::new(Path::new(name), &loaded.session)
}

/// A library waiting for `files` sessions.
fn loading(files: usize) -> Library {
    let mut lib = Library::new(Theme::new(false), Rect::new(0, 0, 100, 30));
    lib.loading = Some((0, files));
    lib
}

/// Ranks a search at once, as the worker would, and gives the library its hits.
fn rank(lib: &mut Library, generation: u64, query: &str) {
    let hits = podium::search::rank_all(&lib.index, query, None, true);
    let total = hits.len();
    lib.update(Action::SearchResults {
        generation,
        hits,
        total,
        done: true,
    });
}

/// A session arrives as the loader hands it over, counted for its row.
fn arrive(lib: &mut Library, it: Digested) {
    let row = Row::of(&it);
    lib.add(it, row);
}

fn library() -> Library {
    let mut lib = loading(3);
    for it in [
        item("b.txt", "Ann: One two three.\nBen: Four.\nAnn: Five.\n"),
        item("a.txt", "ANN: Six.\nCy: Seven eight nine ten eleven.\n"),
    ] {
        arrive(&mut lib, it);
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
    let s = screen(&lib);
    assert!(s.contains("turns ▼"), "the column is marked");
    // Headings sit over their columns: the title over the titles (after the rows' `▸`
    // column), the marked count ending where its numbers end.
    let line = |needle: &str| s.lines().find(|l| l.contains(needle)).expect(needle);
    let col = |l: &str, at: usize| unicode_width::UnicodeWidthStr::width(&l[..at]);
    let (header, row) = (line("speakers turns ▼"), line("b.txt"));
    assert_eq!(
        col(header, header.find("title").expect("title")),
        col(row, row.find("b ").expect("b")),
        "{s}"
    );
    let turns_end = header.find("turns ▼").expect("turns") + "turns ▼".len();
    let numbers = row.trim_end_matches(['┃', ' ']);
    let three = numbers.rfind('3').expect("b.txt has 3 turns") + 1;
    assert_eq!(col(header, turns_end), col(row, three), "{s}");
    assert!(
        s.lines().all(|l| !l.contains("b.txt") || l.ends_with('┃')),
        "{s}"
    );
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
    // Too narrow for the error: it ends in `…` at the frame.
    lib.update(Action::Resize {
        width: 24,
        height: 12,
    });
    let s = screen(&lib);
    assert!(
        s.lines().any(|l| l.contains("c.txt:1: not a transc…┃")),
        "the cut is marked: {s}"
    );
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

/// Issue 15: a ParlaMint corpus as a library, driven by key events through the real keymap.
mod parliament {
    use super::*;
    use crate::tui::{Msg, msg_action};

    /// The GB sample with its corpus lists, the Slovene sitting and the messy GB sitting (where
    /// Stephen Kinnock, the same person id, is printed under a shorter name).
    fn corpus(width: u16, height: u16) -> Library {
        let root =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/parlamint");
        let files = podium::library::discover(&[
            root.join("ParlaMint-GB"),
            root.join("ParlaMint-SI"),
            root.join("messy"),
        ])
        .files;
        let mut lib = Library::new(Theme::new(false), Rect::new(0, 0, width, height));
        lib.loading = Some((0, files.len()));
        for path in &files {
            let it = podium::library::digest_one(path, None, None).expect("loads");
            arrive(&mut lib, it);
        }
        lib.loaded();
        lib
    }

    /// Presses keys as the event loop does; a search is ranked at once, as the worker would.
    fn press(lib: &mut Library, keys: &str) {
        for event in crate::tui::tests::events(keys) {
            let Some(action) = msg_action(Msg::Term(event), &lib.contexts(), &lib.keymap) else {
                continue;
            };
            if let Some(Effect::Search { generation, query }) = lib.update(action) {
                rank(lib, generation, &query);
            }
        }
    }

    #[test]
    fn a_sessions_keys_in_the_lists_say_where_they_work() {
        let mut lib = corpus(120, 30);
        for (key, says) in [
            ("t", "t (code the found quote or the turn"),
            ("T", "T (timeline: who spoke when"),
        ] {
            press(&mut lib, key);
            let m = lib.message.clone().unwrap_or_default();
            assert!(
                m.starts_with(says) && m.ends_with("works in a session (Enter opens one)"),
                "{key}: {m}"
            );
            assert!(screen(&lib).contains("works in a session"), "{key}");
        }
    }

    fn people_shown(lib: &Library) -> Vec<String> {
        lib.shown_people
            .iter()
            .map(|&i| lib.people[i].name.clone())
            .collect()
    }

    #[test]
    fn sittings_by_date_with_their_house_and_filters_for_house_and_dates() {
        let mut lib = corpus(120, 30);
        let s = screen(&lib);
        // Newest first, each with its house; the roots and lists are no sessions.
        assert!(s.contains("Library · 4 sessions"), "{s}");
        let dates: Vec<&str> = lib
            .order
            .iter()
            .map(|&i| lib.rows[i].date.as_str())
            .collect();
        assert_eq!(
            dates,
            ["2022-04-06", "2020-02-12", "2019-03-14", "2017-09-07"]
        );
        assert!(s.contains("House of Lords   2020-02-12"), "{s}");
        assert!(
            s.contains("H: house · D: dates"),
            "the keys are in the title: {s}"
        );
        // H: the houses in turn, then all again.
        press(&mut lib, "H");
        assert_eq!(lib.filters.house.as_deref(), Some("House of Commons"));
        assert_eq!(lib.order.len(), 1);
        assert!(screen(&lib).contains("Library · 1 of 4 sessions"));
        let houses = lib.houses().len();
        press(&mut lib, &"H".repeat(houses));
        assert_eq!(lib.filters.house, None);
        assert_eq!(lib.order.len(), 4);
        // D: a range typed in the prompt; a bad one is refused and can be mended.
        press(&mut lib, "D2019..20x<Enter>");
        assert!(lib.date_prompt.is_some(), "still asking");
        assert!(
            lib.message
                .as_deref()
                .is_some_and(|m| m.starts_with("Not dates"))
        );
        // Ctrl-u empties the prompt, which opens filled in with the range so far.
        press(&mut lib, "<C-u>");
        assert_eq!(lib.date_prompt.as_deref(), Some(""));
        press(&mut lib, "2019..2020<Enter>");
        assert_eq!(lib.date_prompt, None);
        let dates: Vec<&str> = lib
            .order
            .iter()
            .map(|&i| lib.rows[i].date.as_str())
            .collect();
        assert_eq!(dates, ["2020-02-12", "2019-03-14"]);
        assert!(screen(&lib).contains("Sessions · 2019..2020"));
        // The people follow: nobody from 2017 or 2022.
        press(&mut lib, "p");
        let people = people_shown(&lib);
        assert!(people.contains(&"Diana Barran".to_string()));
        assert!(
            !people
                .iter()
                .any(|p| p.contains("Zorčič") || p.contains("Blackman"))
        );
        // An empty range is every date again.
        press(&mut lib, "D");
        press(&mut lib, &"<BS>".repeat(12));
        press(&mut lib, "<Enter>");
        assert_eq!(lib.filters.dates, None);
        assert_eq!(lib.order.len(), 4);
    }

    #[test]
    fn people_by_person_id_with_party_and_years_and_p_filters_by_party() {
        let mut lib = corpus(120, 30);
        press(&mut lib, "p");
        // One Stephen Kinnock across 2017 and 2019, under the name the latest sitting prints.
        let kinnock: Vec<usize> = (0..lib.people.len())
            .filter(|&i| lib.people[i].name.contains("Kinnock"))
            .collect();
        assert_eq!(kinnock.len(), 1, "{:?}", people_shown(&lib));
        let k = kinnock[0];
        assert_eq!(lib.people[k].name, "Stephen Kinnock");
        assert_eq!(lib.info[k].parties, ["LAB"]);
        let years: Vec<(String, usize, usize)> = lib.info[k]
            .years
            .iter()
            .map(|y| (y.year.clone(), y.speeches, y.words))
            .collect();
        // Hand counts: 23 words in 2017 (of 250), 7 in the messy 2019 sitting (of 44).
        assert_eq!(years, [("2017".into(), 1, 23), ("2019".into(), 1, 7)]);
        while lib.shown_people[lib.selected] != k {
            press(&mut lib, "j");
        }
        let s = screen(&lib);
        assert!(
            s.contains("2017: 1 speech · 23 words · 9.2%  │  2019: 1 speech · 7 words · 15.9%"),
            "{s}"
        );
        assert!(s.contains("P: party"), "the key is in the title: {s}");
        // P: the party with the most words first (CON), then the next, then everyone.
        press(&mut lib, "P");
        assert_eq!(lib.filters.party.as_deref(), Some("CON"));
        assert_eq!(
            people_shown(&lib),
            [
                "Diana Barran",
                "David Davis",
                "Marcus Charles Jones",
                "Robert John Blackman"
            ]
        );
        let s = screen(&lib);
        assert!(s.contains("People · party CON"), "{s}");
        assert!(s.contains("Party CON: 4 of"), "{s}");
        press(&mut lib, "P");
        assert_eq!(lib.filters.party.as_deref(), Some("LAB"));
        assert!(people_shown(&lib).contains(&"Stephen Kinnock".to_string()));
        // Enter lists the person's turns everywhere; Esc comes back to them in the filter.
        let at = people_shown(&lib)
            .iter()
            .position(|n| n == "Stephen Kinnock")
            .expect("in LAB");
        lib.selected = at;
        press(&mut lib, "<Enter>");
        assert_eq!(lib.view, View::PersonTurns(k));
        assert_eq!(lib.person_turns.len(), 2);
        assert!(screen(&lib).contains("2017-09-07 · House of Commons · t1 ·"));
        press(&mut lib, "<Esc>");
        assert_eq!(lib.shown_people[lib.selected], k);
        // W counts the words of the person under the cursor in the filtered list (the row
        // number is not their place among everyone); W again comes back to their row.
        assert_ne!(
            lib.selected, k,
            "the filter must move Kinnock's row for this to test"
        );
        press(&mut lib, "W");
        assert_eq!(lib.view, View::PersonWords(k));
        press(&mut lib, "W");
        assert_eq!(lib.view, View::People);
        assert_eq!(lib.shown_people[lib.selected], k);
        let parties = lib.parties.len();
        press(&mut lib, &"P".repeat(parties - 1));
        assert_eq!(lib.filters.party, None, "after the last party, everyone");
        assert_eq!(lib.shown_people.len(), lib.people.len());
    }

    #[test]
    fn search_across_sittings_reads_date_house_speaker_party() {
        let mut lib = corpus(120, 30);
        press(&mut lib, "/noble lords");
        let s = screen(&lib);
        assert!(
            s.contains("▸ 2020-02-12 · House of Lords · Leslie John Griffiths (LAB) · I promise noble Lords"),
            "{s}"
        );
        press(&mut lib, "<Enter>");
        assert!(matches!(
            lib.open,
            Some(Open::Session { quote: Some(_), .. })
        ));
    }
}

/// The library keeps digests, not sessions: its quote index must rank exactly as one built
/// from the whole sessions did, summaries included, and name the same sentences.
#[test]
fn the_index_from_digests_ranks_as_the_sessions_did() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    // ParlaMint sittings, other formats, and the DiploAI report with its summaries.
    let files = podium::library::discover(&[
        root.join("tests/fixtures/parlamint"),
        root.join("tests/fixtures/formats"),
        root.join("data/igf2023-ns44-csirt.txt"),
    ])
    .files;
    let mut lib = Library::new(Theme::new(false), Rect::new(0, 0, 100, 30));
    let mut sessions = Vec::new();
    for path in &files {
        let Ok(item) = podium::library::load_one(path, None, None) else {
            continue;
        };
        let it = podium::library::digest_one(path, None, None).expect("loads");
        arrive(&mut lib, it);
        sessions.push(item.session);
    }
    lib.loaded();
    assert!(sessions.len() >= 4, "{files:?}");
    let mut whole = podium::search::QuoteIndex::default();
    for (i, s) in sessions.iter().enumerate() {
        whole.push_session_with_summaries(i, s);
    }
    assert_eq!(lib.index.len(), whole.len());
    assert!(
        (0..whole.len()).any(|i| whole.place(i as u32).turn.is_none()),
        "summaries are searched too"
    );
    for query in [
        "noble lords",
        "the",
        "csirt",
        "minister 'data",
        "zzqqxj",
        "cyber !attack",
    ] {
        let ours = podium::search::rank_all(&lib.index, query, None, true);
        let theirs = podium::search::rank_all(&whole, query, None, true);
        assert_eq!(ours, theirs, "{query}");
        for hit in &ours {
            assert_eq!(lib.index.quote(hit), whole.quote(hit));
        }
    }
}

#[test]
fn a_person_being_read_stays_in_view_when_the_people_are_counted_again() {
    let mut lib = loading(2);
    arrive(&mut lib, item("b.txt", "Ben: Four five.\nCy: Six.\n"));
    lib.update(Action::TogglePeople);
    let cy = lib.people.iter().position(|p| p.name == "Cy").expect("Cy");
    lib.selected = lib
        .shown_people
        .iter()
        .position(|&i| i == cy)
        .expect("shown");
    // o sorts the sessions, not the people: the list and the cursor stay, and it says so.
    let before = (lib.sort, lib.reversed, lib.selected);
    lib.update(Action::CycleSort);
    assert_eq!((lib.sort, lib.reversed, lib.selected), before);
    assert!(
        lib.message
            .as_deref()
            .is_some_and(|m| m.contains("sorts the sessions"))
    );
    lib.update(Action::Open);
    assert_eq!(lib.view, View::PersonTurns(cy));
    // A session arrives whose speakers are counted before Cy's: the list is numbered anew.
    arrive(
        &mut lib,
        item(
            "a.txt",
            "Ann: One two three four five six.\nAl: Seven eight nine ten.\n",
        ),
    );
    lib.loaded();
    let View::PersonTurns(now) = lib.view else {
        panic!("still on a person's turns: {:?}", lib.view);
    };
    assert_eq!(lib.people[now].name, "Cy");
    assert_ne!(now, cy, "the rebuild must renumber for this to test");
}

#[test]
fn a_search_typed_while_the_library_loads_is_run_again_as_it_grows() {
    let mut lib = loading(4);
    let budget = |lib: &mut Library, name: &str| {
        arrive(lib, item(name, "Ann: The budget was agreed.\nBen: Four.\n"));
    };
    budget(&mut lib, "a.txt");
    lib.update(Action::OpenSearch);
    let ranked = |lib: &mut Library, effect: Option<Effect>| {
        let Some(Effect::Search { generation, query }) = effect else {
            panic!("a search is asked for: {effect:?}");
        };
        rank(lib, generation, &query);
    };
    let mut effect = None;
    for c in "budget".chars() {
        effect = lib.update(Action::SearchInput(c));
    }
    ranked(&mut lib, effect);
    assert_eq!(lib.search.total, 1);
    assert!(lib.catch_up().is_empty(), "nothing new yet");
    // Twice the sessions searched: searched again.
    budget(&mut lib, "b.txt");
    let mut effects = lib.catch_up();
    assert_eq!(effects.len(), 1);
    ranked(&mut lib, effects.pop());
    assert_eq!(lib.search.total, 2);
    // One more is not yet double; the end of loading is.
    budget(&mut lib, "c.txt");
    assert!(lib.catch_up().is_empty());
    lib.loaded();
    let mut effects = lib.catch_up();
    ranked(&mut lib, effects.pop());
    assert_eq!(lib.search.total, 3, "every session searched once loaded");
    assert!(lib.catch_up().is_empty(), "and only once");
}

#[test]
fn words_counted_while_the_library_loads_are_counted_again_when_it_has() {
    let mut lib = loading(2);
    arrive(
        &mut lib,
        item("a.txt", "Ann: Budgets and security.\nBen: Four.\n"),
    );
    lib.update(Action::TogglePeople);
    let Some(Effect::CountWords { generation }) = lib.update(Action::ToggleWords) else {
        panic!("W asks for a count");
    };
    let words = Arc::new(podium::analysis::words::LibraryWords::new(&[]));
    lib.words_counted(generation, 1, words.clone(), 0);
    assert!(lib.catch_up().is_empty(), "still loading: no count yet");
    arrive(&mut lib, item("b.txt", "Cy: More budgets.\nAnn: Yes.\n"));
    lib.loaded();
    let effects = lib.catch_up();
    let [Effect::CountWords { generation: again }] = effects.as_slice() else {
        panic!("counted again over both sessions: {effects:?}");
    };
    assert!(*again > generation);
    assert!(lib.catch_up().is_empty(), "once");
    lib.words_counted(*again, 2, words, 0);
    assert!(lib.catch_up().is_empty(), "all counted");
}

mod hostile;
