//! The browser driven as a person drives it: key events through the real keymap into
//! `App::update`, searches ranked by the real search worker on its own thread, the screen drawn
//! into ratatui's `TestBackend` and compared with insta snapshots.

mod analysis;
mod analysis_passages;
mod codes;
mod parliament;
mod play;
mod reading;
mod search;
mod takeout;

use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use super::action::{Action, Effect};
use super::app::{App, Overlay};
use super::layout::Focus;
use super::theme::Theme;
use super::worker::SearchWorker;
use super::{Msg, draw, to_action};

/// An app with its own search worker, as the event loop runs it.
pub(super) struct Driver {
    app: App,
    worker: SearchWorker,
    results: Receiver<Msg>,
}

impl std::ops::Deref for Driver {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

impl std::ops::DerefMut for Driver {
    fn deref_mut(&mut self) -> &mut App {
        &mut self.app
    }
}

impl Driver {
    pub(super) fn new(session: podium::session::Session, width: u16, height: u16) -> Driver {
        let (tx, results) = mpsc::channel();
        Driver {
            app: App::new(session, Theme::new(false), Rect::new(0, 0, width, height)),
            worker: SearchWorker::spawn(tx).expect("worker"),
            results,
        }
    }

    /// Feeds one message the way the event loop does. A search goes to the worker, and its
    /// answers (snapshots, then the final ranking) are fed back before this returns; any other
    /// effect is returned.
    fn feed(&mut self, msg: Msg) -> Option<Effect> {
        let action = to_action(&self.app, msg)?;
        match self.app.update(action)? {
            Effect::Search { generation, query } => {
                self.worker.request(generation, query, &self.app.index);
                loop {
                    let msg = self
                        .results
                        .recv_timeout(Duration::from_secs(20))
                        .expect("the worker answers");
                    let last = matches!(msg, Msg::Hits { generation: g, done: true, .. } if g == generation);
                    self.feed(msg);
                    if last {
                        return None;
                    }
                }
            }
            effect => Some(effect),
        }
    }
}

fn app(width: u16, height: u16) -> Driver {
    Driver::new(
        podium::bundled::session().expect("bundled session"),
        width,
        height,
    )
}

fn key_event(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

fn feed(app: &mut Driver, msg: Msg) {
    app.feed(msg);
}

/// Types keys: plain characters, or `<Name>` for special keys (`<Tab>`, `<C-d>`, `<Enter>`).
/// Returns the effects (other than searches) the keys asked the event loop for.
fn keys(app: &mut Driver, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for event in events(keys) {
        effects.extend(app.feed(Msg::Term(event)));
    }
    effects
}

/// Key events for `keys`, written as [`keys`] takes them.
pub(super) fn events(keys: &str) -> Vec<Event> {
    let mut out = Vec::new();
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (event, len) = if c == '<' {
            let end = rest.find('>').expect("closing >");
            let name = &rest[1..end];
            let event = match name {
                "Tab" => key_event(KeyCode::Tab, KeyModifiers::NONE),
                "S-Tab" => key_event(KeyCode::BackTab, KeyModifiers::SHIFT),
                "Enter" => key_event(KeyCode::Enter, KeyModifiers::NONE),
                "Esc" => key_event(KeyCode::Esc, KeyModifiers::NONE),
                "Down" => key_event(KeyCode::Down, KeyModifiers::NONE),
                "Up" => key_event(KeyCode::Up, KeyModifiers::NONE),
                "PgDn" => key_event(KeyCode::PageDown, KeyModifiers::NONE),
                "PgUp" => key_event(KeyCode::PageUp, KeyModifiers::NONE),
                "Home" => key_event(KeyCode::Home, KeyModifiers::NONE),
                "End" => key_event(KeyCode::End, KeyModifiers::NONE),
                "BS" => key_event(KeyCode::Backspace, KeyModifiers::NONE),
                "lt" => key_event(KeyCode::Char('<'), KeyModifiers::NONE),
                ctrl if ctrl.starts_with("C-") => key_event(
                    KeyCode::Char(ctrl.chars().nth(2).expect("ctrl key")),
                    KeyModifiers::CONTROL,
                ),
                other => panic!("unknown key <{other}>"),
            };
            (event, end + 1)
        } else {
            let mods = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            (key_event(KeyCode::Char(c), mods), c.len_utf8())
        };
        out.push(event);
        rest = &rest[len..];
    }
    out
}

fn screen(app: &App) -> String {
    let mut terminal =
        Terminal::new(TestBackend::new(app.area.width, app.area.height)).expect("terminal");
    terminal.draw(|f| draw::draw(f, app)).expect("draw");
    let buf = terminal.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            // A wide character (CJK) fills two cells; the second is not printed.
            let mut row = String::new();
            let mut x = 0;
            while x < buf.area.width {
                let symbol = buf[(x, y)].symbol();
                row.push_str(symbol);
                x += (unicode_width::UnicodeWidthStr::width(symbol) as u16).max(1);
            }
            row.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn current_id(app: &App) -> String {
    app.current_turn()
        .map_or_else(String::new, |t| app.session.turns[t].id.clone())
}

fn resize(app: &mut Driver, width: u16, height: u16) {
    feed(app, Msg::Term(Event::Resize(width, height)));
}

#[test]
fn opens_on_three_panes() {
    let app = app(100, 30);
    let s = screen(&app);
    assert!(s.contains("Speakers") && s.contains("Transcript") && s.contains("Statistics"));
    insta::assert_snapshot!("start_100x30", s);
}

#[test]
fn scroll_keys_move_the_transcript() {
    let mut a = app(100, 30);
    keys(&mut a, "j");
    assert_eq!(a.top, 1);
    keys(&mut a, "k<Down><Down><Up>");
    assert_eq!(a.top, 1);
    let page = a.viewport() - 1;
    keys(&mut a, "g<PgDn>");
    assert_eq!(a.top, page);
    keys(&mut a, " ");
    assert_eq!(a.top, 2 * page);
    keys(&mut a, "b<PgUp>");
    assert_eq!(a.top, 0);
    keys(&mut a, "<C-d>");
    assert_eq!(a.top, page.div_ceil(2));
    keys(&mut a, "<C-u>");
    assert_eq!(a.top, 0);
    keys(&mut a, "G");
    assert_eq!(current_id(&a), "t19");
    keys(&mut a, "<Home>");
    assert_eq!(a.top, 0);
    keys(&mut a, "<End>");
    assert!(a.top > 0);
    keys(&mut a, "g<PgDn><PgDn>");
    insta::assert_snapshot!("page_down_twice_100x30", screen(&a));
}

#[test]
fn speaker_jumps() {
    let mut a = app(100, 30);
    // Bernhards Blumbergs speaks in t5, t12 and t18.
    keys(&mut a, "4");
    assert_eq!(a.selected, 3);
    keys(&mut a, "]");
    assert_eq!(current_id(&a), "t5");
    keys(&mut a, "]");
    assert_eq!(current_id(&a), "t12");
    keys(&mut a, "[");
    assert_eq!(current_id(&a), "t5");
    keys(&mut a, "[");
    assert_eq!(current_id(&a), "t5");
    assert!(
        a.message
            .as_deref()
            .is_some_and(|m| m.contains("No earlier turn"))
    );
    // t5 Bernhards, t6 Masae, t7 Moderator.
    keys(&mut a, "}");
    assert_eq!(current_id(&a), "t6");
    keys(&mut a, "}}");
    assert_eq!(current_id(&a), "t8");
    keys(&mut a, "{");
    assert_eq!(current_id(&a), "t7");
    keys(&mut a, "{{");
    assert_eq!(current_id(&a), "t5");
    insta::assert_snapshot!("speaker_4_at_t5_100x30", screen(&a));
}

#[test]
fn number_keys_select_speakers() {
    let mut a = app(100, 30);
    for (key, name) in [
        ("1", "Masae Toyama"),
        ("2", "Hiroki Mashiko"),
        ("3", "Adli Wahid"),
        ("4", "Bernhards Blumbergs"),
        ("5", "Moderator"),
        ("6", "Audience"),
    ] {
        keys(&mut a, key);
        assert_eq!(a.session.speakers[a.selected].name, name);
        assert!(
            screen(&a).contains(&format!("■ {name}")),
            "stats pane names {name}"
        );
    }
    keys(&mut a, "9");
    assert_eq!(a.selected, 5);
    assert!(screen(&a).contains("There is no speaker 9"));
}

#[test]
fn the_speaker_list_moves_and_enter_jumps_to_the_next_turn() {
    let mut a = app(100, 30);
    keys(&mut a, "<S-Tab>");
    assert_eq!(a.focus, Focus::Speakers);
    keys(&mut a, "jj");
    assert_eq!(a.selected, 2);
    keys(&mut a, "k");
    assert_eq!(a.selected, 1);
    keys(&mut a, "G");
    assert_eq!(a.selected, 5);
    keys(&mut a, "g");
    assert_eq!(a.selected, 0);
    keys(&mut a, "jj<Enter>");
    assert_eq!(current_id(&a), "t4", "Adli's first turn after t1");
    keys(&mut a, "<Enter>");
    assert_eq!(current_id(&a), "t14");
    keys(&mut a, "<Tab><Tab>");
    assert_eq!(a.focus, Focus::Stats);
    keys(&mut a, "<Tab>");
    assert_eq!(a.focus, Focus::Speakers);
}

#[test]
fn search_cyber_hygene_lands_on_the_sentence() {
    let mut a = app(100, 30);
    keys(&mut a, "/cyber hygene");
    assert_eq!(a.overlay, Overlay::Search);
    assert!(!a.search.hits.is_empty());
    let shown = screen(&a);
    assert!(shown.contains("/ cyber hygene"));
    assert!(shown.contains(&format!("{}/{}", a.search.hits.len(), a.total_quotes)));
    assert!(shown.contains(" · summary · "), "summary hits are marked");
    insta::assert_snapshot!("search_panel_100x30", shown);
    // The best hit is a summary sentence; the first thing said is further down.
    while a.search.hits[a.search.selected].summary.is_some() {
        keys(&mut a, "<Down>");
    }
    keys(&mut a, "<Enter>");
    assert_eq!(a.overlay, Overlay::None);
    let found = a.found.clone().expect("found");
    let sentence = a.session.turns[found.quote.turn]
        .sentence(found.quote.sentence)
        .expect("s");
    assert!(sentence.contains("cyber hygiene"), "{sentence}");
    assert_eq!(current_id(&a), "t18");
    let s = screen(&a);
    assert!(
        s.contains("personal cyber cyber hygiene"),
        "the sentence is on screen"
    );
    insta::assert_snapshot!("after_search_enter_100x30", s);
}

#[test]
fn the_found_sentence_and_its_letters_are_marked_without_colour() {
    let mut a = app(100, 30);
    keys(&mut a, "/'hygiene<Enter>");
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    terminal.draw(|f| draw::draw(f, &a)).expect("draw");
    let buf = terminal.backend().buffer();
    let lit: String = buf
        .content()
        .iter()
        .filter(|c| c.modifier.contains(Modifier::REVERSED | Modifier::BOLD))
        .map(|c| c.symbol())
        .collect();
    assert!(lit.contains("hygiene"), "{lit}");
    let underlined = buf
        .content()
        .iter()
        .filter(|c| c.modifier.contains(Modifier::UNDERLINED))
        .count();
    assert!(underlined > 20);
}

#[test]
fn search_navigation_and_escape_returns() {
    let mut a = app(100, 30);
    keys(&mut a, "G");
    let before = a.top;
    keys(&mut a, "/information sharing");
    let n = a.search.hits.len();
    assert!(n > 8);
    keys(&mut a, "<Down><C-n>");
    assert_eq!(a.search.selected, 2);
    keys(&mut a, "<Up><C-p><Up>");
    assert_eq!(a.search.selected, 0);
    keys(&mut a, "<BS>");
    assert_eq!(a.search.query, "information sharin");
    keys(&mut a, "<C-u>");
    assert!(a.search.query.is_empty() && a.search.hits.is_empty());
    keys(&mut a, "zzzzqqq");
    assert!(screen(&a).contains("no quote matches"));
    keys(&mut a, "<Esc>");
    assert_eq!((a.overlay, a.top), (Overlay::None, before));
}

#[test]
fn n_and_n_walk_hits_in_transcript_order() {
    let mut a = app(100, 30);
    keys(&mut a, "n");
    assert!(
        a.message
            .as_deref()
            .is_some_and(|m| m.contains("No search yet"))
    );
    keys(&mut a, "/'information sharing<Enter>");
    let first = a.found.clone().expect("found").quote;
    keys(&mut a, "n");
    let second = a.found.clone().expect("found").quote;
    assert!(second > first);
    keys(&mut a, "N");
    assert_eq!(a.found.clone().expect("found").quote, first);
    let hits = a.hits_in_order.len();
    for _ in 0..hits {
        keys(&mut a, "n");
    }
    assert_eq!(
        a.found.clone().expect("found").quote,
        first,
        "n wraps around"
    );
}

#[test]
fn filter_shows_one_speakers_turns() {
    let mut a = app(100, 30);
    keys(&mut a, "2f");
    assert_eq!(a.layout.turns, [1]);
    let s = screen(&a);
    assert!(s.contains("filter: Hiroki Mashiko"), "the footer says so");
    assert!(s.contains("Transcript · Hiroki Mashiko only"));
    insta::assert_snapshot!("filter_hiroki_100x30", s);
    keys(&mut a, "}");
    assert!(
        a.message
            .as_deref()
            .is_some_and(|m| m.contains("Only one speaker"))
    );
    keys(&mut a, "f");
    assert_eq!(a.layout.turns.len(), 19);
    assert_eq!(current_id(&a), "t2", "keeps the place");
    assert!(!screen(&a).contains("filter:"));
}

#[test]
fn statistics_follow_the_reader_and_s_switches_scope() {
    let mut a = app(100, 30);
    keys(&mut a, "5");
    let at_start = screen(&a);
    assert!(at_start.contains("so far, to t1"));
    keys(&mut a, "G");
    let at_end = screen(&a);
    assert!(at_end.contains("so far, to t19"));
    assert_ne!(at_start, at_end);
    keys(&mut a, "g");
    keys(&mut a, "s");
    assert!(screen(&a).contains("whole session"));
    insta::assert_snapshot!("stats_whole_session_moderator_100x30", screen(&a));
    keys(&mut a, "s");
    assert!(screen(&a).contains("so far"));
}

#[test]
fn help_lists_every_key_and_closes() {
    let mut a = app(100, 40);
    keys(&mut a, "?");
    assert_eq!(a.overlay, Overlay::Help);
    let first = screen(&a);
    assert!(first.contains("↓ more: PgDn End"), "{first}");
    // Every page of it, paged with PgDn to the end.
    let mut s = first.clone();
    let mut last = String::new();
    while last != screen(&a) {
        last = screen(&a);
        s.push_str(&last);
        keys(&mut a, "<PgDn>");
    }
    assert!(
        last.contains("↑ more: PgUp g") && last.contains("Mouse:"),
        "{last}"
    );
    // Each key on its own line, in the key column, with what it does: a one-character label
    // such as `n` or `]` is checked where it stands, not anywhere on the screen.
    for (label, does) in [
        ("q Ctrl-c", "quit"),
        ("Tab", "focus the next pane"),
        ("Shift-Tab", "focus the previous pane"),
        ("j ↓", "scroll down a line"),
        ("g Home", "top"),
        ("G End", "bottom"),
        ("PgDn Space", "page down"),
        ("PgUp b", "page up"),
        ("Ctrl-d", "half a page down"),
        ("Ctrl-u", "half a page up"),
        ("/", "search quotes"),
        ("n", "next search hit"),
        ("N", "previous search hit"),
        ("S", "transcript / summaries"),
        ("!", "what the importer warned about"),
        ("r", "rename (or merge) the speaker"),
        ("Enter", "go to the sentence's best source"),
        ("]", "selected speaker's next turn"),
        ("[", "selected speaker's previous turn"),
        ("}", "next change of speaker"),
        ("{", "previous change of speaker"),
        ("1–9", "select the n-th speaker"),
        ("Enter", "go to their next turn"),
        ("f", "only the selected speaker's turns (toggle)"),
        ("s", "statistics: so far / whole session"),
    ] {
        let row = format!("  {label:<16}{does}");
        assert!(
            s.lines().any(|l| l.contains(&row)),
            "help shows {label:?} as {does:?}:\n{s}"
        );
    }
    insta::assert_snapshot!("help_100x40", first);
    keys(&mut a, "g");
    assert_eq!(screen(&a), first, "g goes back to the top");
    keys(&mut a, "jk<Esc>");
    assert_eq!(a.overlay, Overlay::None);
    keys(&mut a, "??");
    assert_eq!(a.overlay, Overlay::None);
}

#[test]
fn quit_keys() {
    for k in ["q", "<C-c>"] {
        let mut a = app(80, 24);
        keys(&mut a, k);
        assert!(a.quit, "{k}");
    }
    let mut a = app(80, 24);
    keys(&mut a, "/q");
    assert!(!a.quit, "q is typed in the search");
    keys(&mut a, "<C-c>");
    assert!(a.quit);
}

#[test]
fn narrow_and_tiny_screens() {
    let mut a = app(100, 30);
    keys(&mut a, "/'comes 'personal<Enter>");
    resize(&mut a, 60, 20);
    assert_eq!(current_id(&a), "t18", "resizing keeps the place");
    insta::assert_snapshot!("after_search_60x20", screen(&a));
    resize(&mut a, 30, 8);
    insta::assert_snapshot!("after_search_30x8", screen(&a));
    resize(&mut a, 20, 5);
    let tiny = screen(&a);
    assert!(tiny.lines().count() == 5 && !tiny.trim().is_empty());
    insta::assert_snapshot!("after_search_20x5", tiny);
    resize(&mut a, 100, 30);
    assert_eq!(current_id(&a), "t18");
}

#[test]
fn no_size_panics_with_any_key() {
    let all_keys = "jkgG<PgDn><PgUp><C-d><C-u>]}[{123456789fs<Tab>jk<Enter><Tab>jk<S-Tab>?j<Esc>/cy<Down><Enter>nNm'jd'<S-Tab>rab<Enter>/x<Esc>";
    for width in [0u16, 1, 2, 5, 19, 20, 30, 59, 60, 99, 100, 160] {
        for height in [0u16, 1, 2, 3, 5, 8, 12, 16, 30] {
            let mut a = app(width, height);
            keys(&mut a, all_keys);
            let _ = screen(&a);
            resize(&mut a, height, width);
            let _ = screen(&a);
        }
    }
}

#[test]
fn selection_is_visible_without_colour() {
    let a = app(100, 30);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    terminal.draw(|f| draw::draw(f, &a)).expect("draw");
    let buf = terminal.backend().buffer();
    let row: String = (0..25).map(|x| buf[(x, 2)].symbol()).collect();
    assert!(row.contains("▸■ 1 Masae Toyama"), "{row}");
    assert!(buf[(3, 2)].modifier.contains(Modifier::REVERSED));
    assert!(
        buf.content()
            .iter()
            .all(|c| c.fg == ratatui::style::Color::Reset)
    );
}
