//! The bottom line: the most useful keys for the focused pane, a message, and the filter state.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::tui::app::{App, Overlay};
use crate::tui::keymap::Context;
use crate::tui::widgets::fit_line;

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
        let context = crate::tui::contexts(app)[0];
        let mut hints: Vec<(String, &str)> = app.keymap.hints(context).collect();
        if app.overlay == Overlay::None && app.prompt.is_none() {
            if app.from_library
                && let Some(key) = app.keymap.key_for(Context::Global, "back")
            {
                hints.insert(0, (key, "back to the library"));
            }
            hints.extend(app.keymap.hints(Context::Global));
        }
        for (key, help) in hints {
            spans.push(Span::styled(format!(" {key}"), t.key()));
            spans.push(Span::raw(format!(" {help} ")));
        }
    }
    let right_w = right
        .as_ref()
        .map_or(0, |r| r.width() as u16)
        .min(rect.width);
    frame.render_widget(fit_line(Line::from(spans), rect.width - right_w), rect);
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
