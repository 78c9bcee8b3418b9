//! The import cache: a session read once is kept as Podium JSON under the XDG cache directory,
//! keyed by the file's path, size and modification time (and Podium's version), so reopening a
//! large library skips every import. A stale or unreadable entry is rebuilt, never trusted;
//! writes go to a temporary file renamed into place, so a reader never sees half an entry.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::session::{FORMAT_VERSION, Session};

pub struct Cache {
    dir: PathBuf,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    key: String,
    session: Session,
}

/// FNV-1a: a stable, dependency-free hash for file names (not for security).
pub(crate) fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl Cache {
    pub fn at(dir: PathBuf) -> Self {
        Cache { dir }
    }

    /// `$XDG_CACHE_HOME/podium/sessions`, or `~/.cache/podium/sessions`.
    pub fn default_dir() -> Option<PathBuf> {
        let base = std::env::var_os("XDG_CACHE_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
        Some(base.join("podium").join("sessions"))
    }

    /// What identifies one version of one file.
    fn key(path: &Path) -> Option<String> {
        let meta = std::fs::metadata(path).ok()?;
        let modified = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_nanos();
        let canonical = path.canonicalize().ok()?;
        Some(format!(
            "{}\0{}\0{modified}\0{FORMAT_VERSION}\0{}",
            canonical.display(),
            meta.len(),
            env!("CARGO_PKG_VERSION")
        ))
    }

    fn entry(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{:016x}.json", fnv1a(key)))
    }

    /// The cached session for `path`, when there is one for this exact version of the file.
    pub fn get(&self, path: &Path) -> Option<Session> {
        let key = Self::key(path)?;
        let text = std::fs::read_to_string(self.entry(&key)).ok()?;
        let stored: Stored = serde_json::from_str(&text).ok()?;
        (stored.key == key && stored.session.format_version == FORMAT_VERSION)
            .then_some(stored.session)
    }

    /// What identifies a search digest of `path`: the file's key and the podium.toml beside it,
    /// since digests carry the fixed names.
    fn digest_key(path: &Path) -> Option<String> {
        let toml =
            std::fs::read_to_string(crate::names::Renames::path_beside(path)).unwrap_or_default();
        Some(format!(
            "{}\0digest\0{:016x}",
            Self::key(path)?,
            fnv1a(&toml)
        ))
    }

    /// The cached search digest of `path`, when there is one for this version of the file and
    /// of the podium.toml beside it.
    pub fn get_digest(&self, path: &Path) -> Option<crate::digest::Digest> {
        let key = Self::digest_key(path)?;
        let bytes = std::fs::read(self.entry(&key).with_extension("bin")).ok()?;
        let (stored_key, rest) = split_key(&bytes)?;
        (stored_key == key.as_bytes())
            .then(|| crate::digest::Digest::decode(rest))
            .flatten()
    }

    /// Keeps a search digest for `path`.
    pub fn put_digest(&self, path: &Path, digest: &crate::digest::Digest) {
        let Some(key) = Self::digest_key(path) else {
            return;
        };
        let mut bytes = Vec::new();
        bytes.extend_from_slice(&(key.len() as u32).to_le_bytes());
        bytes.extend_from_slice(key.as_bytes());
        bytes.extend(digest.encode());
        self.write(&self.entry(&key).with_extension("bin"), &bytes);
    }

    fn write(&self, target: &Path, bytes: &[u8]) {
        let tmp = target.with_extension(format!("tmp{}", std::process::id()));
        let written = std::fs::create_dir_all(&self.dir)
            .and_then(|()| std::fs::write(&tmp, bytes))
            .and_then(|()| std::fs::rename(&tmp, target));
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }

    /// Keeps `session` for `path`. Failing to write a cache entry is not an error for the user.
    pub fn put(&self, path: &Path, session: &Session) {
        let Some(key) = Self::key(path) else {
            return;
        };
        let target = self.entry(&key);
        let stored = Stored {
            key,
            session: session.clone(),
        };
        let Ok(json) = serde_json::to_string(&stored) else {
            return;
        };
        self.write(&target, json.as_bytes());
    }
}

/// A digest entry starts with its key: a length, then the bytes.
fn split_key(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let n = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
    let end = 4usize.checked_add(n)?;
    Some((bytes.get(4..end)?, bytes.get(end..)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_reuses_and_rebuilds_stale_or_corrupt_entries() {
        let dir = tempfile::tempdir().expect("tmp");
        let cache = Cache::at(dir.path().join("cache"));
        let file = dir.path().join("s.txt");
        std::fs::write(&file, "Ann: Hello.\nBen: Hi.\n").expect("write");
        let session = crate::formats::load_path(&file, None)
            .expect("loads")
            .session;
        assert!(cache.get(&file).is_none());
        cache.put(&file, &session);
        assert_eq!(cache.get(&file), Some(session.clone()));
        // A changed file (size differs) misses.
        std::fs::write(&file, "Ann: Hello there.\nBen: Hi.\n").expect("write");
        assert!(cache.get(&file).is_none());
        // A corrupt entry misses rather than failing.
        let key = Cache::key(&file).expect("key");
        std::fs::write(cache.entry(&key), "{ not json").expect("write");
        assert!(cache.get(&file).is_none());
        cache.put(&file, &session);
        assert!(cache.get(&file).is_some());
        // Digests too, and a podium.toml beside the file is part of their key.
        let digest = crate::digest::Digest::new(&session);
        assert!(cache.get_digest(&file).is_none());
        cache.put_digest(&file, &digest);
        assert_eq!(cache.get_digest(&file), Some(digest));
        std::fs::write(dir.path().join("podium.toml"), "[rename]\nAnn = \"Anne\"\n").expect("w");
        assert!(cache.get_digest(&file).is_none());
    }
}
