//! The terminal browser, in the spirit of The Elm Architecture: the event loop turns terminal
//! events into [`Action`]s through the one [`keymap`]; [`App::update`] changes state and draws
//! nothing; [`draw::draw`] renders from `&App` and changes nothing.

mod action;
mod app;
mod draw;
mod keymap;
mod layout;
mod panes;
mod theme;
mod transcript_layout;
mod worker;
mod wrap;

#[cfg(test)]
mod tests;

use std::io::{IsTerminal, stdout};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

use anyhow::{Context as _, bail};
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
use theme::Theme;
use worker::SearchWorker;

/// What reaches the event loop: terminal input, or a search worker's results.
pub enum Msg {
    Term(Event),
    Hits { generation: u64, hits: Vec<Hit> },
}

/// Opens the browser on `session` and returns when the reader quits. The terminal is restored
/// on quit, on error and on panic (ratatui's hook, plus ours for the mouse).
pub fn run(session: Session) -> anyhow::Result<()> {
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
        .and_then(|()| event_loop(&mut terminal, session));
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut DefaultTerminal, session: Session) -> anyhow::Result<()> {
    let size = terminal.size()?;
    let index = Arc::new(QuoteIndex::new(&session));
    let mut app = App::new(
        session,
        Theme::from_env(),
        Rect::new(0, 0, size.width, size.height),
    );
    let (tx, rx) = mpsc::channel::<Msg>();
    let worker =
        SearchWorker::spawn(index, tx.clone()).context("cannot start the search thread")?;
    std::thread::Builder::new()
        .name("podium-input".into())
        .spawn(move || {
            // Blocks on the terminal, so the main loop sleeps until something happens.
            while let Ok(ev) = event::read() {
                if tx.send(Msg::Term(ev)).is_err() {
                    break;
                }
            }
        })
        .context("cannot start the input thread")?;
    terminal.draw(|f| draw::draw(f, &app))?;
    while !app.quit {
        let changed = handle(&mut app, &worker, &rx)?;
        if changed && !app.quit {
            terminal.draw(|f| draw::draw(f, &app))?;
        }
    }
    Ok(())
}

/// Waits for the next message, then applies it and everything already queued behind it, so a
/// burst of keys or wheel events costs one frame. Returns whether anything changed.
fn handle(app: &mut App, worker: &SearchWorker, rx: &Receiver<Msg>) -> anyhow::Result<bool> {
    let first = rx.recv().context("input stopped")?;
    let mut changed = false;
    for msg in std::iter::once(first).chain(std::iter::from_fn(|| rx.try_recv().ok())) {
        if let Some(action) = to_action(app, msg) {
            changed = true;
            if let Some(action::Effect::Search { generation, query }) = app.update(action) {
                worker.request(generation, query);
            }
        }
        if app.quit {
            break;
        }
    }
    Ok(changed)
}

/// Terminal events and worker results as actions, keys through the keymap.
pub fn to_action(app: &App, msg: Msg) -> Option<Action> {
    match msg {
        Msg::Hits { generation, hits } => Some(Action::SearchResults { generation, hits }),
        Msg::Term(Event::Key(key)) => keymap::action_for(&key, &contexts(app)),
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
        Msg::Term(_) => None,
    }
}

/// Keymap contexts to try, most specific first.
fn contexts(app: &App) -> Vec<Context> {
    match app.overlay {
        Overlay::Help => vec![Context::Help],
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
