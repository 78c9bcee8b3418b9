//! Renders the whole screen from `&App`. Changes nothing.

use ratatui::Frame;

use super::app::{App, Middle, Overlay};
use super::panes;
use super::widgets::help::Help;

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
        match app.middle {
            Middle::Transcript => panes::transcript::draw(frame, app, r),
            Middle::Summaries => panes::summaries::draw(frame, app, r),
            Middle::Words => panes::words::draw(frame, app, r),
            Middle::Timeline => panes::timeline::draw(frame, app, r),
        }
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
        Overlay::Help => Help::session(app).draw(frame, frame.area()),
        Overlay::Marks => panes::marks::draw(frame, app, frame.area()),
        Overlay::Codes => panes::codes::draw(frame, app, frame.area()),
        Overlay::Warnings => panes::warnings::draw(frame, app, frame.area()),
        Overlay::None | Overlay::Search => {}
    }
}
