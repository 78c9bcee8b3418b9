//! Everything Podium does with the file system, in one leaf module the rest of the core shares:
//! the XDG folders, a content hash, bounded reads that never block on special files, the one
//! atomic write, writing a user's `-o` target, setting an unreadable file aside, an advisory
//! lock for read–merge–write cycles, and walking folders (each file once, symlink loops
//! detected, special files skipped and said).
//!
//! It imports nothing else from Podium.

use std::fs::{File, Metadata};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use thiserror::Error;

mod fifo;
mod hash;
mod mapped;
mod pages;
mod walk;

pub use hash::{Hashing, hash, hash_file};
pub use mapped::{Mapped, SharedText, Spill, map_bounded};
pub use pages::{Populating, populate_spare};
pub use walk::{Walk, walk};

/// The most a session file may hold. A transcript of several days is a few hundred MB.
pub const MAX_INPUT: u64 = 2 << 30;

/// How much of a file is read first, to refuse binary data before reading the rest.
pub const SNIFF: usize = 64 * 1024;

/// A file-system failure, naming the path it concerns. Displays as `PATH: what happened`.
#[derive(Debug, Error)]
#[error("{}: {kind}", path.display())]
pub struct FileError {
    pub path: PathBuf,
    pub kind: FileErrorKind,
}

#[derive(Debug, Error)]
pub enum FileErrorKind {
    #[error("no such file")]
    NotFound,
    #[error("permission denied")]
    PermissionDenied,
    #[error("is a directory")]
    Directory,
    #[error("is not a regular file ({0})")]
    NotRegular(&'static str),
    #[error("larger than {} MB ({} MB); Podium reads files up to that size", .limit >> 20, .size >> 20)]
    TooLarge { size: u64, limit: u64 },
    #[error("{0}")]
    Refused(String),
    #[error("already exists (use --force to replace it)")]
    Exists,
    #[error("{0}")]
    Io(io::Error),
}

impl FileError {
    pub fn new(path: &Path, kind: FileErrorKind) -> Self {
        FileError {
            path: path.to_path_buf(),
            kind,
        }
    }

    /// An I/O error, with the common kinds said plainly.
    pub fn io(path: &Path, e: io::Error) -> Self {
        let kind = match e.kind() {
            io::ErrorKind::NotFound => FileErrorKind::NotFound,
            io::ErrorKind::PermissionDenied => FileErrorKind::PermissionDenied,
            io::ErrorKind::AlreadyExists => FileErrorKind::Exists,
            _ => FileErrorKind::Io(e),
        };
        FileError::new(path, kind)
    }
}

// ---------------------------------------------------------------------------------------------
// Folders

fn strategy() -> Option<impl etcetera::BaseStrategy> {
    etcetera::choose_base_strategy().ok()
}

/// `$XDG_CACHE_HOME/podium` (or `~/.cache/podium`).
pub fn cache_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    strategy().map(|s| s.cache_dir().join("podium"))
}

/// `$XDG_DATA_HOME/podium` (or `~/.local/share/podium`): marks, codes, the bundled session's
/// renames, search history.
pub fn data_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    strategy().map(|s| s.data_dir().join("podium"))
}

/// `$XDG_CONFIG_HOME/podium` (or `~/.config/podium`).
pub fn config_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    strategy().map(|s| s.config_dir().join("podium"))
}

// ---------------------------------------------------------------------------------------------
// Reading

fn kind_name(meta: &Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_fifo() {
        "a FIFO"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "not a file"
    }
}

/// Opens `path` for reading only if it is a regular file (following symlinks). A FIFO or a
/// device is refused before it is opened, so nothing ever blocks on one.
pub fn open_regular(path: &Path) -> Result<(File, Metadata), FileError> {
    let meta = std::fs::metadata(path).map_err(|e| FileError::io(path, e))?;
    if meta.is_dir() {
        return Err(FileError::new(path, FileErrorKind::Directory));
    }
    if !meta.is_file() {
        return Err(FileError::new(
            path,
            FileErrorKind::NotRegular(kind_name(&meta)),
        ));
    }
    let file = File::open(path).map_err(|e| FileError::io(path, e))?;
    // The path may have been swapped between the two looks: check what was opened.
    let meta = file.metadata().map_err(|e| FileError::io(path, e))?;
    if !meta.is_file() {
        return Err(FileError::new(
            path,
            FileErrorKind::NotRegular(kind_name(&meta)),
        ));
    }
    Ok((file, meta))
}

/// Reads a regular file of at most `limit` bytes. `sniff` sees the first block (up to
/// [`SNIFF`] bytes) before the rest is read and may refuse the file, so refusing a 1 GB binary
/// file costs one block.
pub fn read_bounded(
    path: &Path,
    limit: u64,
    sniff: &dyn Fn(&[u8]) -> Result<(), FileErrorKind>,
) -> Result<Vec<u8>, FileError> {
    let (file, meta) = open_regular(path)?;
    if meta.len() > limit {
        return Err(FileError::new(
            path,
            FileErrorKind::TooLarge {
                size: meta.len(),
                limit,
            },
        ));
    }
    read_limited(file, path, limit, meta.len(), sniff)
}

/// Reads standard input (an explicit `-`) under the same limit and sniff.
pub fn read_stdin_bounded(
    limit: u64,
    sniff: &dyn Fn(&[u8]) -> Result<(), FileErrorKind>,
) -> Result<Vec<u8>, FileError> {
    read_limited(io::stdin().lock(), Path::new("-"), limit, 0, sniff)
}

fn read_limited(
    reader: impl Read,
    path: &Path,
    limit: u64,
    expected: u64,
    sniff: &dyn Fn(&[u8]) -> Result<(), FileErrorKind>,
) -> Result<Vec<u8>, FileError> {
    // The size may grow while reading: never read more than the limit and one byte.
    let mut reader = reader.take(limit.saturating_add(1));
    let capacity = usize::try_from(expected.min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity.max(SNIFF.min(capacity.max(1))));
    let mut first = (&mut reader).take(SNIFF as u64);
    first
        .read_to_end(&mut bytes)
        .map_err(|e| FileError::io(path, e))?;
    sniff(&bytes).map_err(|kind| FileError::new(path, kind))?;
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| FileError::io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(FileError::new(
            path,
            FileErrorKind::TooLarge {
                size: bytes.len() as u64,
                limit,
            },
        ));
    }
    Ok(bytes)
}

/// Reads a small state file (marks, settings). `Ok(None)` when there is none; any other failure
/// (unreadable, not a regular file, too large) is an error, never "empty".
pub fn read_state(path: &Path) -> Result<Option<Vec<u8>>, FileError> {
    match read_bounded(path, 256 << 20, &|_| Ok(())) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(FileError {
            kind: FileErrorKind::NotFound,
            ..
        }) => Ok(None),
        Err(e) => Err(e),
    }
}

// ---------------------------------------------------------------------------------------------
// Writing

/// The one atomic write: a temporary file in the target's folder, written, flushed to disk
/// (fsync) and renamed over `path`, so a reader sees the old content or the new, never half.
/// Creates the folder when missing.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    atomic_write_with(path, |file| file.write_all(bytes))
}

/// [`atomic_write`] of what `write` writes into the temporary file (which it may seek in), so a
/// large payload goes to disk as it is made rather than whole into memory first.
pub fn atomic_write_with(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<(), FileError> {
    let dir = folder_of(path);
    std::fs::create_dir_all(dir).map_err(|e| FileError::io(dir, e))?;
    written_beside(path, write)?
        .persist(path)
        .map_err(|e| FileError::io(path, e.error))?;
    // The rename itself is durable once the folder is synced; failing that is not fatal.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// The folder a path's file is in (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// What `write` writes in a temporary file beside `path`, flushed to disk (fsync), ready to be
/// renamed.
fn written_beside(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<tempfile::NamedTempFile, FileError> {
    let dir = folder_of(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(".podium-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| FileError::io(dir, e))?;
    write(tmp.as_file_mut()).map_err(|e| FileError::io(path, e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| FileError::io(path, e))?;
    Ok(tmp)
}

/// Writes a user's output file (`-o OUT`). A new file or, with `force`, an existing regular
/// file is written atomically. Anything else that exists — a FIFO, a device, a symlink — is
/// never replaced: with `force` it is written into as it is (`-o /dev/null` stays a device);
/// without, the write is refused like any existing file.
pub fn write_output(path: &Path, bytes: &[u8], force: bool) -> Result<(), FileError> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            // Not there: create it, but never race another writer into replacing its file.
            written_beside(path, |file| file.write_all(bytes))?
                .persist_noclobber(path)
                .map_err(|e| FileError::io(path, e.error))?;
            Ok(())
        }
        Err(e) => Err(FileError::io(path, e)),
        Ok(_) if !force => Err(FileError::new(path, FileErrorKind::Exists)),
        Ok(meta) if meta.is_file() => atomic_write(path, bytes),
        Ok(meta) if meta.is_dir() => Err(FileError::new(
            path,
            FileErrorKind::Refused("is a directory".into()),
        )),
        Ok(_) => {
            use std::os::unix::fs::FileTypeExt;
            // A symlink, FIFO or device: write into what is there, keep it what it is.
            let target = std::fs::metadata(path).map_err(|e| FileError::io(path, e))?;
            if target.is_dir() {
                return Err(FileError::new(
                    path,
                    FileErrorKind::Refused("is a directory".into()),
                ));
            }
            let mut f = if target.file_type().is_fifo() {
                fifo::open_fifo_for_writing(path)?
            } else {
                std::fs::OpenOptions::new()
                    .write(true)
                    .truncate(target.is_file())
                    .open(path)
                    .map_err(|e| FileError::io(path, e))?
            };
            f.write_all(bytes).map_err(|e| FileError::io(path, e))?;
            f.flush().map_err(|e| FileError::io(path, e))
        }
    }
}

/// Creates `STEM.EXT` in `dir`, or `STEM-2.EXT`, `STEM-3.EXT`, … — never over an existing
/// file, even one another process creates meanwhile. Returns the path written.
pub fn create_numbered(
    dir: &Path,
    stem: &str,
    ext: &str,
    bytes: &[u8],
) -> Result<PathBuf, FileError> {
    for n in 1..10_000u32 {
        let name = if n == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let path = dir.join(name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                f.write_all(bytes).map_err(|e| FileError::io(&path, e))?;
                return Ok(path);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(FileError::io(&path, e)),
        }
    }
    Err(FileError::new(
        &dir.join(format!("{stem}.{ext}")),
        FileErrorKind::Refused("too many files with this name".into()),
    ))
}

/// Moves an unreadable state file aside, beside itself, under a name no other set-aside file
/// has (`NAME.corrupt-SECONDS-NANOS-PID[-N]`). Returns where it went.
pub fn set_aside(path: &Path) -> Result<PathBuf, FileError> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let name = path
        .file_name()
        .map_or_else(|| "state".into(), |n| n.to_string_lossy().into_owned());
    for n in 0..1000u32 {
        let suffix = if n == 0 {
            String::new()
        } else {
            format!("-{n}")
        };
        let aside = path.with_file_name(format!(
            "{name}.corrupt-{}-{:09}-{}{suffix}",
            now.as_secs(),
            now.subsec_nanos(),
            std::process::id()
        ));
        // A hard link fails when the name is taken, so nothing set aside is ever replaced.
        match std::fs::hard_link(path, &aside) {
            Ok(()) => {
                std::fs::remove_file(path).map_err(|e| FileError::io(path, e))?;
                return Ok(aside);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(FileError::io(path, e)),
        }
    }
    Err(FileError::new(
        path,
        FileErrorKind::Refused("no free name to set it aside".into()),
    ))
}

/// Holds an exclusive advisory lock on `PATH.lock` while `f` runs, so two Podium processes
/// doing read–merge–write on one state file take turns.
pub fn with_lock<T>(path: &Path, f: impl FnOnce() -> Result<T, FileError>) -> Result<T, FileError> {
    let mut name = path.as_os_str().to_owned();
    name.push(".lock");
    let lock_path = PathBuf::from(name);
    if let Some(dir) = lock_path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| FileError::io(dir, e))?;
    }
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|e| FileError::io(&lock_path, e))?;
    lock.lock().map_err(|e| FileError::io(&lock_path, e))?;
    let out = f();
    let _ = lock.unlock();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_creates_folders() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("a/b/state.json");
        atomic_write(&p, b"one").expect("write");
        atomic_write(&p, b"two").expect("write");
        assert_eq!(std::fs::read(&p).expect("read"), b"two");
        let leftovers = std::fs::read_dir(p.parent().expect("dir"))
            .expect("list")
            .count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }

    #[test]
    fn output_never_replaces_without_force_nor_replaces_a_special_file() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("out.json");
        write_output(&p, b"1", false).expect("new file");
        let e = write_output(&p, b"2", false).expect_err("exists");
        assert!(matches!(e.kind, FileErrorKind::Exists), "{e}");
        write_output(&p, b"3", true).expect("forced");
        assert_eq!(std::fs::read(&p).expect("read"), b"3");
        // A symlink stays a symlink; what it points to gets the bytes.
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&p, &link).expect("symlink");
        write_output(&link, b"4", true).expect("through the link");
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&p).expect("read"), b"4");
        // A device stays a device.
        write_output(Path::new("/dev/null"), b"x", true).expect("into the device");
        // A FIFO with nothing reading it is refused at once rather than waited on.
        let fifo = dir.path().join("fifo");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .expect("mkfifo")
                .success()
        );
        let e = write_output(&fifo, b"x", true).expect_err("no reader");
        assert!(e.to_string().contains("nothing reading it"), "{e}");
        let meta = std::fs::metadata("/dev/null").expect("meta");
        assert!(!meta.is_file());
    }

    #[test]
    fn reads_refuse_special_files_large_files_and_sniffed_content() {
        let dir = tempfile::tempdir().expect("tmp");
        let e = read_bounded(Path::new("/dev/zero"), MAX_INPUT, &|_| Ok(())).expect_err("device");
        assert!(e.to_string().contains("character device"), "{e}");
        let e = read_bounded(dir.path(), MAX_INPUT, &|_| Ok(())).expect_err("dir");
        assert!(matches!(e.kind, FileErrorKind::Directory));
        let p = dir.path().join("big.txt");
        std::fs::write(&p, vec![b'a'; 100]).expect("write");
        let e = read_bounded(&p, 10, &|_| Ok(())).expect_err("too large");
        assert!(matches!(e.kind, FileErrorKind::TooLarge { .. }), "{e}");
        let e = read_bounded(&p, 1000, &|b| {
            assert_eq!(b.len(), 100);
            Err(FileErrorKind::Refused("no".into()))
        })
        .expect_err("sniffed");
        assert_eq!(e.to_string(), format!("{}: no", p.display()));
        assert_eq!(read_bounded(&p, 1000, &|_| Ok(())).expect("ok").len(), 100);
        assert!(
            read_state(&dir.path().join("none"))
                .expect("absent")
                .is_none()
        );
    }

    #[test]
    fn numbered_files_never_replace_one_another() {
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::write(dir.path().join("s-2.md"), "kept").expect("w");
        let names: Vec<String> = (0..4)
            .map(|i| {
                let p = create_numbered(dir.path(), "s", "md", format!("{i}").as_bytes())
                    .expect("create");
                p.file_name().expect("name").to_string_lossy().into_owned()
            })
            .collect();
        assert_eq!(names, ["s.md", "s-3.md", "s-4.md", "s-5.md"]);
        assert_eq!(
            std::fs::read_to_string(dir.path().join("s-2.md")).expect("r"),
            "kept"
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("s-4.md")).expect("r"),
            "2"
        );
    }

    #[test]
    fn set_aside_names_are_unique() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("m.json");
        let mut asides = Vec::new();
        for i in 0..5 {
            std::fs::write(&p, format!("bad {i}")).expect("write");
            asides.push(set_aside(&p).expect("aside"));
        }
        asides.sort();
        asides.dedup();
        assert_eq!(asides.len(), 5);
        assert!(!p.exists());
    }

    #[test]
    fn the_lock_serialises_read_merge_write() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("count");
        std::fs::write(&p, "0").expect("w");
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let p = p.clone();
                std::thread::spawn(move || {
                    for _ in 0..20 {
                        with_lock(&p, || {
                            let n: u32 = std::fs::read_to_string(&p)
                                .expect("read")
                                .parse()
                                .expect("number");
                            atomic_write(&p, (n + 1).to_string().as_bytes())
                        })
                        .expect("locked write");
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().expect("thread");
        }
        assert_eq!(std::fs::read_to_string(&p).expect("read"), "160");
    }
}
