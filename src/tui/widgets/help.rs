//! The `?` overlay: every key of the keymap for the contexts given, grouped by where it
//! applies. It reads the same table that handles the keys; the session and the library show it
//! with their own contexts.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::frame_block;
use crate::tui::action::Action;
use crate::tui::keymap::{self, BINDINGS, Context};
use crate::tui::layout;
use crate::tui::theme::Theme;

/// The keys a session's help lists.
pub const SESSION: &[Context] = &[
    Context::Global,
    Context::Transcript,
    Context::Speakers,
    Context::Stats,
    Context::Search,
    Context::Marks,
    Context::Prompt,
    Context::Help,
    Context::Anywhere,
];

/// The keys a library's help lists.
pub const LIBRARY: &[Context] = &[
    Context::Library,
    Context::Search,
    Context::Help,
    Context::Anywhere,
];

pub struct Help<'a> {
    pub title: &'a str,
    pub contexts: &'a [Context],
    pub scroll: usize,
    pub theme: Theme,
    /// Whether the screen takes the mouse, and so whether to say what it does.
    pub mouse: bool,
}

impl Help<'_> {
    pub fn lines(&self) -> Vec<Line<'static>> {
        let t = self.theme;
        let mut out = Vec::new();
        for &context in self.contexts {
            out.push(Line::styled(context.title(), t.title()));
            for b in BINDINGS.iter().filter(|b| b.context == context) {
                if b.help.is_empty() {
                    continue;
                }
                let (keys, help) = match b.action {
                    Action::SelectSpeaker(_) => ("1–9".to_string(), "select the n-th speaker"),
                    _ => (keymap::keys_label(b), b.help),
                };
                out.push(Line::from(vec![
                    Span::styled(format!("  {keys:<16}"), t.key()),
                    Span::raw(help),
                ]));
            }
            out.push(Line::from(""));
        }
        if self.mouse {
            out.push(Line::styled(
                "Mouse: the wheel scrolls the pane under the pointer;",
                t.dim(),
            ));
            out.push(Line::styled(
                "a click selects a speaker, a turn or a hit.",
                t.dim(),
            ));
        }
        out
    }

    /// Draws the overlay centred in `area`, scrolled (never past its end).
    pub fn draw(&self, frame: &mut Frame<'_>, area: Rect) {
        let lines = self.lines();
        let width = 64.min(area.width);
        let height = (lines.len() as u16 + 2).min(area.height);
        let rect = super::popup(frame, area, width, height);
        frame.render_widget(frame_block(rect, self.title, true, self.theme), rect);
        let inner = layout::inner(rect);
        let max = lines.len().saturating_sub(usize::from(inner.height));
        let scroll = self.scroll.min(max);
        frame.render_widget(
            Paragraph::new(lines.into_iter().skip(scroll).collect::<Vec<_>>()),
            inner,
        );
    }
}
