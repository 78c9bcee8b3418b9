//! Colours and text styles. With `NO_COLOR` set every style drops its colours and keeps its
//! modifiers, so the selection, focus and matches stay visible through bold, reverse and
//! underline alone.

use ratatui::style::{Color, Modifier, Style};

/// Speaker colours, distinct on dark and light terminals; speakers past the end reuse them.
const PALETTE: [Color; 8] = [
    Color::Cyan,
    Color::Yellow,
    Color::Green,
    Color::Magenta,
    Color::LightBlue,
    Color::LightRed,
    Color::LightGreen,
    Color::LightMagenta,
];

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub colour: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to anything non-empty (no-color.org).
    pub fn from_env() -> Self {
        Theme {
            colour: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    fn paint(self, style: Style) -> Style {
        if self.colour {
            style
        } else {
            Style {
                fg: None,
                bg: None,
                ..style
            }
        }
    }

    pub fn speaker(self, index: usize) -> Style {
        self.paint(Style::new().fg(PALETTE[index % PALETTE.len()]))
    }

    pub fn title(self) -> Style {
        self.paint(Style::new().add_modifier(Modifier::BOLD))
    }

    pub fn dim(self) -> Style {
        self.paint(Style::new().fg(Color::DarkGray))
    }

    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.paint(
                Style::new()
                    .fg(Color::LightCyan)
                    .add_modifier(Modifier::BOLD),
            )
        } else {
            self.paint(Style::new().fg(Color::Gray))
        }
    }

    /// The selected row of a list: reversed, so it shows without colour.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The sentence a search jumped to.
    pub fn found_sentence(self) -> Style {
        self.paint(Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD))
    }

    /// Letters a query matched.
    pub fn matched(self) -> Style {
        if self.colour {
            Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    pub fn message(self) -> Style {
        self.paint(Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD))
    }

    pub fn key(self) -> Style {
        self.paint(
            Style::new()
                .fg(Color::LightCyan)
                .add_modifier(Modifier::BOLD),
        )
    }
}
