//! The import cache: a session read once is kept under the XDG cache directory, so reopening a
//! large library (or one big file) skips every import. An entry is keyed as git keys its index:
//! the file's canonical path, size, modification and change times (nanoseconds), device and
//! inode, with Podium's version — so a file edited in place with its old mtime put back, or two
//! files swapped, miss. Each entry carries a checksum of its payload: an entry altered on disk
//! is rebuilt, never trusted. Writes go through the one atomic write, so a reader never sees
//! half an entry. Failing to read or write the cache is never an error for the user.

use std::path::{Path, PathBuf};

use crate::files;
use crate::session::{FORMAT_VERSION, Session};

pub struct Cache {
    dir: PathBuf,
}

/// Which of a file's entries: its session, or its search digest.
#[derive(Clone, Copy)]
enum Kind {
    Session,
    Digest,
}

impl Kind {
    fn extension(self) -> &'static str {
        match self {
            Kind::Session => "session",
            Kind::Digest => "digest",
        }
    }
}

/// An entry starts with this, then the key's length and bytes, the payload's checksum, the
/// payload.
const MAGIC: &[u8; 8] = b"PODIUMC1";

impl Cache {
    pub fn at(dir: PathBuf) -> Self {
        Cache { dir }
    }

    /// `$XDG_CACHE_HOME/podium/sessions`, or `~/.cache/podium/sessions`.
    pub fn default_dir() -> Option<PathBuf> {
        files::cache_dir().map(|d| d.join("sessions"))
    }

    /// What identifies one version of one file: its own, and that of every other file its
    /// import reads (a ParlaMint sitting's corpus lists and `-meta.tsv`).
    fn key(path: &Path) -> Option<String> {
        use std::os::unix::fs::MetadataExt;
        let canonical = path.canonicalize().ok()?;
        let m = std::fs::metadata(&canonical).ok()?;
        if !m.is_file() {
            return None;
        }
        let mut inputs = String::new();
        for input in crate::formats::parlamint::inputs_of(&canonical) {
            inputs.push_str(&match std::fs::metadata(&input) {
                Ok(i) => format!(
                    "\0{}:{}.{}.{}",
                    input.display(),
                    i.len(),
                    i.mtime(),
                    i.mtime_nsec()
                ),
                Err(_) => format!("\0{}:-", input.display()),
            });
        }
        Some(
            format!(
                "{}\0{}\0{}.{}\0{}.{}\0{}:{}\0{FORMAT_VERSION}\0{}",
                canonical.display(),
                m.len(),
                m.mtime(),
                m.mtime_nsec(),
                m.ctime(),
                m.ctime_nsec(),
                m.dev(),
                m.ino(),
                env!("CARGO_PKG_VERSION")
            ) + &inputs,
        )
    }

    /// A digest also depends on the podium.toml beside the file, since it carries fixed names.
    fn digest_key(path: &Path) -> Option<String> {
        let toml = std::fs::read(crate::names::Renames::path_beside(path)).unwrap_or_default();
        Some(format!(
            "{}\0digest\0{:016x}",
            Self::key(path)?,
            files::hash(&toml)
        ))
    }

    fn entry(&self, key: &str, kind: Kind) -> PathBuf {
        self.dir.join(format!(
            "{:016x}.{}",
            files::hash(key.as_bytes()),
            kind.extension()
        ))
    }

    /// The entry kept under `key` and where its payload starts, if the entry is whole: its key
    /// matches and its checksum holds. (No copy of the payload: digests are large.)
    fn read(&self, key: &str, kind: Kind, source_len: u64) -> Option<(Vec<u8>, usize)> {
        // An entry is a regular file no larger than its source could make it: anything else
        // (a FIFO, a device, a huge file put in its place) is not read, and is rebuilt.
        let limit = source_len.saturating_mul(16).saturating_add(1 << 20);
        let bytes = files::read_bounded(&self.entry(key, kind), limit, &|_| Ok(())).ok()?;
        let rest = bytes.strip_prefix(MAGIC)?;
        let n = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
        let end = 4usize.checked_add(n)?;
        if rest.get(4..end)? != key.as_bytes() {
            return None;
        }
        let sum = u64::from_le_bytes(rest.get(end..end + 8)?.try_into().ok()?);
        let payload = rest.get(end + 8..)?;
        let start = MAGIC.len() + end + 8;
        (files::hash(payload) == sum).then_some((bytes, start))
    }

    fn write(&self, key: &str, kind: Kind, payload: &[u8]) {
        let Ok(len) = u32::try_from(key.len()) else {
            return;
        };
        let mut bytes = Vec::with_capacity(MAGIC.len() + 12 + key.len() + payload.len());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&len.to_le_bytes());
        bytes.extend_from_slice(key.as_bytes());
        bytes.extend_from_slice(&files::hash(payload).to_le_bytes());
        bytes.extend_from_slice(payload);
        let _ = files::atomic_write(&self.entry(key, kind), &bytes);
    }

    /// The cached session for `path`, when there is one for this exact version of the file.
    pub fn get(&self, path: &Path) -> Option<Session> {
        let len = std::fs::metadata(path).ok()?.len();
        let (bytes, start) = self.read(&Self::key(path)?, Kind::Session, len)?;
        let session: Session = serde_json::from_slice(&bytes[start..]).ok()?;
        (session.format_version == FORMAT_VERSION).then_some(session)
    }

    /// Keeps `session` for `path`.
    pub fn put(&self, path: &Path, session: &Session) {
        let Some(key) = Self::key(path) else {
            return;
        };
        if let Ok(json) = serde_json::to_vec(session) {
            self.write(&key, Kind::Session, &json);
        }
    }

    /// The cached search digest of `path`, when there is one for this version of the file and
    /// of the podium.toml beside it.
    pub fn get_digest(&self, path: &Path) -> Option<crate::digest::Digest> {
        let len = std::fs::metadata(path).ok()?.len();
        let (bytes, start) = self.read(&Self::digest_key(path)?, Kind::Digest, len)?;
        crate::digest::Digest::decode_from(bytes, start)
    }

    /// Keeps a search digest for `path`.
    pub fn put_digest(&self, path: &Path, digest: &crate::digest::Digest) {
        if let Some(key) = Self::digest_key(path) {
            self.write(&key, Kind::Digest, &digest.encode());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<PathBuf> {
        std::fs::read_dir(dir)
            .expect("dir")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "session"))
            .collect()
    }

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
        std::fs::write(cache.entry(&key, Kind::Session), "{ not json").expect("write");
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

    #[test]
    fn an_edit_that_keeps_size_and_mtime_misses() {
        let dir = tempfile::tempdir().expect("tmp");
        let cache = Cache::at(dir.path().join("cache"));
        let file = dir.path().join("s.txt");
        std::fs::write(&file, "Ann: Hello.\nBen: Hi.\n").expect("write");
        let session = crate::formats::load_path(&file, None)
            .expect("loads")
            .session;
        cache.put(&file, &session);
        let mtime = std::fs::metadata(&file)
            .expect("meta")
            .modified()
            .expect("mtime");
        // Same size, old mtime put back (as `touch -r` does): the change time still moves.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&file, "Ann: Jello.\nBen: Hi.\n").expect("write");
        std::fs::File::options()
            .write(true)
            .open(&file)
            .expect("open")
            .set_modified(mtime)
            .expect("set mtime");
        assert!(cache.get(&file).is_none(), "the edit is seen");
    }

    #[test]
    fn an_altered_entry_is_rebuilt_not_trusted() {
        let dir = tempfile::tempdir().expect("tmp");
        let cache_dir = dir.path().join("cache");
        let cache = Cache::at(cache_dir.clone());
        let file = dir.path().join("s.txt");
        std::fs::write(&file, "Ann: Hello there.\nBen: Hi.\n").expect("write");
        let session = crate::formats::load_path(&file, None)
            .expect("loads")
            .session;
        cache.put(&file, &session);
        let entry = entries(&cache_dir).pop().expect("one entry");
        let bytes = std::fs::read(&entry).expect("read");
        let text = String::from_utf8_lossy(&bytes).replace("there", "THERE");
        assert_ne!(text.as_bytes(), bytes.as_slice());
        std::fs::write(&entry, text.as_bytes()).expect("alter");
        assert!(cache.get(&file).is_none(), "the checksum catches the edit");
    }

    #[test]
    fn an_entry_replaced_by_a_fifo_a_device_or_a_huge_file_is_not_read() {
        let dir = tempfile::tempdir().expect("tmp");
        let cache = Cache::at(dir.path().join("cache"));
        let file = dir.path().join("s.txt");
        std::fs::write(&file, "Ann: Hello.\nBen: Hi.\n").expect("write");
        let session = crate::formats::load_path(&file, None)
            .expect("loads")
            .session;
        cache.put(&file, &session);
        let entry = cache.entry(&Cache::key(&file).expect("key"), Kind::Session);
        std::fs::remove_file(&entry).expect("rm");
        std::os::unix::fs::symlink("/dev/zero", &entry).expect("link");
        assert!(cache.get(&file).is_none());
        std::fs::remove_file(&entry).expect("rm");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&entry)
                .status()
                .expect("mkfifo")
                .success()
        );
        assert!(
            cache.get(&file).is_none(),
            "a FIFO is refused, not waited on"
        );
        std::fs::remove_file(&entry).expect("rm");
        std::fs::File::create(&entry)
            .expect("create")
            .set_len(1 << 30)
            .expect("sparse");
        assert!(cache.get(&file).is_none(), "a huge entry is not read");
    }

    proptest::proptest! {
        /// Any change to any byte of an entry, or cutting it anywhere, is never served.
        #[test]
        fn corrupted_digests_are_never_served(at in 0usize..4096, byte in 0u8..=255, cut in proptest::bool::ANY) {
            let dir = tempfile::tempdir().expect("tmp");
            let cache = Cache::at(dir.path().join("cache"));
            let file = dir.path().join("s.txt");
            std::fs::write(&file, "Ann: Hello there.\nBen: Hi, how are you.\nAnn: Fine.\n").expect("write");
            let session = crate::formats::load_path(&file, None).expect("loads").session;
            let digest = crate::digest::Digest::new(&session);
            cache.put_digest(&file, &digest);
            let key = Cache::digest_key(&file).expect("key");
            let entry = cache.entry(&key, Kind::Digest);
            let mut bytes = std::fs::read(&entry).expect("read");
            let at = at % bytes.len();
            if cut {
                bytes.truncate(at);
            } else {
                proptest::prop_assume!(bytes[at] != byte);
                bytes[at] = byte;
            }
            std::fs::write(&entry, &bytes).expect("write");
            proptest::prop_assert!(cache.get_digest(&file).is_none());
        }
    }
}
