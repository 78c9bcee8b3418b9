//! One key as the keymap, the help, the footer and the user's config.toml write it: `q`,
//! `Ctrl-c`, `Alt-x`, `PgDn`, `↓`, `Space`, `F5`. The written form reads back as the same key
//! ([`Key::parse`] of [`Key::label`]), and a config file may also use the common spellings
//! (`C-c`, `ctrl+c`, `Down`, `PageDown`, `Escape`).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

pub const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}

pub const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

pub const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

/// Names of keys that are not characters, as written and as also accepted.
const NAMED: &[(KeyCode, &str, &[&str])] = &[
    (KeyCode::Down, "↓", &["down"]),
    (KeyCode::Up, "↑", &["up"]),
    (KeyCode::Left, "←", &["left"]),
    (KeyCode::Right, "→", &["right"]),
    (KeyCode::PageDown, "PgDn", &["pagedown", "pgdown"]),
    (KeyCode::PageUp, "PgUp", &["pageup"]),
    (KeyCode::Home, "Home", &[]),
    (KeyCode::End, "End", &[]),
    (KeyCode::Enter, "Enter", &["return", "cr"]),
    (KeyCode::Esc, "Esc", &["escape"]),
    (KeyCode::Tab, "Tab", &[]),
    (KeyCode::BackTab, "Shift-Tab", &["backtab", "s-tab"]),
    (KeyCode::Backspace, "Backspace", &["bs"]),
    (KeyCode::Delete, "Delete", &["del"]),
    (KeyCode::Insert, "Insert", &["ins"]),
    (KeyCode::Char(' '), "Space", &[]),
];

/// Why a key's text could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0:?} is not a key; expected a character (`x`, `G`, `?`), Ctrl-x, Alt-x, F1–F12 or one of Enter, Esc, Tab, Shift-Tab, Backspace, Space, Up, Down, Left, Right, PgUp, PgDn, Home, End, Delete, Insert"
)]
pub struct KeyError(pub String);

impl Key {
    /// How the help and the footer write the key.
    pub fn label(self) -> String {
        let base = match self.code {
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Char(c) if c != ' ' => c.to_string(),
            code => NAMED
                .iter()
                .find(|(c, _, _)| *c == code)
                .map_or_else(|| format!("{code:?}"), |(_, name, _)| (*name).to_string()),
        };
        let mut out = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            out.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            out.push_str("Alt-");
        }
        out + &base
    }

    /// Reads a key as [`Key::label`] writes it, or a common spelling of it.
    pub fn parse(text: &str) -> Result<Key, KeyError> {
        let bad = || KeyError(text.to_string());
        let mut mods = KeyModifiers::NONE;
        let mut rest = text.trim();
        if rest.is_empty() {
            return Err(bad());
        }
        // Modifiers: `Ctrl-`, `C-`, `ctrl+`, `Alt-`, `M-`, `A-` (but `-` and `+` are keys too).
        while let Some((head, tail)) = rest
            .split_once(['-', '+'])
            .filter(|(h, t)| !h.is_empty() && !t.is_empty())
        {
            match head.to_lowercase().as_str() {
                "ctrl" | "c" | "control" => mods |= KeyModifiers::CONTROL,
                "alt" | "m" | "a" | "meta" => mods |= KeyModifiers::ALT,
                "shift" | "s" if tail.eq_ignore_ascii_case("tab") => {
                    return Ok(code(KeyCode::BackTab));
                }
                _ => break,
            }
            rest = tail;
        }
        let mut chars = rest.chars();
        let named = NAMED.iter().find(|(_, name, _)| *name == rest);
        let key_code = match (chars.next(), chars.next()) {
            _ if named.is_some() => named.map_or(KeyCode::Null, |(c, _, _)| *c),
            (Some(c), None) => KeyCode::Char(if mods.is_empty() {
                c
            } else {
                c.to_ascii_lowercase()
            }),
            _ => {
                let lower = rest.to_lowercase();
                if let Some(n) = lower
                    .strip_prefix('f')
                    .and_then(|n| n.parse::<u8>().ok())
                    .filter(|n| (1..=12).contains(n))
                {
                    KeyCode::F(n)
                } else {
                    NAMED
                        .iter()
                        .find(|(_, name, also)| {
                            name.to_lowercase() == lower || also.contains(&lower.as_str())
                        })
                        .map(|(c, _, _)| *c)
                        .ok_or_else(bad)?
                }
            }
        };
        Ok(Key {
            code: key_code,
            mods,
        })
    }

    pub fn matches(self, event: &KeyEvent) -> bool {
        if self.code != event.code {
            return false;
        }
        // Shift is part of the character itself ('G', '?', '}'), so only Ctrl and Alt count.
        let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT;
        event.modifiers & relevant == self.mods & relevant
    }

    /// A key that types a character (no Ctrl or Alt): it cannot act in a text field.
    pub fn types(self) -> bool {
        matches!(self.code, KeyCode::Char(_))
            && !self
                .mods
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_read_back_as_the_same_key() {
        let keys = [
            k('q'),
            k('G'),
            k('?'),
            k('-'),
            k('+'),
            k(' '),
            ctrl('c'),
            ctrl('d'),
            Key {
                code: KeyCode::Char('x'),
                mods: KeyModifiers::ALT,
            },
            code(KeyCode::F(5)),
        ];
        let named = NAMED.iter().map(|(c, _, _)| code(*c));
        for key in keys.into_iter().chain(named) {
            assert_eq!(Key::parse(&key.label()), Ok(key), "{}", key.label());
        }
    }

    #[test]
    fn common_spellings_are_read() {
        assert_eq!(Key::parse("C-c"), Ok(ctrl('c')));
        assert_eq!(Key::parse("ctrl+C"), Ok(ctrl('c')));
        assert_eq!(Key::parse("Down"), Ok(code(KeyCode::Down)));
        assert_eq!(Key::parse("PageDown"), Ok(code(KeyCode::PageDown)));
        assert_eq!(Key::parse("escape"), Ok(code(KeyCode::Esc)));
        assert_eq!(Key::parse("S-Tab"), Ok(code(KeyCode::BackTab)));
        assert!(Key::parse("Hyper-x").is_err());
        assert!(Key::parse("").is_err());
        assert!(Key::parse("F13").is_err());
        assert!(k('x').types() && !ctrl('x').types() && !code(KeyCode::Enter).types());
    }
}
