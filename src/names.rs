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

use crate::error::ImportError;
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

const EXPECTED: &str = "expected [rename] \"Old name\" = \"New name\" lines";

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
        crate::files::data_dir().map(|d| d.join("bundled-podium.toml"))
    }

    /// Reads `path`; no file means no renames. A file that cannot be read, does not parse, or
    /// asks for what cannot be done (an empty name, a name with control characters, renames
    /// that go round in a cycle) is an error naming the file and line.
    pub fn load(path: &Path) -> Result<Renames, ImportError> {
        let Some(bytes) = crate::files::read_state(path)? else {
            return Ok(Renames::default());
        };
        let text = String::from_utf8(bytes)
            .map_err(|_| ImportError::whole(path, "not UTF-8 text; expected a TOML file"))?;
        let renames: Renames = toml::from_str(&text).map_err(|e| {
            let line = e
                .span()
                .map(|s| 1 + text[..s.start.min(text.len())].matches('\n').count());
            let message = format!("{}; {EXPECTED}", e.message().trim_end());
            match line {
                Some(l) => ImportError::at(path, l, message),
                None => ImportError::whole(path, message),
            }
        })?;
        renames
            .check()
            .map_err(|(key, message)| match line_of_key(&text, &key) {
                Some(l) => ImportError::at(path, l, message),
                None => ImportError::whole(path, message),
            })?;
        Ok(renames)
    }

    /// What is wrong with these renames, with the source name whose line to blame.
    fn check(&self) -> Result<(), (String, String)> {
        for (from, to) in &self.rename {
            for name in [from, to] {
                if name.trim().is_empty() {
                    return Err((from.clone(), "an empty name; give both names".into()));
                }
                if name.chars().any(char::is_control) {
                    return Err((
                        from.clone(),
                        format!("{name:?} holds a line break or control character"),
                    ));
                }
            }
        }
        // Follow each chain of renames; coming back to where it started is a cycle.
        let folded: BTreeMap<String, String> = self
            .rename
            .iter()
            .map(|(f, t)| (fold_name(f), fold_name(t)))
            .filter(|(f, t)| f != t)
            .collect();
        for (from, original) in self.rename.keys().map(|k| (fold_name(k), k)) {
            let mut at = from.clone();
            for _ in 0..=folded.len() {
                match folded.get(&at) {
                    Some(next) if *next == from => {
                        return Err((
                            original.clone(),
                            format!(
                                "renames go round in a cycle ({original:?} is renamed back to itself); a name can be renamed only once"
                            ),
                        ));
                    }
                    Some(next) => at.clone_from(next),
                    None => break,
                }
            }
        }
        Ok(())
    }

    /// Writes atomically, with a comment saying what the file is for.
    pub fn save(&self, path: &Path) -> Result<(), crate::files::FileError> {
        let body = toml::to_string(self).map_err(|e| {
            crate::files::FileError::new(path, crate::files::FileErrorKind::Refused(e.to_string()))
        })?;
        let text = format!(
            "# Speaker names Podium applies on every load of the sessions in this folder\n# (\"name in the source\" = \"name to show\"). Written by `r` in the speaker list.\n{body}"
        );
        crate::files::atomic_write(path, text.as_bytes())
    }

    /// Adds `from = to` to the file at `path` under its lock, keeping whatever another Podium
    /// wrote there meanwhile; names already renamed to `from` now go to `to`. A file that
    /// cannot be read is left as it is and the rename refused.
    pub fn add(path: &Path, from: &str, to: &str) -> Result<(), ImportError> {
        crate::files::with_lock(path, || {
            let mut renames = Renames::load(path).map_err(|e| match e {
                ImportError::File(f) => f,
                other => crate::files::FileError::new(
                    path,
                    crate::files::FileErrorKind::Refused(other.message()),
                ),
            })?;
            for target in renames.rename.values_mut() {
                if fold_name(target) == fold_name(from) {
                    *target = to.to_string();
                }
            }
            renames.rename.insert(from.to_string(), to.to_string());
            // What another browser kept meanwhile may close a cycle with this rename: refuse
            // to write what every later load would refuse.
            renames.check().map_err(|(_, why)| {
                crate::files::FileError::new(path, crate::files::FileErrorKind::Refused(why))
            })?;
            renames.save(path)
        })
        .map_err(ImportError::File)
    }

    /// Applies every rename to `session`.
    pub fn apply(&self, session: &mut Session) {
        for (from, to) in &self.rename {
            rename(session, from, to);
        }
    }
}

/// The line of a TOML file on which the rename of `key` is given (where its value starts, as
/// the TOML reader locates it, so escaped keys are found too).
fn line_of_key(text: &str, key: &str) -> Option<usize> {
    #[derive(Deserialize)]
    struct Located {
        #[serde(default)]
        rename: BTreeMap<String, toml::Spanned<String>>,
    }
    let located: Located = toml::from_str(text).ok()?;
    let at = located.rename.get(key)?.span().start;
    Some(1 + text.get(..at)?.matches('\n').count())
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
                if turn.speaker.get() == src {
                    turn.speaker = crate::session::SpeakerIx(d);
                }
            }
            let keep = &mut session.speakers[d];
            for n in std::iter::once(gone.name.clone()).chain(gone.aliases.iter().cloned()) {
                if n != keep.name && !keep.aliases.contains(&n) {
                    keep.aliases.push(n);
                }
            }
            for r in gone.roles {
                keep.add_role(r);
            }
            keep.summary.extend(gone.summary);
            keep.listed |= gone.listed;
            keep.published = keep.published.or(gone.published);
            if gone.kind == SpeakerKind::Person {
                keep.kind = SpeakerKind::Person;
            }
            session.retain_speakers(|ix, _| ix.get() != src);
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
        let ix = crate::session::SpeakerIx(s.speaker_index(&masae.id).expect("index"));
        assert_eq!(s.turns_by(ix).count(), 3 + 6);
        assert!(!rename(&mut s, "Nobody", "X"));
    }

    #[test]
    fn the_file_round_trips_and_errors_name_the_line() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join(FILE);
        assert_eq!(Renames::load(&path).expect("none"), Renames::default());
        let mut r = Renames::default();
        r.rename.insert("Moderator".into(), "Kenny Chantre".into());
        r.save(&path).expect("save");
        assert_eq!(Renames::load(&path).expect("reads"), r);
        std::fs::write(&path, "[rename]\n\"a\" = \n").expect("write");
        let err = Renames::load(&path).unwrap_err().to_string();
        let shown = path.display().to_string();
        assert!(err.starts_with(&format!("{shown}:2: ")), "{err}");
        assert_eq!(
            err.matches(&shown).count(),
            1,
            "the path is said once: {err}"
        );
    }

    #[test]
    fn cycles_control_characters_and_empty_names_are_refused_with_their_line() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join(FILE);
        let cases = [
            ("[rename]\nAnn = \"Bob\"\nBob = \"Ann\"\n", 2, "cycle"),
            (
                "[rename]\nAnn = \"Bob\"\nBob = \"Cy\"\nCy = \"ann\"\n",
                2,
                "cycle",
            ),
            ("[rename]\n\"Ann\" = \"B\\nob\"\n", 2, "control"),
            ("[rename]\n\"Ann\" = \"\\u001b]0;x\\u0007\"\n", 2, "control"),
            ("[rename]\nx = 1\n\"\" = \"Bob\"\n", 2, ""),
            ("[rename]\n\"Ann\" = \"  \"\n", 2, "empty"),
        ];
        for (text, line, word) in cases {
            std::fs::write(&path, text).expect("write");
            let err = Renames::load(&path).expect_err(text).to_string();
            assert!(
                err.contains(&format!("podium.toml:{line}: ")),
                "{text:?}: {err}"
            );
            assert!(err.contains(word), "{text:?}: {err}");
        }
        // A chain is not a cycle.
        std::fs::write(&path, "[rename]\nAnn = \"Bob\"\nBob = \"Cy\"\n").expect("write");
        assert_eq!(Renames::load(&path).expect("chain").rename.len(), 2);
    }

    #[test]
    fn adding_keeps_what_another_writer_added() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join(FILE);
        Renames::add(&path, "Moderator", "Kenny").expect("add");
        Renames::add(&path, "Audience", "Floor").expect("add");
        assert_eq!(Renames::load(&path).expect("reads").rename.len(), 2);
        // An unreadable file is never replaced.
        std::fs::write(&path, b"\xff\xfe[rename").expect("write");
        assert!(Renames::add(&path, "A", "B").is_err());
        assert_eq!(std::fs::read(&path).expect("read"), b"\xff\xfe[rename");
        // A rename that would close a cycle with what is kept is refused, the file unchanged.
        // (Two browsers: one merges Robert into Cy, the other Cyril into Bob.)
        std::fs::remove_file(&path).expect("rm");
        Renames::add(&path, "Bob", "Robert").expect("add");
        Renames::add(&path, "Cy", "Cyril").expect("add");
        Renames::add(&path, "Robert", "Cy").expect("add");
        let before = std::fs::read(&path).expect("read");
        let e = Renames::add(&path, "Cyril", "Bob").expect_err("cycle");
        assert!(e.to_string().contains("cycle"), "{e}");
        assert_eq!(std::fs::read(&path).expect("read"), before);
    }
}
