//! Renders the whole screen from `&App`. Changes nothing.

use ratatui::Frame;

use super::app::{App, Overlay};
use super::panes;
use super::widgets::help::{self, Help};

pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let s = app.screen();
    if let Some(r) = s.header {
        panes::header::draw(frame, app, r);
    }
    if let Some(r) = s.speakers {
        panes::speakers::draw(frame, app, r);
    }
    if let Some(r) = s.speaker_bar {
        panes::speakers::draw_bar(frame, app, r);
    }
    if let Some(r) = s.transcript {
        panes::transcript::draw(frame, app, r);
    }
    if let Some(r) = s.stats {
        panes::stats::draw(frame, app, r);
    }
    if let Some(r) = s.search {
        panes::search::draw(frame, app, r);
    }
    if let Some(r) = s.footer {
        panes::footer::draw(frame, app, r);
    }
    match app.overlay {
        Overlay::Help => Help {
            title: " Keys (Esc closes) ",
            contexts: help::SESSION,
            scroll: app.help_scroll,
            theme: app.theme,
            mouse: true,
        }
        .draw(frame, frame.area()),
        Overlay::Marks => panes::marks::draw(frame, app, frame.area()),
        Overlay::None | Overlay::Search => {}
    }
}
