//! Marks: turns and quotes a reader set aside, kept per session under the XDG data directory.
//! Written atomically (temporary file, then rename); a file that cannot be read is set aside
//! beside itself with a warning, never lost or silently emptied.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::session::Session;

/// A marked turn, or one sentence of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// The turn's id (`t4`), stable across loads.
    pub turn: String,
    /// 0-based sentence, or `None` for the whole turn.
    pub sentence: Option<usize>,
}

pub struct MarkStore {
    path: PathBuf,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    session: String,
    marks: Vec<Mark>,
}

/// What makes a session the same session next time: its file, title and date.
fn identity(session: &Session) -> String {
    let m = &session.meta;
    format!(
        "{}\0{}\0{}",
        m.source_file.as_deref().unwrap_or_default(),
        m.title,
        m.date.as_deref().unwrap_or_default()
    )
}

impl MarkStore {
    /// `$XDG_DATA_HOME/podium/marks`, or `~/.local/share/podium/marks`.
    pub fn default_dir() -> Option<PathBuf> {
        let base = std::env::var_os("XDG_DATA_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| {
                std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local").join("share"))
            })?;
        Some(base.join("podium").join("marks"))
    }

    /// The store for `session` inside `dir`.
    pub fn at(dir: &Path, session: &Session) -> Self {
        let key = identity(session);
        MarkStore {
            path: dir.join(format!("{:016x}.json", crate::cache::fnv1a(&key))),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The marks kept, and a warning when the file was unreadable and has been set aside.
    pub fn load(&self) -> (Vec<Mark>, Option<String>) {
        let Ok(text) = std::fs::read_to_string(&self.path) else {
            return (Vec::new(), None);
        };
        match serde_json::from_str::<Stored>(&text) {
            Ok(stored) => (stored.marks, None),
            Err(e) => {
                let stamp = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs());
                let aside = self.path.with_extension(format!("corrupt-{stamp}.json"));
                let kept = std::fs::rename(&self.path, &aside).is_ok();
                let note = if kept {
                    format!(
                        "marks file unreadable ({e}); set aside as {}",
                        aside.display()
                    )
                } else {
                    format!(
                        "marks file unreadable ({e}); left as it is at {}",
                        self.path.display()
                    )
                };
                (Vec::new(), Some(note))
            }
        }
    }

    /// Writes the marks atomically.
    pub fn save(&self, session: &Session, marks: &[Mark]) -> std::io::Result<()> {
        let stored = Stored {
            session: session.meta.title.clone(),
            marks: marks.to_vec(),
        };
        let json = serde_json::to_string_pretty(&stored).map_err(std::io::Error::other)?;
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = self
            .path
            .with_extension(format!("tmp{}", std::process::id()));
        std::fs::write(&tmp, json)?;
        std::fs::rename(&tmp, &self.path).inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
    }
}

/// Where a mark points now, as (turn index, sentence), if its turn still exists.
pub fn resolve(session: &Session, mark: &Mark) -> Option<(usize, Option<usize>)> {
    let turn = session.turns.iter().position(|t| t.id == mark.turn)?;
    let sentence = mark
        .sentence
        .filter(|&s| s < session.turns[turn].sentences.len());
    Some((turn, sentence))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_persist_and_a_corrupt_file_is_set_aside() {
        let dir = tempfile::tempdir().expect("tmp");
        let s = crate::bundled::session().expect("bundled");
        let store = MarkStore::at(dir.path(), &s);
        assert_eq!(store.load(), (Vec::new(), None));
        let marks = vec![
            Mark {
                turn: "t4".into(),
                sentence: Some(3),
            },
            Mark {
                turn: "t18".into(),
                sentence: None,
            },
        ];
        store.save(&s, &marks).expect("save");
        assert_eq!(store.load().0, marks);
        assert_eq!(resolve(&s, &marks[0]), Some((3, Some(3))));
        std::fs::write(store.path(), "{ broken").expect("write");
        let (loaded, warning) = store.load();
        assert!(loaded.is_empty());
        assert!(warning.expect("warning").contains("set aside"));
        let aside: Vec<_> = std::fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains("corrupt"))
            .collect();
        assert_eq!(aside.len(), 1, "the unreadable file is kept");
        assert_eq!(
            std::fs::read_to_string(aside[0].path()).expect("read"),
            "{ broken"
        );
    }
}
