//! The terminal browser, in the spirit of The Elm Architecture: the event loop turns terminal
//! events into [`Action`]s through the one [`keymap`]; [`App::update`] changes state and draws
//! nothing; [`draw::draw`] renders from `&App` and changes nothing.

mod action;
mod app;
pub mod bench;
mod clipboard;
mod draw;
mod keymap;
mod layout;
mod library;
mod panes;
mod search_state;
mod takeout;
mod theme;
mod transcript_layout;
mod worker;
mod wrap;

#[cfg(test)]
mod tests;

use std::io::{IsTerminal, stdout};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

use anyhow::{Context as _, bail};
use podium::cache::Cache;
use podium::formats::Format;
use podium::search::{Hit, QuoteIndex};
use podium::session::Session;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;

pub use action::Action;
pub use app::{App, Overlay};
use keymap::Context;
use layout::Focus;
use library::Library;
use theme::Theme;
use worker::SearchWorker;

/// What reaches the event loop: terminal input, a search worker's results, or a library's
/// sessions as they load.
pub enum Msg {
    Term(Event),
    Hits {
        /// Which worker ranked them (a library's and a session's can both be running).
        worker: u64,
        generation: u64,
        hits: Vec<Hit>,
        total: usize,
        done: bool,
    },
    Loaded(Box<Result<(podium::library::Item, library::Row), podium::formats::ImportError>>),
    LoadDone,
}

/// Sets the terminal up, runs `body`, and restores the terminal whatever happens: on quit, on
/// error and on panic (ratatui's hook, plus ours for the mouse).
fn with_terminal(
    body: impl FnOnce(&mut DefaultTerminal) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    if !stdout().is_terminal() {
        bail!("the browser needs a terminal; for scripts use `podium stats` or `podium search`");
    }
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        hook(info);
    }));
    let mut terminal = ratatui::try_init().context("cannot set up the terminal")?;
    let result = execute!(stdout(), EnableMouseCapture)
        .context("cannot enable the mouse")
        .and_then(|()| body(&mut terminal));
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

/// Opens the browser on `session` (read from `file`, or bundled) and returns when the reader
/// quits.
pub fn run(session: Session, file: Option<PathBuf>) -> anyhow::Result<()> {
    with_terminal(|terminal| {
        let size = terminal.size()?;
        let (tx, rx) = mpsc::channel::<Msg>();
        let mut view =
            SessionView::open(session, file, Rect::new(0, 0, size.width, size.height), &tx)?;
        spawn_input(tx)?;
        terminal.draw(|f| draw::draw(f, &view.app))?;
        while !view.app.quit {
            let mut changed = false;
            for msg in next_messages(&rx)? {
                changed |= view.handle(msg);
            }
            if changed && !view.app.quit {
                terminal.draw(|f| draw::draw(f, &view.app))?;
            }
        }
        Ok(())
    })
}

/// Where a library's sessions come from.
pub struct LibrarySource {
    pub files: Vec<PathBuf>,
    pub format: Option<Format>,
    pub cache: Option<Cache>,
}

/// Opens the library view; sessions load in the background and show as they arrive.
pub fn run_library(source: LibrarySource) -> anyhow::Result<()> {
    with_terminal(|terminal| {
        let size = terminal.size()?;
        let area = Rect::new(0, 0, size.width, size.height);
        let (tx, rx) = mpsc::channel::<Msg>();
        let mut lib = Library::new(Theme::from_env(), area);
        lib.loading = Some((0, source.files.len()));
        spawn_loader(source, tx.clone())?;
        spawn_input(tx.clone())?;
        let mut index: Option<(SearchWorker, usize)> = None;
        let mut open: Option<SessionView> = None;
        terminal.draw(|f| panes::library::draw(f, &lib))?;
        while !lib.quit {
            for msg in next_messages(&rx)? {
                if let Msg::Term(Event::Resize(width, height)) = msg {
                    lib.update(Action::Resize { width, height });
                }
                match msg {
                    Msg::Loaded(result) => match *result {
                        Ok((item, row)) => lib.add(item, row),
                        Err(e) => lib.fail(e.to_string()),
                    },
                    Msg::LoadDone => lib.loaded(),
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
                        None => library_message(&mut lib, msg, &mut index, &tx)?,
                    },
                }
                if let Some(library::Open::Session {
                    session,
                    turn,
                    quote,
                }) = lib.open.take()
                {
                    let s = (*lib.items[session].session).clone();
                    let file = Some(lib.items[session].path.clone());
                    let mut view = SessionView::open(s, file, lib.area, &tx)?;
                    view.app.from_library = true;
                    if let Some(turn) = turn {
                        view.app.show_turn(turn);
                    }
                    if let Some((quote, matched)) = quote {
                        view.app.show_quote(quote, matched);
                    }
                    open = Some(view);
                }
            }
            lib.settle();
            if !lib.quit {
                match &open {
                    Some(view) => terminal.draw(|f| draw::draw(f, &view.app))?,
                    None => terminal.draw(|f| panes::library::draw(f, &lib))?,
                };
            }
        }
        Ok(())
    })
}

/// Applies a message to the library view, searching through a worker over every session
/// loaded so far (rebuilt when more have loaded since).
fn library_message(
    lib: &mut Library,
    msg: Msg,
    index: &mut Option<(SearchWorker, usize)>,
    tx: &mpsc::Sender<Msg>,
) -> anyhow::Result<()> {
    if let Msg::Hits { worker, .. } = &msg
        && index.as_ref().is_none_or(|(w, _)| w.id != *worker)
    {
        return Ok(());
    }
    let contexts = if lib.help_open {
        vec![Context::Help]
    } else if lib.search_open {
        vec![Context::Search]
    } else {
        vec![Context::Library]
    };
    let Some(action) = msg_action(msg, &contexts) else {
        return Ok(());
    };
    if let Some(action::Effect::Search { generation, query }) = lib.update(action) {
        let loaded = lib.items.len();
        if index.as_ref().is_none_or(|(_, n)| *n != loaded) {
            let quotes = QuoteIndex::from_sessions(lib.items.iter().map(|i| i.session.as_ref()));
            let worker = SearchWorker::spawn(Arc::new(quotes), tx.clone())
                .context("cannot start the search thread")?;
            *index = Some((worker, loaded));
        }
        if let Some((worker, _)) = index {
            worker.request(generation, query);
        }
    }
    Ok(())
}

/// One open session: its state, the worker that searches it, and where its marks and
/// renames are kept.
struct SessionView {
    app: App,
    worker: SearchWorker,
    /// The session's file (`None` for the bundled session).
    file: Option<PathBuf>,
    /// Where the marks are kept, and the marks as last read or written there: a save keeps
    /// the change from these, merged with what another browser kept meanwhile.
    marks: Option<(podium::marks::MarkStore, Vec<podium::marks::Mark>)>,
}

impl SessionView {
    fn open(
        session: Session,
        file: Option<PathBuf>,
        area: Rect,
        tx: &mpsc::Sender<Msg>,
    ) -> anyhow::Result<Self> {
        let index = Arc::new(QuoteIndex::new(&session));
        let mut app = App::new(session, Theme::from_env(), area);
        let marks = podium::marks::MarkStore::default_dir().map(|dir| {
            let store = podium::marks::MarkStore::open(&dir, file.as_deref(), &app.session);
            let (marks, warning) = store.load();
            app.marks.clone_from(&marks);
            if let Some(w) = warning {
                app.update(Action::Notify(w));
            }
            (store, marks)
        });
        let worker =
            SearchWorker::spawn(index, tx.clone()).context("cannot start the search thread")?;
        Ok(SessionView {
            app,
            worker,
            file,
            marks,
        })
    }

    /// Does what `update` asked for that leaves the process, and reports back as an action.
    fn perform(&mut self, effect: action::Effect) {
        let note = match effect {
            action::Effect::Search { generation, query } => {
                self.worker.request(generation, query);
                return;
            }
            action::Effect::Copy { text } => match clipboard::copy(&text) {
                Ok(how) => format!("Copied with citation ({how}): {}", preview(&text)),
                Err(e) => format!("Could not copy: {e}"),
            },
            action::Effect::SaveMarks(wanted) => match &mut self.marks {
                Some((store, base)) => match store.save(&self.app.session, base, &wanted) {
                    Ok(kept) => {
                        base.clone_from(&kept);
                        if kept != wanted {
                            self.app.update(Action::MarksKept(kept));
                        }
                        return;
                    }
                    Err(e) => format!("Could not keep the marks: {e}"),
                },
                None => "No data directory to keep marks in (set XDG_DATA_HOME or HOME)".into(),
            },
            action::Effect::Export { stem, text } => match export_file(&stem, &text) {
                Ok(path) => format!("Exported to {}", path.display()),
                Err(e) => format!("Could not export: {e}"),
            },
            action::Effect::SaveRename { from, to } => {
                match save_rename(self.file.as_deref(), &from, &to) {
                    Ok(path) => format!("Renamed {from} to {to}; kept in {}", path.display()),
                    Err(e) => format!("Renamed for now, but could not keep it: {e}"),
                }
            }
        };
        self.app.update(Action::Notify(note));
    }

    /// Applies one message; returns whether anything changed.
    fn handle(&mut self, msg: Msg) -> bool {
        if let Msg::Hits { worker, .. } = &msg
            && *worker != self.worker.id
        {
            return false;
        }
        let Some(action) = to_action(&self.app, msg) else {
            return false;
        };
        if let Some(effect) = self.app.update(action) {
            self.perform(effect);
        }
        true
    }
}

/// The start of a copied text, for the footer.
fn preview(text: &str) -> String {
    let short: String = text.chars().take(48).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// Writes `stem.md` in the current folder, or `stem-2.md`, … : never over an existing file.
fn export_file(stem: &str, text: &str) -> std::io::Result<PathBuf> {
    use std::io::Write as _;
    for n in 1..1000 {
        let name = if n == 1 {
            format!("{stem}.md")
        } else {
            format!("{stem}-{n}.md")
        };
        let path = PathBuf::from(name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                f.write_all(text.as_bytes())?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("too many exports with this name"))
}

/// Adds `from = to` to the podium.toml beside the session (or the bundled session's), keeping
/// earlier renames that led to `from` pointing at `to`.
fn save_rename(file: Option<&std::path::Path>, from: &str, to: &str) -> anyhow::Result<PathBuf> {
    let path = match file {
        Some(f) => podium::names::Renames::path_beside(f),
        None => podium::names::Renames::bundled_path()
            .ok_or_else(|| anyhow::anyhow!("no data directory (set XDG_DATA_HOME or HOME)"))?,
    };
    podium::names::Renames::add(&path, from, to)?;
    Ok(path)
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

/// Loads the library's files in parallel on a background thread, posting each session (or
/// failure) as it is read.
fn spawn_loader(source: LibrarySource, tx: mpsc::Sender<Msg>) -> anyhow::Result<()> {
    std::thread::Builder::new()
        .name("podium-loader".into())
        .spawn(move || {
            use rayon::prelude::*;
            source
                .files
                .par_iter()
                .for_each_with(tx.clone(), |tx, path| {
                    let result =
                        podium::library::load_one(path, source.format, source.cache.as_ref()).map(
                            |item| {
                                let row = library::Row::new(&item);
                                (item, row)
                            },
                        );
                    let _ = tx.send(Msg::Loaded(Box::new(result)));
                });
            let _ = tx.send(Msg::LoadDone);
        })
        .context("cannot start the loading thread")?;
    Ok(())
}

/// Terminal events and worker results as actions, keys through the keymap.
pub fn to_action(app: &App, msg: Msg) -> Option<Action> {
    msg_action(msg, &contexts(app))
}

fn msg_action(msg: Msg, contexts: &[Context]) -> Option<Action> {
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
        Msg::Term(Event::Key(key)) => keymap::action_for(&key, contexts),
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
        Msg::Term(_) | Msg::Loaded(_) | Msg::LoadDone => None,
    }
}

/// Keymap contexts to try, most specific first.
fn contexts(app: &App) -> Vec<Context> {
    match app.overlay {
        Overlay::Help => vec![Context::Help],
        Overlay::Marks => vec![Context::Marks],
        _ if app.prompt.is_some() => vec![Context::Prompt],
        Overlay::Search => vec![Context::Search],
        Overlay::None => {
            let pane = match app.focus {
                Focus::Transcript => Context::Transcript,
                Focus::Speakers => Context::Speakers,
                Focus::Stats => Context::Stats,
            };
            vec![pane, Context::Global]
        }
    }
}
