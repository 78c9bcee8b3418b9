//! The terminal browser, in the spirit of The Elm Architecture: the event loop turns terminal
//! events into [`Action`]s through the one [`keymap`]; [`App::update`] changes state and draws
//! nothing; [`draw::draw`] renders from `&App` and changes nothing.

mod action;
mod app;
pub mod bench;
mod clipboard;
mod coding;
mod config;
mod draw;
mod history;
mod key;
mod keymap;
mod layout;
mod library;
mod library_load;
mod library_words;
mod panes;
mod play;
mod player;
mod search_panel;
mod search_state;
mod session_view;
mod summaries;
mod takeout;
mod terminal;
mod theme;
mod timeline_view;
mod transcript_layout;
mod update;
mod who;
mod widgets;
mod words_view;
mod worker;
mod wrap;

#[cfg(test)]
mod tests;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

use anyhow::Context as _;
use podium::search::Hit;
use podium::session::Session;
use ratatui::crossterm::event::{self, Event, MouseButton, MouseEventKind};
use ratatui::layout::Rect;

pub use action::Action;
use app::Middle;
pub use app::{App, Overlay};
use config::Settings;
use keymap::{Context, Keymap};
use layout::Focus;
use library::Library;
pub use library_load::LibrarySource;
use session_view::SessionView;
use terminal::{Term, with_terminal};
use worker::SearchWorker;

/// What reaches the event loop: terminal input, a signal, a search worker's results, or a
/// library's sessions as they load.
pub enum Msg {
    Term(Event),
    /// A signal the signal thread caught (SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT).
    Signal(i32),
    Hits {
        /// Which worker ranked them (a library's and a session's can both be running).
        worker: u64,
        generation: u64,
        hits: Vec<Hit>,
        total: usize,
        done: bool,
    },
    Loaded(Box<Result<(podium::library::Digested, library::Row), podium::formats::ImportError>>),
    LoadDone,
    /// The library's words, counted for the request numbered `generation` over its first
    /// `sessions` sessions; `failed` of them could not be read again.
    WordsCounted {
        generation: u64,
        sessions: usize,
        words: Arc<podium::analysis::words::LibraryWords>,
        failed: usize,
    },
    /// What the recording's player did.
    Player(player::PlayerEvent),
}

/// Handles what the event loop itself does with the terminal: signals, and Ctrl-Z (a key in
/// raw mode, so it comes through the keymap). Returns the message when it is for the app, and
/// whether the screen must be drawn again.
fn terminal_message(
    term: &mut Term,
    keys: &Keymap,
    msg: Msg,
) -> anyhow::Result<(Option<Msg>, bool)> {
    match msg {
        Msg::Signal(signal) => {
            term.on_signal(signal)?;
            Ok((None, true))
        }
        Msg::Term(Event::Key(key)) if keys.action_for(&key, &[]) == Some(Action::Suspend) => {
            term.suspend()?;
            Ok((None, true))
        }
        msg => Ok((Some(msg), false)),
    }
}

/// The user's settings (config.toml), read before the screen is taken so a mistake in them
/// is a one-line error naming the file and line.
pub fn settings() -> anyhow::Result<Settings> {
    Ok(config::load()?)
}

/// Opens the browser on `session` (read from `file`, or bundled; `media` its recording, when
/// named) and returns when the reader quits.
pub fn run(session: Session, file: Option<PathBuf>, media: Option<PathBuf>) -> anyhow::Result<()> {
    let settings = settings()?;
    let (tx, rx) = mpsc::channel::<Msg>();
    with_terminal(&tx, |term| {
        let (width, height) = ratatui::crossterm::terminal::size()?;
        let area = Rect::new(0, 0, width, height);
        let mut view = SessionView::open(session, file, area, &settings, &tx)?;
        if media.is_some() {
            view.app.play.media = media;
        }
        spawn_input(tx.clone())?;
        term.draw(|f| draw::draw(f, &view.app))?;
        while !view.app.quit && term.ended_by.is_none() {
            let mut changed = false;
            for msg in next_messages(&rx)? {
                let (msg, redraw) = terminal_message(term, &settings.keymap, msg)?;
                changed |= redraw;
                if let Some(msg) = msg {
                    changed |= view.handle(msg);
                }
            }
            if changed && !view.app.quit && term.ended_by.is_none() {
                term.draw(|f| draw::draw(f, &view.app))?;
            }
        }
        Ok(())
    })
}

/// What the library view's effects reach: the search worker, and where sessions are read
/// again (to count words, to open one).
struct LibraryIo {
    worker: SearchWorker,
    source: LibrarySource,
    tx: mpsc::Sender<Msg>,
}

/// Opens the library view; sessions load in the background and show as they arrive.
pub fn run_library(source: LibrarySource) -> anyhow::Result<()> {
    let settings = settings()?;
    let (tx, rx) = mpsc::channel::<Msg>();
    with_terminal(&tx, |term| {
        let (width, height) = ratatui::crossterm::terminal::size()?;
        let area = Rect::new(0, 0, width, height);
        let mut lib = Library::new(settings.theme, area);
        lib.keymap = settings.keymap.clone();
        lib.loading = Some((0, source.files.len()));
        library_load::spawn_loader(source.clone(), tx.clone())?;
        spawn_input(tx.clone())?;
        let mut io = LibraryIo {
            worker: SearchWorker::spawn(tx.clone()).context("cannot start the search thread")?,
            source,
            tx: tx.clone(),
        };
        let mut open: Option<SessionView> = None;
        term.draw(|f| panes::library::draw(f, &lib))?;
        while !lib.quit && term.ended_by.is_none() {
            for msg in next_messages(&rx)? {
                let Some(msg) = terminal_message(term, &settings.keymap, msg)?.0 else {
                    continue;
                };
                if let Msg::Term(Event::Resize(width, height)) = msg {
                    lib.update(Action::Resize { width, height });
                }
                match msg {
                    Msg::Loaded(result) => match *result {
                        Ok((item, row)) => lib.add(item, row),
                        Err(e) => lib.fail(e.to_string()),
                    },
                    Msg::LoadDone => lib.loaded(),
                    Msg::WordsCounted {
                        generation,
                        sessions,
                        words,
                        failed,
                    } => lib.words_counted(generation, sessions, words, failed),
                    msg => match &mut open {
                        Some(view) => {
                            view.handle(msg);
                            if view.app.quit {
                                lib.quit = true;
                            }
                            if view.app.back {
                                open = None;
                            }
                        }
                        None => library_message(&mut lib, msg, &mut io)?,
                    },
                }
                if let Some(wanted) = lib.open.take() {
                    open =
                        library_load::open_session(&mut lib, wanted, &io.source, &settings, &tx)?;
                }
            }
            lib.settle();
            for effect in lib.catch_up() {
                library_effect(&mut lib, effect, &mut io)?;
            }
            if !lib.quit && term.ended_by.is_none() {
                match &open {
                    Some(view) => term.draw(|f| draw::draw(f, &view.app))?,
                    None => term.draw(|f| panes::library::draw(f, &lib))?,
                };
            }
        }
        Ok(())
    })
}

/// Applies a message to the library view, searching over every session loaded so far (the
/// library's index grows as sessions arrive, and goes to the worker with the query when it has
/// changed).
fn library_message(lib: &mut Library, msg: Msg, io: &mut LibraryIo) -> anyhow::Result<()> {
    if let Msg::Hits { worker, .. } = &msg
        && *worker != io.worker.id
    {
        return Ok(());
    }
    let Some(action) = msg_action(msg, &lib.contexts(), &lib.keymap) else {
        return Ok(());
    };
    match lib.update(action) {
        Some(effect) => library_effect(lib, effect, io),
        None => Ok(()),
    }
}

/// Carries out what the library view asked for.
fn library_effect(
    lib: &mut Library,
    effect: action::Effect,
    io: &mut LibraryIo,
) -> anyhow::Result<()> {
    match effect {
        action::Effect::Search { generation, query } => {
            io.worker.request(generation, query, &lib.index);
        }
        action::Effect::CountWords { generation } => {
            library_load::WordJob::new(lib, generation).spawn(&io.source, io.tx.clone())?;
        }
        action::Effect::SaveQuery(query) => session_view::save_query(&query),
        _ => {}
    }
    Ok(())
}

/// Waits for the next message, then takes everything already queued behind it, so a burst of
/// keys or wheel events costs one frame.
fn next_messages(rx: &Receiver<Msg>) -> anyhow::Result<Vec<Msg>> {
    let first = rx.recv().context("input stopped")?;
    Ok(std::iter::once(first)
        .chain(std::iter::from_fn(|| rx.try_recv().ok()))
        .collect())
}

/// Reads the terminal on its own thread; it blocks there, so the main loop sleeps until
/// something happens.
fn spawn_input(tx: mpsc::Sender<Msg>) -> anyhow::Result<()> {
    std::thread::Builder::new()
        .name("podium-input".into())
        .spawn(move || {
            while let Ok(ev) = event::read() {
                if tx.send(Msg::Term(ev)).is_err() {
                    break;
                }
            }
        })
        .context("cannot start the input thread")?;
    Ok(())
}

/// Terminal events and worker results as actions, keys through the keymap.
pub fn to_action(app: &App, msg: Msg) -> Option<Action> {
    msg_action(msg, &contexts(app), &app.keymap)
}

fn msg_action(msg: Msg, contexts: &[Context], keys: &Keymap) -> Option<Action> {
    match msg {
        Msg::Hits {
            generation,
            hits,
            total,
            done,
            ..
        } => Some(Action::SearchResults {
            generation,
            hits,
            total,
            done,
        }),
        Msg::Term(Event::Key(key)) => keys.action_for(&key, contexts).or_else(|| {
            // A session's key in the library lists: it works once a session is open.
            if contexts == [Context::Library] {
                let b = keys.bindings.iter().find(|b| {
                    b.context == Context::Global && b.keys.iter().any(|k| k.matches(&key))
                })?;
                return Some(Action::Notify(format!(
                    "{} ({}) works in a session (Enter opens one)",
                    keys.key_for(b.context, b.name).unwrap_or_default(),
                    b.help
                )));
            }
            // A key of another pane: say where it works.
            let b = keys.elsewhere(&key, contexts)?;
            let focus = keys
                .key_for(Context::Global, "focus-next")
                .unwrap_or_default();
            let wanted = match b.context {
                Context::Summaries => "in the summaries (S shows them)".to_string(),
                Context::Words => "in the words view (W shows it)".to_string(),
                Context::Timeline => "in the timeline (T shows it)".to_string(),
                _ => format!("in the {} ({focus} moves there)", b.context.title()),
            };
            Some(Action::Notify(format!(
                "{} ({}) works {wanted}",
                keys.key_for(b.context, b.name).unwrap_or_default(),
                b.help
            )))
        }),
        Msg::Term(Event::Resize(width, height)) => Some(Action::Resize { width, height }),
        Msg::Term(Event::Mouse(m)) => match m.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Wheel {
                column: m.column,
                row: m.row,
                down: m.kind == MouseEventKind::ScrollDown,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            _ => None,
        },
        Msg::Player(event) => Some(Action::Player(event)),
        Msg::Term(_)
        | Msg::Signal(_)
        | Msg::Loaded(_)
        | Msg::LoadDone
        | Msg::WordsCounted { .. } => None,
    }
}

/// Keymap contexts to try, most specific first.
pub(crate) fn contexts(app: &App) -> Vec<Context> {
    match app.overlay {
        Overlay::Help => vec![Context::Help],
        Overlay::Marks => vec![Context::Marks],
        Overlay::Codes => vec![Context::Codes],
        Overlay::Warnings => vec![Context::Warnings],
        _ if app.prompt.is_some() => vec![Context::Prompt],
        _ if app.code_prompt.is_some() => vec![Context::CodePrompt],
        Overlay::Search => vec![Context::Search],
        Overlay::None => {
            let pane = match app.focus {
                Focus::Transcript if app.middle == Middle::Summaries => Context::Summaries,
                Focus::Transcript if app.middle == Middle::Words => Context::Words,
                Focus::Transcript if app.middle == Middle::Timeline => Context::Timeline,
                Focus::Transcript => Context::Transcript,
                Focus::Speakers => Context::Speakers,
                Focus::Stats => Context::Stats,
            };
            vec![pane, Context::Global]
        }
    }
}
