//! The top line: title, event, date and time, cut with `…` to fit; at the right, `⚠ 3` when
//! the importer left warnings (`!` lists them).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::widgets::fit_line;

pub fn draw(frame: &mut Frame<'_>, app: &App, rect: Rect) {
    let m = &app.session.meta;
    let t = app.theme;
    let warnings = app.session.warnings.len();
    let right = (warnings > 0).then(|| {
        let key = app
            .keymap
            .key_for(Context::Global, "warnings")
            .unwrap_or_default();
        format!(" ⚠ {warnings} ({key}) ")
    });
    let right_w = right
        .as_ref()
        .map_or(0, |r| r.width() as u16)
        .min(rect.width);
    let mut spans = vec![Span::styled(
        format!(" {}", super::clean(&m.title)),
        t.title(),
    )];
    for part in m.event.iter().cloned().chain(m.when()) {
        spans.push(Span::styled(" · ", t.dim()));
        spans.push(Span::raw(super::clean(&part).into_owned()));
    }
    let left = Rect {
        width: rect.width - right_w,
        ..rect
    };
    frame.render_widget(fit_line(Line::from(spans), left.width), left);
    if let Some(right) = right {
        let r = Rect {
            x: rect.x + rect.width - right_w,
            width: right_w,
            ..rect
        };
        frame.render_widget(Line::styled(right, t.message()), r);
    }
}
