//! The `?` overlay: every key of the keymap for the contexts given, grouped by where it
//! applies, with the name config.toml uses for it. It reads the same table that handles the
//! keys (with the user's keys in it); the session and the library show it with their own
//! contexts. It scrolls, and says when there is more.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::scrolled::Scrolled;
use crate::tui::action::Action;
use crate::tui::keymap::{self, Context, Keymap};
use crate::tui::theme::Theme;

/// The overlay's width at most.
pub const WIDTH: u16 = 86;

/// The keys a session's help lists.
pub const SESSION: &[Context] = &[
    Context::Global,
    Context::Transcript,
    Context::Summaries,
    Context::Words,
    Context::Timeline,
    Context::Speakers,
    Context::Stats,
    Context::Search,
    Context::Marks,
    Context::Codes,
    Context::Warnings,
    Context::Prompt,
    Context::CodePrompt,
    Context::Help,
    Context::Anywhere,
];

/// The keys a library's help lists.
pub const LIBRARY: &[Context] = &[
    Context::Library,
    Context::Search,
    Context::Warnings,
    Context::Help,
    Context::Anywhere,
];

pub struct Help<'a> {
    pub title: &'a str,
    pub contexts: &'a [Context],
    pub keymap: &'a Keymap,
    pub scroll: usize,
    pub theme: Theme,
    /// Whether the screen takes the mouse, and so whether to say what it does.
    pub mouse: bool,
}

impl<'a> Help<'a> {
    /// A session's help.
    pub fn session(app: &'a crate::tui::app::App) -> Help<'a> {
        Help {
            title: " Keys (Esc closes; names for config.toml in brackets) ",
            contexts: SESSION,
            keymap: &app.keymap,
            scroll: app.help_scroll,
            theme: app.theme,
            mouse: true,
        }
    }

    pub fn lines(&self) -> Vec<Line<'static>> {
        let t = self.theme;
        let mut out = Vec::new();
        for &context in self.contexts {
            out.push(Line::styled(context.title(), t.title()));
            let bindings: Vec<&keymap::Binding> = self
                .keymap
                .bindings
                .iter()
                .filter(|b| b.context == context)
                .collect();
            // Speakers 1–9 on one line while they keep their digits.
            let digits = bindings
                .iter()
                .filter(|b| matches!(b.action, Action::SelectSpeaker(_)))
                .all(|b| {
                    let Action::SelectSpeaker(i) = b.action else {
                        return false;
                    };
                    keymap::keys_label(b) == (i + 1).to_string()
                });
            for b in bindings {
                let (keys, help, name) = match b.action {
                    Action::SelectSpeaker(0) if digits => (
                        "1–9".to_string(),
                        "select the n-th speaker",
                        "speaker-1 … speaker-9".to_string(),
                    ),
                    Action::SelectSpeaker(_) if digits => continue,
                    _ => (keymap::keys_label(b), b.help, b.name.to_string()),
                };
                out.push(Line::from(vec![
                    Span::styled(format!("  {keys:<16}"), t.key()),
                    Span::raw(help),
                    Span::styled(format!("  [{name}]"), t.dim()),
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
                "a click selects a speaker, a turn, a summary sentence or a hit.",
                t.dim(),
            ));
        }
        out
    }

    /// Draws the overlay centred in `area`, scrolled (never past its end).
    pub fn draw(&self, frame: &mut Frame<'_>, area: Rect) {
        Scrolled {
            title: self.title,
            lines: self.lines(),
            scroll: self.scroll,
            width: WIDTH,
            theme: self.theme,
        }
        .draw(frame, area);
    }
}
