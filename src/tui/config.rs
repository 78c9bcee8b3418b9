//! The browser's user settings, `$XDG_CONFIG_HOME/podium/config.toml` (or
//! `~/.config/podium/config.toml`): `[keys]` gives actions other keys, by the names the help
//! shows; `[theme]` sets colours. Only what the file names changes. Anything the file gets
//! wrong is an error naming the file and line, before the screen is taken.
//!
//! ```toml
//! [keys]
//! quit = ["x", "Ctrl-c"]
//! search = "f"
//!
//! [theme]
//! speakers = ["cyan", "yellow", "#ff8800"]
//! matched = "lightred"
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ratatui::style::Color;
use serde::Deserialize;
use toml::Spanned;

use super::key::Key;
use super::keymap::Keymap;
use super::theme::{self, Theme};

/// What config.toml sets: the keys and the colours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub keymap: Keymap,
    pub theme: Theme,
}

impl Settings {
    /// The defaults, with the colours `NO_COLOR` allows.
    pub fn standard() -> Settings {
        Settings {
            keymap: Keymap::default(),
            theme: Theme::from_env(),
        }
    }
}

/// Why config.toml could not be used: the file, the line and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}: {message}", path.display())]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: usize,
    pub message: String,
}

/// Where the settings are read from.
pub fn path() -> Option<PathBuf> {
    podium::files::config_dir().map(|d| d.join("config.toml"))
}

/// The user's settings, or the defaults when there is no config.toml.
pub fn load() -> Result<Settings, ConfigError> {
    let Some(path) = path() else {
        return Ok(Settings::standard());
    };
    match podium::files::read_state(&path) {
        Ok(None) => Ok(Settings::standard()),
        Ok(Some(bytes)) => {
            let text = String::from_utf8_lossy(&bytes);
            parse(&path, &text, Theme::from_env())
        }
        Err(e) => Err(ConfigError {
            path,
            line: 0,
            message: e.to_string(),
        }),
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    #[serde(default)]
    theme: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
}

/// Reads config.toml's text (`path` only names it in errors) over the default keys and `base`.
pub fn parse(path: &Path, text: &str, base: Theme) -> Result<Settings, ConfigError> {
    let error = |at: usize, message: String| ConfigError {
        path: path.to_path_buf(),
        line: text[..at.min(text.len())].matches('\n').count() + 1,
        message,
    };
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        error(at, e.message().trim().to_string())
    })?;
    let mut keymap = Keymap::default();
    let mut entries: Vec<_> = raw.keys.iter().collect();
    entries.sort_by_key(|(name, _)| name.span().start);
    let mut given: Vec<(String, Vec<Key>)> = Vec::new();
    for (name, value) in entries {
        let at = name.span().start;
        let keys = strings(value.get_ref())
            .ok_or_else(|| {
                error(
                    at,
                    format!(
                        "{}: expected a key or a list of keys, as in {} = [\"x\", \"Ctrl-c\"]",
                        name.get_ref(),
                        name.get_ref()
                    ),
                )
            })?
            .iter()
            .map(|k| Key::parse(k).map_err(|e| error(at, format!("{}: {e}", name.get_ref()))))
            .collect::<Result<Vec<Key>, ConfigError>>()?;
        keymap
            .check_twice(name.get_ref(), &given, &keys)
            .and_then(|()| keymap.with_keys(name.get_ref(), &keys))
            .map_err(|e| error(at, e.to_string()))?;
        given.push((name.get_ref().clone(), keys));
    }
    let mut theme = base;
    for (name, value) in &raw.theme {
        let at = name.span().start;
        let colours = strings(value.get_ref())
            .unwrap_or_default()
            .iter()
            .map(|c| colour(c).map_err(|m| error(at, format!("{}: {m}", name.get_ref()))))
            .collect::<Result<Vec<Color>, ConfigError>>()?;
        let one = match colours.as_slice() {
            [c] if !value.get_ref().is_array() => Some(*c),
            _ => None,
        };
        match (name.get_ref().as_str(), one) {
            ("speakers", _) if !colours.is_empty() => theme.set_speakers(&colours),
            (other, Some(c)) if theme.set(other, c) => {}
            (other, _) => {
                return Err(error(
                    at,
                    format!(
                        "{other}: expected speakers = [colours…] or one of {} = \"colour\"",
                        theme::NAMES.join(", ")
                    ),
                ));
            }
        }
    }
    Ok(Settings { keymap, theme })
}

/// A string, or an array of strings.
fn strings(value: &toml::Value) -> Option<Vec<String>> {
    match value {
        toml::Value::String(s) => Some(vec![s.clone()]),
        toml::Value::Array(items) => items
            .iter()
            .map(|v| v.as_str().map(str::to_string))
            .collect(),
        _ => None,
    }
}

/// `red`, `lightblue`, `#ff8800` or a palette index `0`–`255`.
fn colour(text: &str) -> Result<Color, String> {
    text.trim().parse::<Color>().map_err(|_| {
        format!("{text:?} is not a colour; expected a name (red, lightblue, darkgray…), #rrggbb or 0–255")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::Context;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn read(text: &str) -> Result<Settings, ConfigError> {
        parse(
            Path::new("/home/u/.config/podium/config.toml"),
            text,
            Theme::new(true),
        )
    }

    #[test]
    fn keys_and_colours_change_only_what_is_named() {
        let s = read("[keys]\nquit = [\"x\"]\nsearch = \"F2\"\n\n[theme]\nspeakers = [\"red\", \"#00ff00\"]\ndim = \"blue\"\n")
            .expect("reads");
        let x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(
            s.keymap
                .action_for(&x, &[Context::Transcript, Context::Global]),
            Some(crate::tui::action::Action::Quit)
        );
        assert_eq!(
            s.keymap.key_for(Context::Global, "search").as_deref(),
            Some("F2")
        );
        assert_eq!(
            s.keymap.key_for(Context::Global, "filter").as_deref(),
            Some("f")
        );
        assert_eq!(s.theme.speaker(1).fg, Some(Color::Rgb(0, 255, 0)));
        assert_eq!(s.theme.dim().fg, Some(Color::Blue));
        assert_eq!(read("").expect("empty").keymap, Keymap::default());
    }

    #[test]
    fn mistakes_name_the_file_and_line() {
        for (text, line, says) in [
            (
                "[keys]\n\nleave = [\"x\"]\n",
                3,
                "\"leave\" is not an action",
            ),
            (
                "[keys]\nquit = [\"Hyper-x\"]\n",
                2,
                "quit: \"Hyper-x\" is not a key",
            ),
            ("[keys]\nquit = 3\n", 2, "expected a key or a list of keys"),
            (
                "[keys]\nquit = \"x\"\nfilter = \"x\"\n",
                3,
                "x is given to both quit and filter",
            ),
            (
                "[keys]\nsearch-next = \"x\"\n",
                2,
                "would be typed into the search query",
            ),
            ("[theme]\ndim = \"mauve-ish\"\n", 2, "is not a colour"),
            (
                "[theme]\nsparkle = \"red\"\n",
                2,
                "sparkle: expected speakers",
            ),
            ("[colours]\n", 1, "unknown field"),
            ("[keys\n", 1, ""),
        ] {
            let e = read(text).expect_err(text);
            assert_eq!(e.line, line, "{text:?}: {e}");
            let shown = e.to_string();
            assert!(
                shown.starts_with(&format!("/home/u/.config/podium/config.toml:{line}: ")),
                "{shown}"
            );
            assert!(shown.contains(says), "{text:?}: {shown}");
        }
    }

    /// The example config.toml in the README is one the browser reads.
    #[test]
    fn the_readme_example_parses() {
        let readme = include_str!("../../README.md");
        let start = readme
            .find("```toml\n# ~/.config/podium/config.toml")
            .expect("the README has the example config");
        let body = &readme[start + "```toml\n".len()..];
        let example = &body[..body.find("```").expect("closed")];
        let s = read(example).expect("the README's example reads");
        assert_ne!(s.keymap, Keymap::default(), "it changes some keys");
    }
}
