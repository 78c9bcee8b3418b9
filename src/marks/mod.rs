//! Marks and codes: turns and quotes a reader set aside, and the codes (qualitative analysis
//! tags) given to them, kept per session file under the XDG data directory. A session is known
//! by its file's canonical path (so `A/x.txt` and `B/x.txt` never share marks) and by a
//! fingerprint of its content (so a moved file finds its marks again, with a warning). Every
//! write re-reads the file under a lock and merges, so two browsers on one session keep each
//! other's marks and codes; writes are atomic; a file that cannot be read is set aside beside
//! itself with a warning, never lost or silently emptied.
//!
//! The file is `{"session", "file", "fingerprint", "marks": [...], "codes": [...]}`; `codes`
//! is left out while there are none, so a store without codes is byte for byte what earlier
//! versions wrote, and their files load unchanged.

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

/// A code given to a turn or one sentence of it; a passage may have several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Code {
    /// The turn's id (`t4`).
    pub turn: String,
    /// 0-based sentence, or `None` for the whole turn.
    pub sentence: Option<usize>,
    /// The code, as typed (trimmed; compared exactly).
    pub code: String,
}

impl Code {
    /// `code` on turn `turn` (its id), on its `sentence` (0-based) or the whole turn.
    pub fn new(turn: impl Into<String>, sentence: Option<usize>, code: impl Into<String>) -> Self {
        Code {
            turn: turn.into(),
            sentence,
            code: code.into(),
        }
    }

    /// Whether this code is on the passage of turn `turn` (its id) and `sentence`.
    pub fn is_on(&self, turn: &str, sentence: Option<usize>) -> bool {
        self.turn == turn && self.sentence == sentence
    }
}

/// Everything kept for one session: its marks and its codes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Kept {
    pub marks: Vec<Mark>,
    pub codes: Vec<Code>,
}

impl Kept {
    pub fn is_empty(&self) -> bool {
        self.marks.is_empty() && self.codes.is_empty()
    }

    /// The distinct codes, sorted, with how many passages have each.
    pub fn code_counts(&self) -> Vec<(String, usize)> {
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        for c in &self.codes {
            *counts.entry(c.code.as_str()).or_default() += 1;
        }
        counts
            .into_iter()
            .map(|(c, n)| (c.to_string(), n))
            .collect()
    }
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
    /// Absent in stores written before codes existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    codes: Vec<Code>,
}

impl Stored {
    fn kept(self) -> Kept {
        Kept {
            marks: self.marks,
            codes: self.codes,
        }
    }
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

    /// The marks and codes kept, and a warning when something was not as expected: the file
    /// was unreadable (and set aside, or left alone and not to be written over), or the marks
    /// were found by content for a file that has moved.
    pub fn load(&self) -> (Kept, Option<String>) {
        self.load_as(true)
    }

    /// As [`MarkStore::load`], changing nothing on disk: for commands that only read marks.
    pub fn peek(&self) -> (Kept, Option<String>) {
        self.load_as(false)
    }

    fn load_as(&self, set_aside: bool) -> (Kept, Option<String>) {
        match self.read_as(set_aside) {
            Ok(Read::Marks(stored)) => (stored.kept(), None),
            Ok(Read::SetAside(note)) => (Kept::default(), Some(note)),
            Ok(Read::Missing) => match self.find_moved() {
                Some((kept, was)) => {
                    let note = format!(
                        "marks found by content: this session was at {} before it moved",
                        was.display()
                    );
                    (kept, Some(note))
                }
                None => (Kept::default(), None),
            },
            Err(e) => (
                Kept::default(),
                Some(format!(
                    "marks file cannot be read ({e}); it is left as it is and new marks are not kept"
                )),
            ),
        }
    }

    /// Marks kept for a session with this content whose file is no longer where it was.
    fn find_moved(&self) -> Option<(Kept, PathBuf)> {
        self.file.as_ref()?;
        stored_in(&self.dir)
            .filter(|(p, _)| *p != self.path)
            .find_map(|(_, stored)| {
                let was = stored.file.clone()?;
                (stored.fingerprint == Some(self.fingerprint) && !was.exists())
                    .then(|| (stored.kept(), was))
            })
    }

    /// Keeps the change from `base` (what was last loaded or saved) to `wanted`: under the
    /// store's lock, the file is read again, the marks and codes added since `base` are added
    /// and those removed are removed, and the result written atomically. What another browser
    /// kept meanwhile survives. Returns what is now kept.
    pub fn save(&self, session: &Session, base: &Kept, wanted: &Kept) -> Result<Kept, MarksError> {
        let mut kept = None;
        files::with_lock(&self.path, || {
            let now = match self.read() {
                Ok(Read::Marks(stored)) => stored.kept(),
                Ok(Read::Missing | Read::SetAside(_)) => Kept::default(),
                Err(_) => return Ok(()),
            };
            let stored = Stored {
                session: session.meta.title.clone(),
                file: self.file.clone(),
                fingerprint: Some(self.fingerprint),
                marks: merge(now.marks, &base.marks, &wanted.marks),
                codes: merge(now.codes, &base.codes, &wanted.codes),
            };
            let json = serde_json::to_vec_pretty(&stored).map_err(|e| {
                FileError::new(&self.path, files::FileErrorKind::Refused(e.to_string()))
            })?;
            files::atomic_write(&self.path, &json)?;
            kept = Some(stored.kept());
            Ok(())
        })?;
        kept.ok_or_else(|| MarksError::Unreadable(self.path.clone()))
    }
}

/// What is on disk now, with the change from `base` to `wanted` applied: what `wanted` lost
/// since `base` goes, what it gained comes (once); the rest — another writer's — stays.
fn merge<T: PartialEq + Clone>(mut now: Vec<T>, base: &[T], wanted: &[T]) -> Vec<T> {
    now.retain(|m| wanted.contains(m) || !base.contains(m));
    for m in wanted {
        if !base.contains(m) && !now.contains(m) {
            now.push(m.clone());
        }
    }
    now
}

/// Every readable store file in `dir`, with its path (unreadable ones are skipped: reading
/// them is the business of their own session's store).
fn stored_in(dir: &Path) -> impl Iterator<Item = (PathBuf, Stored)> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter_map(|p| {
            let bytes = files::read_state(&p).ok()??;
            let stored: Stored = serde_json::from_slice(&bytes).ok()?;
            Some((p, stored))
        })
}

/// Every code used in any session of the store in `dir`, sorted and distinct: the codebook the
/// browser completes from.
pub fn codebook(dir: &Path) -> Vec<String> {
    let mut codes: Vec<String> = stored_in(dir)
        .flat_map(|(_, s)| s.codes.into_iter().map(|c| c.code))
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

/// Where a mark points now, as (turn index, sentence), if its turn still exists.
pub fn resolve(session: &Session, mark: &Mark) -> Option<(usize, Option<usize>)> {
    resolve_at(session, &mark.turn, mark.sentence)
}

/// Where a coded passage points now, as (turn index, sentence), if its turn still exists.
pub fn resolve_code(session: &Session, code: &Code) -> Option<(usize, Option<usize>)> {
    resolve_at(session, &code.turn, code.sentence)
}

fn resolve_at(
    session: &Session,
    turn: &str,
    sentence: Option<usize>,
) -> Option<(usize, Option<usize>)> {
    let turn = session.turns.iter().position(|t| t.id == turn)?;
    let sentence = sentence.filter(|&s| s < session.turns[turn].sentences.len());
    Some((turn, sentence))
}

#[cfg(test)]
mod tests;
