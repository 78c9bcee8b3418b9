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
    for part in m.event.iter().cloned().chain(m.when()) {
        spans.push(Span::styled(" · ", app.theme.dim()));
        spans.push(Span::raw(super::clean(&part).into_owned()));
    }
    frame.render_widget(Line::from(spans), rect);
}
