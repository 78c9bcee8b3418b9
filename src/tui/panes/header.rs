//! The top line: title, event, date and time.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::app::App;

pub fn draw(frame: &mut Frame<'_>, app: &App, rect: Rect) {
    let m = &app.session.meta;
    let mut spans = vec![Span::styled(
        format!(" {}", super::clean(&m.title)),
        app.theme.title(),
    )];
    let mut rest: Vec<String> = Vec::new();
    rest.extend(m.event.clone());
    if let Some(date) = &m.date {
        let mut when = date.clone();
        if let (Some(a), Some(b)) = (&m.start_time, &m.end_time) {
            when.push_str(&format!(" {a}–{b}"));
        }
        if let Some(z) = &m.time_zone {
            when.push_str(&format!(" {z}"));
        }
        rest.push(when);
    }
    for part in rest {
        spans.push(Span::styled(" · ", app.theme.dim()));
        spans.push(Span::raw(super::clean(&part).into_owned()));
    }
    frame.render_widget(Line::from(spans), rect);
}
