//! What a library list keeps of a session once it has been read: its counted [`Facts`] (title,
//! date, house, speakers with their parties and person ids, turns, words) and its search
//! [`Digest`] — never the session itself, whose text and model would cost memory in proportion
//! to the whole archive. Both come from the cache when it has them, so a warm library never
//! parses a session to list it; a session is read whole only when it is opened.

use std::path::{Path, PathBuf};

use crate::cache::Cache;
use crate::digest::Digest;
use crate::formats::{Format, ImportError};
use crate::session::{Session, Speaker};

/// What the people index and the year figures read of a session: its date and its speakers.
pub trait Sitting {
    fn date(&self) -> Option<&str>;
    fn speakers(&self) -> &[Speaker];
}

impl Sitting for Session {
    fn date(&self) -> Option<&str> {
        self.meta.date.as_deref()
    }

    fn speakers(&self) -> &[Speaker] {
        &self.speakers
    }
}

impl<T: Sitting + ?Sized> Sitting for std::sync::Arc<T> {
    fn date(&self) -> Option<&str> {
        (**self).date()
    }

    fn speakers(&self) -> &[Speaker] {
        (**self).speakers()
    }
}

impl<T: Sitting + ?Sized> Sitting for &T {
    fn date(&self) -> Option<&str> {
        (**self).date()
    }

    fn speakers(&self) -> &[Speaker] {
        (**self).speakers()
    }
}

/// A session's figures and who speaks in it, counted once.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Facts {
    pub title: String,
    pub date: Option<String>,
    /// The house of a parliament's sitting.
    pub house: Option<String>,
    /// Each speaker's names, kind, party and person id (no summaries, roles or figures), in
    /// `Session::speakers` order.
    pub speakers: Vec<Speaker>,
    /// (turns, words) of each speaker ([`super::speaker_counts`]).
    pub counts: Vec<(usize, usize)>,
    pub turns: usize,
    /// Sentences in all the turns.
    pub quotes: usize,
}

impl Facts {
    pub fn new(session: &Session) -> Facts {
        Facts {
            title: session.meta.title.clone(),
            date: session.meta.date.clone(),
            house: session.meta.house.clone(),
            speakers: session
                .speakers
                .iter()
                .map(|s| {
                    let mut slim = Speaker::new(s.id.clone(), s.name.clone(), s.kind);
                    slim.aliases.clone_from(&s.aliases);
                    slim.party.clone_from(&s.party);
                    slim.person_id.clone_from(&s.person_id);
                    slim
                })
                .collect(),
            counts: super::speaker_counts(session),
            turns: session.turns.len(),
            quotes: session.turns.iter().map(|t| t.sentences.len()).sum(),
        }
    }

    /// Words spoken in the session.
    pub fn words(&self) -> usize {
        self.counts.iter().map(|c| c.1).sum()
    }
}

impl Sitting for Facts {
    fn date(&self) -> Option<&str> {
        self.date.as_deref()
    }

    fn speakers(&self) -> &[Speaker] {
        &self.speakers
    }
}

/// One session of a library as its list holds it: where it is, its facts and its digest.
#[derive(Debug, Clone)]
pub struct Digested {
    pub path: PathBuf,
    pub facts: Facts,
    pub digest: Digest,
}

impl Digested {
    /// Counts `session` (read from `path`); the session can be dropped afterwards.
    pub fn new(path: &Path, session: &Session) -> Digested {
        Digested {
            path: path.to_path_buf(),
            facts: Facts::new(session),
            digest: Digest::new(session),
        }
    }
}

/// `path`'s facts and digest: from the cache when it has both for this version of the file
/// (and of the podium.toml beside it), else by loading the session (through the cache) and
/// keeping what was counted for next time. A forced format reads the file itself.
pub fn digest_one(
    path: &Path,
    format: Option<Format>,
    cache: Option<&Cache>,
) -> Result<Digested, ImportError> {
    if format.is_none()
        && let Some(cache) = cache
        && let Some(facts) = cache.get_facts::<Facts>(path)
        && let Some(digest) = cache.get_digest(path)
        && facts.turns == digest.turns.len()
    {
        return Ok(Digested {
            path: path.to_path_buf(),
            facts,
            digest,
        });
    }
    let item = super::load_one(path, format, cache)?;
    let digested = Digested::new(path, &item.session);
    if let Some(cache) = cache
        && format.is_none()
    {
        cache.put_facts(path, &digested.facts);
        cache.put_digest(path, &digested.digest);
    }
    Ok(digested)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_warm_cache_gives_facts_and_digest_without_the_session() {
        let dir = tempfile::tempdir().expect("tmp");
        let cache = Cache::at(dir.path().join("cache"));
        let file = dir.path().join("s.txt");
        std::fs::write(&file, "Ann: Hello there. Again.\nBen: Hi.\nAnn: Bye.\n").expect("w");
        let cold = digest_one(&file, None, Some(&cache)).expect("loads");
        assert_eq!(cold.facts.counts, [(2, 4), (1, 1)]);
        assert_eq!((cold.facts.turns, cold.facts.quotes), (3, 4));
        assert_eq!(cold.facts.speakers[0].name, "Ann");
        // With the session's entry gone, the facts and digest still come from the cache.
        for entry in std::fs::read_dir(dir.path().join("cache")).expect("dir") {
            let p = entry.expect("entry").path();
            if p.extension().is_some_and(|e| e == "session") {
                std::fs::remove_file(p).expect("rm");
            }
        }
        let warm = digest_one(&file, None, Some(&cache)).expect("cached");
        assert_eq!(warm.facts, cold.facts);
        assert_eq!(warm.digest, cold.digest);
        assert!(
            std::fs::read_dir(dir.path().join("cache"))
                .expect("dir")
                .all(|e| e
                    .expect("e")
                    .path()
                    .extension()
                    .is_none_or(|e| e != "session")),
            "no session was loaded (and so none cached again)"
        );
        // A podium.toml beside the file renames: the cached facts are not served.
        std::fs::write(dir.path().join("podium.toml"), "[rename]\nAnn = \"Anne\"\n").expect("w");
        let renamed = digest_one(&file, None, Some(&cache)).expect("loads");
        assert_eq!(renamed.facts.speakers[0].name, "Anne");
    }
}
