//! Speaker names fixed once: a `podium.toml` beside the session files maps names as the source
//! writes them to the names a reader wants, and every load applies it, so statistics, search,
//! citations and exports all show the fixed names.
//!
//! ```toml
//! # Speaker names Podium applies to every session in this folder.
//! [rename]
//! "Moderator" = "Hiroki Mashiko"
//! "Adly Wahid" = "Adli Wahid"
//! ```
//!
//! A rename to a name another speaker already has merges the two. The old name is kept as an
//! alias, so the original label still finds the speaker.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::formats::speakers::label_role;
use crate::session::{Session, SpeakerKind};
use crate::text::fold_name;

pub const FILE: &str = "podium.toml";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Renames {
    /// Source name → fixed name, applied in order of the source names.
    #[serde(default)]
    pub rename: BTreeMap<String, String>,
}

impl Renames {
    /// The `podium.toml` that governs a session file: the one in its folder.
    pub fn path_beside(session_file: &Path) -> PathBuf {
        session_file
            .parent()
            .unwrap_or_else(|| Path::new("."))
            .join(FILE)
    }

    /// Where renames of the bundled session are kept: it has no folder of its own.
    pub fn bundled_path() -> Option<PathBuf> {
        crate::marks::MarkStore::default_dir()
            .and_then(|marks| marks.parent().map(|p| p.join("bundled-podium.toml")))
    }

    /// Reads `path`; no file means no renames. A file that cannot be read is an error naming it.
    pub fn load(path: &Path) -> Result<Renames, String> {
        match std::fs::read_to_string(path) {
            Ok(text) => toml::from_str(&text).map_err(|e| {
                let line = e
                    .span()
                    .map(|s| 1 + text[..s.start.min(text.len())].matches('\n').count());
                match line {
                    Some(l) => format!(
                        "{}:{l}: {}; expected [rename] \"Old name\" = \"New name\" lines",
                        path.display(),
                        e.message()
                    ),
                    None => format!("{}: {}", path.display(), e.message()),
                }
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Renames::default()),
            Err(e) => Err(format!("{}: cannot read: {e}", path.display())),
        }
    }

    /// Writes atomically, with a comment saying what the file is for.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let body = toml::to_string(self).map_err(std::io::Error::other)?;
        let text = format!(
            "# Speaker names Podium applies on every load of the sessions in this folder\n# (\"name in the source\" = \"name to show\"). Written by `r` in the speaker list.\n{body}"
        );
        let tmp = path.with_extension(format!("toml.tmp{}", std::process::id()));
        std::fs::write(&tmp, text)?;
        std::fs::rename(&tmp, path).inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
    }

    /// Applies every rename to `session`.
    pub fn apply(&self, session: &mut Session) {
        for (from, to) in &self.rename {
            rename(session, from, to);
        }
    }
}

/// Renames the speaker called `from` (name or alias) to `to`, merging into the speaker already
/// called `to` if there is one. Returns whether anything changed.
pub fn rename(session: &mut Session, from: &str, to: &str) -> bool {
    let to = to.trim();
    let (f, t) = (fold_name(from), fold_name(to));
    if f.is_empty() || t.is_empty() {
        return false;
    }
    let Some(src) = session
        .speakers
        .iter()
        .position(|s| s.names().any(|n| fold_name(n) == f))
    else {
        return false;
    };
    let dst = session
        .speakers
        .iter()
        .position(|s| s.names().any(|n| fold_name(n) == t));
    match dst {
        Some(d) if d == src => {
            let s = &mut session.speakers[src];
            if s.name == to {
                return false;
            }
            let old = std::mem::replace(&mut s.name, to.to_string());
            if !s.aliases.contains(&old) {
                s.aliases.push(old);
            }
            true
        }
        Some(d) => {
            let gone = session.speakers[src].clone();
            for turn in &mut session.turns {
                if turn.speaker == gone.id {
                    turn.speaker.clone_from(&session.speakers[d].id);
                }
            }
            let keep = &mut session.speakers[d];
            for n in std::iter::once(gone.name.clone()).chain(gone.aliases.iter().cloned()) {
                if n != keep.name && !keep.aliases.contains(&n) {
                    keep.aliases.push(n);
                }
            }
            for r in gone.roles {
                if !keep.has_role(&r) {
                    keep.roles.push(r);
                }
            }
            keep.summary.extend(gone.summary);
            keep.listed |= gone.listed;
            keep.published = keep.published.or(gone.published);
            if gone.kind == SpeakerKind::Person {
                keep.kind = SpeakerKind::Person;
            }
            session.speakers.remove(src);
            true
        }
        None => {
            let s = &mut session.speakers[src];
            let old = std::mem::replace(&mut s.name, to.to_string());
            if !s.aliases.contains(&old) {
                s.aliases.push(old);
            }
            if label_role(to).is_none() {
                s.kind = SpeakerKind::Person;
            }
            true
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renaming_a_label_makes_a_person_and_keeps_the_label_findable() {
        let mut s = crate::bundled::session().expect("bundled");
        assert!(rename(&mut s, "moderator", "Kenny Chantre"));
        let sp = s.find_speaker("Kenny").expect("renamed");
        assert_eq!(sp.kind, SpeakerKind::Person);
        assert_eq!(
            s.find_speaker("Moderator").expect("alias").name,
            "Kenny Chantre"
        );
        assert_eq!(s.speaker_name(&s.turns[6]), "Kenny Chantre");
    }

    #[test]
    fn renaming_to_a_taken_name_merges() {
        let mut s = crate::bundled::session().expect("bundled");
        let before = s.speakers.len();
        assert!(rename(&mut s, "Moderator", "Masae Toyama"));
        assert_eq!(s.speakers.len(), before - 1);
        let masae = s.find_speaker("Masae Toyama").expect("kept");
        assert!(masae.aliases.contains(&"Moderator".to_string()));
        assert_eq!(
            s.turns.iter().filter(|t| t.speaker == masae.id).count(),
            3 + 6
        );
        assert!(!rename(&mut s, "Nobody", "X"));
    }

    #[test]
    fn the_file_round_trips_and_errors_name_the_line() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join(FILE);
        assert_eq!(Renames::load(&path), Ok(Renames::default()));
        let mut r = Renames::default();
        r.rename.insert("Moderator".into(), "Kenny Chantre".into());
        r.save(&path).expect("save");
        assert_eq!(Renames::load(&path), Ok(r));
        std::fs::write(&path, "[rename]\n\"a\" = \n").expect("write");
        let err = Renames::load(&path).unwrap_err();
        assert!(err.contains("podium.toml:2:"), "{err}");
    }
}
