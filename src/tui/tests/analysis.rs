//! Issue 16: the words view (W) and the timeline (T), driven by keys and clicks as a person
//! drives them.

use podium::analysis::words::sentences_using;

use super::*;
use crate::tui::app::Middle;
use crate::tui::layout;
use crate::tui::timeline_view::geometry;
use crate::tui::words_view::List;

fn click(a: &mut Driver, column: u16, row: u16) {
    feed(
        a,
        Msg::Term(Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })),
    );
}

/// The cells drawn reversed and bold (a lit word without colour), joined.
fn lit(a: &App) -> String {
    let mut terminal =
        Terminal::new(TestBackend::new(a.area.width, a.area.height)).expect("terminal");
    terminal.draw(|f| draw::draw(f, a)).expect("draw");
    terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .filter(|c| c.modifier.contains(Modifier::REVERSED | Modifier::BOLD))
        .map(|c| c.symbol())
        .collect()
}

#[test]
fn w_shows_a_speakers_frequent_and_distinctive_words() {
    let mut a = app(100, 30);
    keys(&mut a, "4W");
    assert_eq!((a.middle, a.focus), (Middle::Words, Focus::Transcript));
    let s = screen(&a);
    assert!(s.contains("Words · Bernhards Blumbergs vs the rest"), "{s}");
    assert!(
        s.contains("Most frequent") && s.contains("Most distinctive"),
        "{s}"
    );
    // The lists are the core's, most distinctive first, and the first is selected.
    let top = a.words.lists(3).expect("counted").distinctive[0].clone();
    assert!(top.z > 1.96, "{top:?}");
    let row = s
        .lines()
        .find(|l| l.contains(&format!("┃{} ", top.word)) && l.contains(&format!("{:.1}", top.z)))
        .unwrap_or_else(|| panic!("{} with its z on screen:\n{s}", top.word));
    assert!(row.contains('█'), "a bar of z: {row}");
    insta::assert_snapshot!("words_bernhards_100x30", s);

    keys(&mut a, "jj");
    assert_eq!((a.words.list, a.words.selected), (List::Distinctive, 2));
    keys(&mut a, "l");
    assert_eq!(a.words.list, List::Frequent);
    keys(&mut a, "hg");
    assert_eq!((a.words.list, a.words.selected), (List::Distinctive, 0));
    // The view follows the selected speaker.
    keys(&mut a, "5");
    assert!(screen(&a).contains("Words · Moderator vs the rest"));
    // a: the whole session's most frequent words, nothing to compare them with.
    keys(&mut a, "a");
    let s = screen(&a);
    assert!(s.contains("Words · the whole session"), "{s}");
    assert!(s.contains("Most frequent in the session"), "{s}");
    insta::assert_snapshot!("words_whole_session_100x30", s);
    keys(&mut a, "aW");
    assert_eq!(a.middle, Middle::Transcript);
    assert_eq!(current_id(&a), "t1", "the transcript where it was");
}

#[test]
fn enter_on_a_word_lists_its_sentences_lit_and_goes_to_one() {
    let mut a = app(100, 30);
    keys(&mut a, "4W");
    let word = a.words.lists(3).expect("counted").distinctive[0]
        .word
        .clone();
    let expected = sentences_using(&a.session, &word, Some(3));
    assert!(expected.len() >= 2, "{word}: {expected:?}");
    keys(&mut a, "<Enter>");
    let using = a.words.using.as_ref().expect("the sentences");
    assert_eq!(using.quotes, expected);
    let s = screen(&a);
    assert!(
        s.contains(&format!(
            "“{word}” · {} sentences by Bernhards",
            expected.len()
        )),
        "{s}"
    );
    assert!(lit(&a).to_lowercase().contains(&word), "{word} is lit");
    insta::assert_snapshot!("words_sentences_100x30", s);

    // Enter on the second: there in the transcript, the word lit.
    keys(&mut a, "j<Enter>");
    assert_eq!(a.middle, Middle::Transcript);
    let found = a.found.as_ref().expect("a sentence found");
    assert_eq!(found.quote, expected[1].0);
    assert!(lit(&a).to_lowercase().contains(&word), "{word} is lit");
    // W comes back to the sentences; Esc to the words; Esc to the transcript.
    keys(&mut a, "W");
    assert_eq!(a.middle, Middle::Words);
    assert_eq!(a.words.using.as_ref().map(|u| u.selected), Some(1));
    keys(&mut a, "<Esc>");
    assert!(a.words.using.is_none());
    assert_eq!(a.middle, Middle::Words);
    keys(&mut a, "<Esc>");
    assert_eq!(a.middle, Middle::Transcript);
}

#[test]
fn clicks_and_the_wheel_pick_words() {
    let mut a = app(100, 30);
    keys(&mut a, "4W");
    let inner = layout::inner(a.screen().transcript.expect("middle pane"));
    // The frequent list is on the left; its third word is three rows below its heading.
    click(&mut a, inner.x + 2, inner.y + 3);
    assert_eq!((a.words.list, a.words.selected), (List::Frequent, 2));
    feed(
        &mut a,
        Msg::Term(Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column: inner.x + 2,
            row: inner.y + 3,
            modifiers: KeyModifiers::NONE,
        })),
    );
    assert_eq!(a.words.selected, 5);
}

#[test]
fn narrow_words_stack_the_lists_then_show_one() {
    let mut a = app(60, 20);
    keys(&mut a, "4W");
    let s = screen(&a);
    assert!(
        s.contains("┃Distinctive") && s.contains("┃Most frequent"),
        "{s}"
    );
    insta::assert_snapshot!("words_bernhards_60x20", s);
    // Too short for both: the one with the selection.
    resize(&mut a, 60, 10);
    let s = screen(&a);
    assert!(
        s.contains("┃Distinctive") && !s.contains("┃Most frequent"),
        "{s}"
    );
    keys(&mut a, "l");
    let s = screen(&a);
    assert!(
        s.contains("┃Most frequent") && !s.contains("┃Distinctive"),
        "{s}"
    );
    // The smallest terminals draw the lists and the sentences without panicking.
    for (w, h) in [(40, 8), (20, 5), (12, 3), (100, 30)] {
        resize(&mut a, w, h);
        let _ = screen(&a);
        keys(&mut a, "j<Enter>");
        let _ = screen(&a);
        keys(&mut a, "G<Esc>");
    }
}

#[test]
fn t_shows_who_spoke_when_and_the_mark_moves_the_reader() {
    let mut a = app(100, 30);
    keys(&mut a, "T");
    assert_eq!(a.middle, Middle::Timeline);
    let s = screen(&a);
    assert!(s.contains("Timeline · by words (no times)"), "{s}");
    assert!(s.contains("▲ t1 · word 1"), "{s}");
    assert!(
        s.contains("3761 words"),
        "the axis ends at the session's words:\n{s}"
    );
    insta::assert_snapshot!("timeline_100x30", s);

    // → moves the mark; the reader, and the statistics' "so far", follow the turn there.
    for _ in 0..20 {
        keys(&mut a, "l");
    }
    let turn = current_id(&a);
    assert_ne!(turn, "t1");
    let s = screen(&a);
    assert!(s.contains(&format!("so far, to {turn}")), "{s}");
    assert!(
        s.contains(&format!("{turn} · word")),
        "the mark names the turn:\n{s}"
    );
    assert_eq!(a.timeline.cursor, Some(20));
    // G: the end, g: the start (the last and the first turn, however short); Esc: back
    // where the reader was.
    keys(&mut a, "G");
    assert_eq!(current_id(&a), "t19");
    keys(&mut a, "g");
    assert_eq!(current_id(&a), "t1");
    assert!(screen(&a).contains("▲ t1 · word 1"), "{}", screen(&a));
    keys(&mut a, "G");
    assert_eq!(current_id(&a), "t19");
    keys(&mut a, "<Esc>");
    assert_eq!(
        (a.middle, current_id(&a).as_str()),
        (Middle::Transcript, "t1")
    );
    // Enter goes to the turn at the mark and stays.
    keys(&mut a, "T<PgDn><PgDn><PgDn>");
    let turn = current_id(&a);
    assert_ne!(turn, "t1");
    keys(&mut a, "<Enter>");
    assert_eq!((a.middle, current_id(&a)), (Middle::Transcript, turn));
}

#[test]
fn the_mark_follows_other_moves_and_a_click_jumps() {
    let mut a = app(100, 30);
    // } : the next change of speaker moves the reader, and the mark with it.
    keys(&mut a, "T}}");
    assert_eq!(current_id(&a), "t3");
    assert!(screen(&a).contains("▲ t3"), "{}", screen(&a));
    // A click on Bernhards Blumbergs' row where his t12 starts goes there.
    let inner = layout::inner(a.screen().transcript.expect("middle pane"));
    let names: Vec<&str> = a.session.speakers.iter().map(|s| s.name.as_str()).collect();
    let g = geometry(inner, &names, a.selected);
    let width = usize::from(g.bars.width);
    let line = a.timeline.line.clone().expect("made");
    let column = line.column_of_turn(11, width).expect("t12") as u16;
    let row = g.bars.y + (3 - g.first as u16) * g.pitch;
    assert_eq!(g.speaker_at(row), Some(3));
    click(&mut a, g.bars.x + column, row);
    assert_eq!(a.middle, Middle::Transcript);
    assert_eq!(current_id(&a), "t12");
    assert_eq!(a.selected, 3);
}

#[test]
fn a_timed_session_is_drawn_by_time() {
    let bytes = include_bytes!("../../../tests/fixtures/formats/teams.vtt");
    let session = podium::formats::load_bytes("teams.vtt", Some("teams.vtt"), bytes)
        .expect("loads")
        .session;
    let mut a = Driver::new(session, 80, 16);
    keys(&mut a, "T");
    let s = screen(&a);
    assert!(s.contains("Timeline · by time"), "{s}");
    assert!(s.contains("山田 太郎"), "{s}");
    insta::assert_snapshot!("timeline_teams_80x16", s);
    // Narrow and tiny terminals draw without panicking.
    for (w, h) in [(40, 10), (20, 5), (12, 3)] {
        resize(&mut a, w, h);
        let _ = screen(&a);
        keys(&mut a, "lG");
    }
}

/// A library screen as text.
fn library_screen(lib: &crate::tui::library::Library) -> String {
    let mut terminal =
        Terminal::new(TestBackend::new(lib.area.width, lib.area.height)).expect("terminal");
    terminal
        .draw(|f| crate::tui::panes::library::draw(f, lib))
        .expect("draw");
    let buf = terminal.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
            row.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn w_in_the_library_compares_a_person_with_everyone_else() {
    use crate::tui::action::Effect;
    use crate::tui::keymap::Context;
    use crate::tui::library::{Library, Open, Row, View};
    let mut lib = Library::new(Theme::new(false), Rect::new(0, 0, 100, 16));
    // Files on disk: the library holds no text, and counting words reads them again.
    let dir = tempfile::tempdir().expect("tmp");
    for (name, text) in [
        (
            "a.txt",
            "Ana Lee: Security matters. Security teams share data.\n\n\
             Bo Chan: Data is everything. Data wins.\n\nAna Lee: Security again.\n",
        ),
        (
            "b.txt",
            "Ana Lee: Security never sleeps.\n\nCy Dee: Data data data.\n\n\
             Cy Dee: Security too.\n\nAna Lee: Fine.\n",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        let item = podium::library::digest_one(&path, None, None).expect("loads");
        let row = Row::of(&item);
        lib.add(item, row);
    }
    lib.loaded();
    // Keys through the library's keymap, as the event loop reads them.
    let press = |lib: &mut Library, c: char| {
        let mods = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        let code = if c == '\n' {
            KeyCode::Enter
        } else if c == '\x1b' {
            KeyCode::Esc
        } else {
            KeyCode::Char(c)
        };
        let Event::Key(key) = key_event(code, mods) else {
            unreachable!()
        };
        let action = lib
            .keymap
            .action_for(&key, &[Context::Library])
            .expect("a library key");
        lib.update(action)
    };
    press(&mut lib, 'W');
    assert!(
        lib.message
            .as_deref()
            .is_some_and(|m| m.contains("people list"))
    );
    press(&mut lib, 'p');
    while lib.people[lib.selected].name != "Ana Lee" {
        press(&mut lib, 'j');
    }
    let ana = lib.selected;
    // The words are counted off the screen's thread: the view says so meanwhile.
    let Some(Effect::CountWords { generation }) = press(&mut lib, 'W') else {
        panic!("W asks for the words to be counted");
    };
    assert_eq!(lib.view, View::PersonWords(ana));
    let s = library_screen(&lib);
    assert!(s.contains("counting…"), "{s}");
    let job = crate::tui::library_load::WordJob::new(&lib, generation);
    let (words, failed) = job.count(None, None);
    let words = std::sync::Arc::new(words);
    assert_eq!(failed, 0);
    // A result of an older request is dropped; the one asked for is shown.
    lib.words_counted(generation - 1, 2, words.clone(), 0);
    assert!(lib.words.scored.is_empty() && lib.words.counting());
    lib.words_counted(generation, 2, words, 0);
    assert!(!lib.words.counting());
    assert_eq!(lib.view, View::PersonWords(ana));
    // Ana says security 4 times, Cy once; data once, Bo twice and Cy three times.
    let said = |w: &str| {
        let s = lib.words.scored.iter().find(|s| s.word == w).expect(w);
        (s.count, s.rest_count)
    };
    assert_eq!((said("security"), said("data")), ((4, 1), (1, 5)));
    assert_eq!(lib.words.scored[0].word, "security", "the most distinctive");
    let s = library_screen(&lib);
    assert!(s.contains("Words of Ana Lee"), "{s}");
    insta::assert_snapshot!("library_words_100x16", s);

    // Enter: her sentences using it, in both sessions; Enter on one opens it, lit.
    press(&mut lib, '\n');
    assert_eq!(lib.view, View::WordUses(ana));
    assert_eq!(lib.words.uses.len(), 4);
    let s = library_screen(&lib);
    assert!(s.contains("“security” in 4 sentences"), "{s}");
    insta::assert_snapshot!("library_word_uses_100x16", s);
    press(&mut lib, 'j');
    press(&mut lib, '\n');
    let Some(Open::Session {
        quote: Some((quote, lit)),
        ..
    }) = lib.open.clone()
    else {
        panic!("a session opens at the sentence: {:?}", lib.open);
    };
    assert_eq!((quote.turn, quote.sentence), (0, 1));
    assert_eq!(lit, (0..8).collect::<Vec<usize>>(), "“Security” is lit");
    // Esc: back to the words, where the cursor was, then to the people.
    lib.open = None;
    press(&mut lib, '\x1b');
    assert_eq!((lib.view, lib.selected), (View::PersonWords(ana), 0));
    press(&mut lib, '\x1b');
    assert_eq!((lib.view, lib.selected), (View::People, ana));
    // Counted once: W again shows them at once, with nothing to count.
    assert_eq!(press(&mut lib, 'W'), None);
    assert_eq!(lib.view, View::PersonWords(ana));
    assert_eq!(lib.words.scored[0].word, "security");
}

#[test]
fn a_timeline_too_short_for_every_speaker_says_which_it_shows() {
    // The bundled session's six speakers do not fit 12 lines: the title says which show.
    let mut a = app(40, 12);
    keys(&mut a, "T");
    let s = screen(&a);
    assert!(s.contains("speakers 1–"), "{s}");
    assert!(s.contains("speakers 1–5 of 6"), "{s}");
    let mut a = app(100, 30);
    keys(&mut a, "T");
    assert!(
        !screen(&a).contains("speakers 1–"),
        "all fit: nothing to say"
    );
}
