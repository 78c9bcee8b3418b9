//! The `!` overlay: what the importer could not place or had to guess, `line N: message`, in
//! a list that scrolls.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::clean;
use crate::tui::app::App;
use crate::tui::widgets::scrolled::{self, Scrolled};

pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let t = app.theme;
    let warnings = &app.session.warnings;
    let lines: Vec<Line<'_>> = if warnings.is_empty() {
        vec![Line::styled(
            "No warnings: the importer placed every line.",
            t.dim(),
        )]
    } else {
        warnings
            .iter()
            .map(|w| {
                let at = w
                    .line
                    .map_or_else(|| "        ".to_string(), |l| format!("line {l:<4} "));
                Line::from(vec![
                    Span::styled(at, t.key()),
                    Span::raw(clean(&w.message).into_owned()),
                ])
            })
            .collect()
    };
    let title = format!(" Warnings ({}) · Esc closes ", warnings.len());
    Scrolled {
        title: &title,
        lines,
        scroll: app.warnings_scroll,
        width: scrolled::WARNINGS_WIDTH,
        theme: t,
    }
    .draw(frame, area);
}
