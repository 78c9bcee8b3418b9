//! The bottom line: the most useful keys for the focused pane, a message, and the filter state.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::tui::app::{App, Overlay};
use crate::tui::keymap::{self, Context};
use crate::tui::layout::Focus;

pub fn draw(frame: &mut Frame<'_>, app: &App, rect: Rect) {
    let t = app.theme;
    let right = app
        .filter
        .map(|s| format!(" filter: {} (f) ", app.session.speakers[s].name));
    let mut spans: Vec<Span<'_>> = Vec::new();
    if let Some(p) = &app.prompt {
        spans.push(Span::styled(format!(" Rename {} to: ", p.speaker), t.key()));
        spans.push(Span::raw(p.input.clone()));
        spans.push(Span::styled("▏ (Enter: rename, Esc: cancel)", t.dim()));
    } else if let Some(msg) = &app.message {
        spans.push(Span::styled(format!(" {msg}"), t.message()));
    } else {
        let context = match (app.overlay, app.focus) {
            (Overlay::Help, _) => Context::Help,
            (Overlay::Marks, _) => Context::Marks,
            (Overlay::Search, _) => Context::Search,
            (_, Focus::Transcript) => Context::Transcript,
            (_, Focus::Speakers) => Context::Speakers,
            (_, Focus::Stats) => Context::Stats,
        };
        let mut hints: Vec<(String, &str)> = keymap::hints(context).collect();
        if app.overlay == Overlay::None {
            if app.from_library {
                hints.insert(0, ("Esc".to_string(), "back to the library"));
            }
            hints.extend(keymap::hints(Context::Global));
        }
        for (key, help) in hints {
            spans.push(Span::styled(format!(" {key}"), t.key()));
            spans.push(Span::raw(format!(" {help} ")));
        }
    }
    frame.render_widget(Line::from(spans), rect);
    if let Some(right) = right {
        let w = (right.width() as u16).min(rect.width);
        let r = Rect {
            x: rect.x + rect.width - w,
            width: w,
            ..rect
        };
        frame.render_widget(Line::from(Span::styled(right, t.selected())), r);
    }
}
