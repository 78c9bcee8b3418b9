//! The `?` overlay: every key of the keymap, grouped by where it applies. It reads the same
//! table that handles the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::frame_block;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{self, BINDINGS, Context};
use crate::tui::layout;

/// The session's keys; the library has its own help.
const ORDER: [Context; 8] = [
    Context::Global,
    Context::Transcript,
    Context::Speakers,
    Context::Stats,
    Context::Search,
    Context::Marks,
    Context::Prompt,
    Context::Help,
];

pub fn lines(app: &App) -> Vec<Line<'static>> {
    let t = app.theme;
    let mut out = Vec::new();
    for context in ORDER {
        out.push(Line::styled(context.title(), t.title()));
        for b in BINDINGS.iter().filter(|b| b.context == context) {
            if b.help.is_empty() {
                continue;
            }
            let keys = match b.action {
                Action::SelectSpeaker(_) => "1–9".to_string(),
                _ => keymap::keys_label(b),
            };
            let help = if matches!(b.action, Action::SelectSpeaker(_)) {
                "select the n-th speaker"
            } else {
                b.help
            };
            out.push(Line::from(vec![
                Span::styled(format!("  {keys:<16}"), t.key()),
                Span::raw(help),
            ]));
        }
        out.push(Line::from(""));
    }
    out.push(Line::styled(
        "Mouse: the wheel scrolls the pane under the pointer;",
        t.dim(),
    ));
    out.push(Line::styled(
        "a click selects a speaker, a turn or a hit.",
        t.dim(),
    ));
    out
}

pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let lines = lines(app);
    let width = 64.min(area.width);
    let height = (lines.len() as u16 + 2).min(area.height);
    let rect = super::popup(frame, area, width, height);
    frame.render_widget(
        frame_block(rect, " Keys (Esc closes) ", true, app.theme),
        rect,
    );
    let inner = layout::inner(rect);
    let max = lines.len().saturating_sub(usize::from(inner.height));
    let scroll = app.help_scroll.min(max);
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(scroll).collect::<Vec<_>>()),
        inner,
    );
}
