//! Marks: turns and quotes a reader set aside, kept per session file under the XDG data
//! directory. A session is known by its file's canonical path (so `A/x.txt` and `B/x.txt` never
//! share marks) and by a fingerprint of its content (so a moved file finds its marks again, with
//! a warning). Every write re-reads the file under a lock and merges, so two browsers on one
//! session keep each other's marks; writes are atomic; a file that cannot be read is set aside
//! beside itself with a warning, never lost or silently emptied.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::files::{self, FileError};
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
    dir: PathBuf,
    path: PathBuf,
    /// The session file's canonical path, or `None` for the bundled session.
    file: Option<PathBuf>,
    fingerprint: u64,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    /// The session's title, for a person looking into the folder.
    session: String,
    #[serde(default)]
    file: Option<PathBuf>,
    #[serde(default)]
    fingerprint: Option<u64>,
    marks: Vec<Mark>,
}

/// What identifies a session's content wherever its file is: every paragraph. (Not the title,
/// which a file without a title line takes from its file name.)
fn fingerprint(session: &Session) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for t in &session.turns {
        for p in &t.paragraphs {
            h.update(&[0]);
            h.update(p.as_bytes());
        }
    }
    h.digest()
}

/// Why marks could not be kept.
#[derive(Debug, thiserror::Error)]
pub enum MarksError {
    #[error(transparent)]
    File(#[from] FileError),
    #[error("{}: cannot be read, so it is left as it is and not written over", .0.display())]
    Unreadable(PathBuf),
}

enum Read {
    Missing,
    Marks(Stored),
    /// Read but not marks (not UTF-8, not JSON): set aside, with a note saying where.
    SetAside(String),
}

impl MarkStore {
    /// `$XDG_DATA_HOME/podium/marks`, or `~/.local/share/podium/marks`.
    pub fn default_dir() -> Option<PathBuf> {
        files::data_dir().map(|d| d.join("marks"))
    }

    /// The store for `session`, read from `file` (`None`: the bundled session), inside `dir`.
    pub fn open(dir: &Path, file: Option<&Path>, session: &Session) -> Self {
        let file = file.map(|f| f.canonicalize().unwrap_or_else(|_| f.to_path_buf()));
        let key = match &file {
            Some(f) => format!("file\0{}", f.display()),
            None => format!("bundled\0{}", session.meta.title),
        };
        MarkStore {
            dir: dir.to_path_buf(),
            path: dir.join(format!("{:016x}.json", files::hash(key.as_bytes()))),
            file,
            fingerprint: fingerprint(session),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn read(&self) -> Result<Read, FileError> {
        self.read_as(true)
    }

    /// Reads the file; an unreadable one is set aside when `set_aside` (the browser, which will
    /// write), left where it is otherwise (a command that only reads).
    fn read_as(&self, set_aside: bool) -> Result<Read, FileError> {
        let Some(bytes) = files::read_state(&self.path)? else {
            return Ok(Read::Missing);
        };
        let parsed = std::str::from_utf8(&bytes)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str::<Stored>(t).map_err(|e| e.to_string()));
        match parsed {
            Ok(stored) => Ok(Read::Marks(stored)),
            Err(why) if !set_aside => Ok(Read::SetAside(format!(
                "marks file unreadable ({why}); left as it is at {}",
                self.path.display()
            ))),
            Err(why) => {
                let aside = files::set_aside(&self.path)?;
                Ok(Read::SetAside(format!(
                    "marks file unreadable ({why}); set aside as {}",
                    aside.display()
                )))
            }
        }
    }

    /// The marks kept, and a warning when something was not as expected: the file was
    /// unreadable (and set aside, or left alone and not to be written over), or the marks were
    /// found by content for a file that has moved.
    pub fn load(&self) -> (Vec<Mark>, Option<String>) {
        self.load_as(true)
    }

    /// As [`MarkStore::load`], changing nothing on disk: for commands that only read marks.
    pub fn peek(&self) -> (Vec<Mark>, Option<String>) {
        self.load_as(false)
    }

    fn load_as(&self, set_aside: bool) -> (Vec<Mark>, Option<String>) {
        match self.read_as(set_aside) {
            Ok(Read::Marks(stored)) => (stored.marks, None),
            Ok(Read::SetAside(note)) => (Vec::new(), Some(note)),
            Ok(Read::Missing) => match self.find_moved() {
                Some((marks, was)) => {
                    let note = format!(
                        "marks found by content: this session was at {} before it moved",
                        was.display()
                    );
                    (marks, Some(note))
                }
                None => (Vec::new(), None),
            },
            Err(e) => (
                Vec::new(),
                Some(format!(
                    "marks file cannot be read ({e}); it is left as it is and new marks are not kept"
                )),
            ),
        }
    }

    /// Marks kept for a session with this content whose file is no longer where it was.
    fn find_moved(&self) -> Option<(Vec<Mark>, PathBuf)> {
        self.file.as_ref()?;
        let entries = std::fs::read_dir(&self.dir).ok()?;
        entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json") && *p != self.path)
            .find_map(|p| {
                let bytes = std::fs::read(&p).ok()?;
                let stored: Stored = serde_json::from_slice(&bytes).ok()?;
                let was = stored.file?;
                (stored.fingerprint == Some(self.fingerprint) && !was.exists())
                    .then_some((stored.marks, was))
            })
    }

    /// Keeps the change from `base` (the marks as last loaded or saved) to `wanted`: under the
    /// store's lock, the file is read again, the marks added since `base` are added and those
    /// removed are removed, and the result written atomically. Marks another browser kept
    /// meanwhile survive. Returns the marks now kept.
    pub fn save(
        &self,
        session: &Session,
        base: &[Mark],
        wanted: &[Mark],
    ) -> Result<Vec<Mark>, MarksError> {
        let mut kept = None;
        files::with_lock(&self.path, || {
            let mut marks = match self.read() {
                Ok(Read::Marks(stored)) => stored.marks,
                Ok(Read::Missing | Read::SetAside(_)) => Vec::new(),
                Err(_) => return Ok(()),
            };
            marks.retain(|m| wanted.contains(m) || !base.contains(m));
            for m in wanted {
                if !base.contains(m) && !marks.contains(m) {
                    marks.push(m.clone());
                }
            }
            let stored = Stored {
                session: session.meta.title.clone(),
                file: self.file.clone(),
                fingerprint: Some(self.fingerprint),
                marks,
            };
            let json = serde_json::to_vec_pretty(&stored).map_err(|e| {
                FileError::new(&self.path, files::FileErrorKind::Refused(e.to_string()))
            })?;
            files::atomic_write(&self.path, &json)?;
            kept = Some(stored.marks);
            Ok(())
        })?;
        kept.ok_or_else(|| MarksError::Unreadable(self.path.clone()))
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

    fn mark(turn: &str, sentence: Option<usize>) -> Mark {
        Mark {
            turn: turn.into(),
            sentence,
        }
    }

    #[test]
    fn marks_persist_and_a_corrupt_file_is_set_aside() {
        let dir = tempfile::tempdir().expect("tmp");
        let s = crate::bundled::session().expect("bundled");
        let store = MarkStore::open(dir.path(), None, &s);
        assert_eq!(store.load(), (Vec::new(), None));
        let marks = vec![mark("t4", Some(3)), mark("t18", None)];
        assert_eq!(store.save(&s, &[], &marks).expect("save"), marks);
        assert_eq!(store.load().0, marks);
        assert_eq!(resolve(&s, &marks[0]), Some((3, Some(3))));
        for bad in [&b"{ broken"[..], b"\xff\xfe not utf-8"] {
            std::fs::write(store.path(), bad).expect("write");
            let (loaded, warning) = store.load();
            assert!(loaded.is_empty());
            assert!(warning.expect("warning").contains("set aside"));
        }
        let mut aside: Vec<Vec<u8>> = std::fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains("corrupt"))
            .map(|e| std::fs::read(e.path()).expect("read"))
            .collect();
        aside.sort();
        assert_eq!(
            aside,
            [b"{ broken".to_vec(), b"\xff\xfe not utf-8".to_vec()]
        );
    }

    #[test]
    fn two_writers_keep_each_others_marks() {
        let dir = tempfile::tempdir().expect("tmp");
        let s = crate::bundled::session().expect("bundled");
        let one = MarkStore::open(dir.path(), None, &s);
        let two = MarkStore::open(dir.path(), None, &s);
        let a = one.save(&s, &[], &[mark("t1", None)]).expect("one");
        let b = two.save(&s, &[], &[mark("t2", Some(0))]).expect("two");
        assert_eq!(b.len(), 2, "the second writer keeps the first one's mark");
        // The first removes its own mark and adds another: the second's stays.
        let c = one.save(&s, &a, &[mark("t3", None)]).expect("one again");
        assert_eq!(c, [mark("t2", Some(0)), mark("t3", None)]);
    }

    #[test]
    fn same_name_in_two_folders_never_shares_marks_and_a_moved_file_finds_them() {
        let dir = tempfile::tempdir().expect("tmp");
        let marks_dir = dir.path().join("marks");
        for d in ["A", "B"] {
            std::fs::create_dir_all(dir.path().join(d)).expect("dir");
        }
        let a = dir.path().join("A/x.txt");
        let b = dir.path().join("B/x.txt");
        std::fs::write(&a, "Ann: One.\nBen: Two.\n").expect("w");
        std::fs::write(&b, "Ann: One.\nBen: Two.\n").expect("w");
        let sa = crate::formats::load_path(&a, None).expect("a").session;
        let sb = crate::formats::load_path(&b, None).expect("b").session;
        MarkStore::open(&marks_dir, Some(&a), &sa)
            .save(&sa, &[], &[mark("t1", None)])
            .expect("save");
        assert_eq!(
            MarkStore::open(&marks_dir, Some(&b), &sb).load(),
            (Vec::new(), None),
            "B/x.txt has no marks of A/x.txt's"
        );
        // A moves to C: its marks follow by content, with a warning.
        let c = dir.path().join("C.txt");
        std::fs::rename(&a, &c).expect("move");
        let (marks, warning) = MarkStore::open(&marks_dir, Some(&c), &sa).load();
        assert_eq!(marks, [mark("t1", None)]);
        assert!(warning.expect("warning").contains("moved"));
    }

    #[test]
    fn an_unreadable_file_is_left_alone_and_not_written_over() {
        let dir = tempfile::tempdir().expect("tmp");
        let s = crate::bundled::session().expect("bundled");
        let store = MarkStore::open(dir.path(), None, &s);
        // A folder where the file should be cannot be read as marks.
        std::fs::create_dir_all(store.path()).expect("dir");
        let (marks, warning) = store.load();
        assert!(marks.is_empty());
        assert!(warning.expect("warning").contains("cannot be read"));
        assert!(store.save(&s, &[], &[mark("t1", None)]).is_err());
        assert!(store.path().is_dir());
    }
}
