//! Colours and text styles. With `NO_COLOR` set every style drops its colours and keeps its
//! modifiers, so the selection, focus and matches stay visible through bold, reverse and
//! underline alone. The colours are data: a user's config.toml `[theme]` replaces those it
//! names ([`Theme::set`]).

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

/// Most speaker colours a theme holds.
pub const MAX_SPEAKERS: usize = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub colour: bool,
    speakers: [Color; MAX_SPEAKERS],
    speaker_count: usize,
    dim: Color,
    border: Color,
    focus: Color,
    matched: Color,
    message: Color,
    key: Color,
    selected_bg: Color,
}

/// The names `[theme]` takes besides `speakers`.
pub const NAMES: &[&str] = &[
    "dim", "border", "focus", "matched", "message", "key", "selected",
];

impl Theme {
    /// The default colours, or none at all.
    pub fn new(colour: bool) -> Self {
        let mut speakers = [Color::Reset; MAX_SPEAKERS];
        speakers[..PALETTE.len()].copy_from_slice(&PALETTE);
        Theme {
            colour,
            speakers,
            speaker_count: PALETTE.len(),
            dim: Color::DarkGray,
            border: Color::Gray,
            focus: Color::LightCyan,
            matched: Color::LightRed,
            message: Color::Yellow,
            key: Color::LightCyan,
            selected_bg: Color::DarkGray,
        }
    }

    /// Colour unless `NO_COLOR` is set to anything non-empty (no-color.org).
    pub fn from_env() -> Self {
        Theme::new(std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()))
    }

    /// Sets the colour `name` (one of [`NAMES`]); false when there is no such name.
    pub fn set(&mut self, name: &str, colour: Color) -> bool {
        let slot = match name {
            "dim" => &mut self.dim,
            "border" => &mut self.border,
            "focus" => &mut self.focus,
            "matched" => &mut self.matched,
            "message" => &mut self.message,
            "key" => &mut self.key,
            "selected" => &mut self.selected_bg,
            _ => return false,
        };
        *slot = colour;
        true
    }

    /// The speakers' colours, in turn (at most [`MAX_SPEAKERS`], at least one).
    pub fn set_speakers(&mut self, colours: &[Color]) {
        let n = colours.len().min(MAX_SPEAKERS);
        if n > 0 {
            self.speakers[..n].copy_from_slice(&colours[..n]);
            self.speaker_count = n;
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
        let colour = self.speakers[index % self.speaker_count.max(1)];
        self.paint(Style::new().fg(colour))
    }

    pub fn title(self) -> Style {
        self.paint(Style::new().add_modifier(Modifier::BOLD))
    }

    pub fn dim(self) -> Style {
        self.paint(Style::new().fg(self.dim))
    }

    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.paint(Style::new().fg(self.focus).add_modifier(Modifier::BOLD))
        } else {
            self.paint(Style::new().fg(self.border))
        }
    }

    /// The selected row of a list: reversed, so it shows without colour.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The selected hit of a search panel: bold, on the selection colour.
    pub fn selected_hit(self) -> Style {
        self.paint(
            Style::new()
                .bg(self.selected_bg)
                .add_modifier(Modifier::BOLD),
        )
    }

    /// The sentence a search jumped to.
    pub fn found_sentence(self) -> Style {
        self.paint(Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD))
    }

    /// Letters a query matched.
    pub fn matched(self) -> Style {
        if self.colour {
            Style::new()
                .fg(self.matched)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    pub fn message(self) -> Style {
        self.paint(Style::new().fg(self.message).add_modifier(Modifier::BOLD))
    }

    pub fn key(self) -> Style {
        self.paint(Style::new().fg(self.key).add_modifier(Modifier::BOLD))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_set_colours_and_speakers_cycle() {
        let mut t = Theme::new(true);
        assert!(t.set("dim", Color::Blue) && !t.set("nope", Color::Blue));
        assert_eq!(t.dim().fg, Some(Color::Blue));
        t.set_speakers(&[Color::Red, Color::Green]);
        assert_eq!(t.speaker(0).fg, Some(Color::Red));
        assert_eq!(t.speaker(3).fg, Some(Color::Green));
        assert_eq!(Theme::new(false).speaker(0).fg, None);
    }
}
