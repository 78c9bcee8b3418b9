//! Walking folders: each file once (by device and inode), symlinks followed with loops
//! detected and never out of the folders given (a link to `/proc` or `/` is not walked), hidden
//! entries left out, FIFOs, devices and sockets skipped and said.

use std::path::{Path, PathBuf};

use super::kind_name;

/// What a walk found: files to read, and what it passed over with why.
#[derive(Debug, Default)]
pub struct Walk {
    pub files: Vec<PathBuf>,
    pub skipped: Vec<(PathBuf, String)>,
}

/// Files under `inputs` whose ending is one of `extensions` (lower case): a file named itself
/// is taken whatever its ending; folders are walked in name order, hidden entries left out,
/// symlinks followed with loops detected (a folder link that leads out of every folder given is
/// not followed), each file listed once (by device and inode), and FIFOs, devices and sockets
/// skipped and said.
pub fn walk(inputs: &[PathBuf], extensions: &[&str]) -> Walk {
    use std::os::unix::fs::MetadataExt;
    let mut out = Walk::default();
    let mut seen = std::collections::HashSet::new();
    let roots: Vec<PathBuf> = inputs
        .iter()
        .filter(|p| p.is_dir())
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    let left = std::cell::RefCell::new(Vec::new());
    for input in inputs {
        if !input.is_dir() {
            out.files.push(input.clone());
            continue;
        }
        let walker = walkdir::WalkDir::new(input)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                if e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.') {
                    return false;
                }
                // A folder reached through a link must stay inside the folders given.
                let outside = e.path_is_symlink()
                    && e.file_type().is_dir()
                    && e.path()
                        .canonicalize()
                        .is_ok_and(|t| !roots.iter().any(|r| t.starts_with(r)));
                if outside {
                    left.borrow_mut().push(e.path().to_path_buf());
                }
                !outside
            });
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = e.path().map_or_else(|| input.clone(), Path::to_path_buf);
                    let why = if e.loop_ancestor().is_some() {
                        "symlink loop; not followed again".to_string()
                    } else {
                        match e.io_error().map(std::io::Error::kind) {
                            Some(std::io::ErrorKind::NotFound) => {
                                "no such file (a dangling symlink?)".to_string()
                            }
                            Some(k) => k.to_string(),
                            None => e.to_string(),
                        }
                    };
                    out.skipped.push((path, why));
                    continue;
                }
            };
            if entry.file_type().is_dir() {
                continue;
            }
            let wanted = entry
                .path()
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e.to_lowercase().as_str()));
            if !wanted {
                continue;
            }
            let Ok(meta) = entry.metadata() else {
                out.skipped
                    .push((entry.path().to_path_buf(), "cannot be read".into()));
                continue;
            };
            if !meta.is_file() {
                out.skipped.push((
                    entry.path().to_path_buf(),
                    format!("{}, not a regular file", kind_name(&meta)),
                ));
                continue;
            }
            if seen.insert((meta.dev(), meta.ino())) {
                out.files.push(entry.into_path());
            }
        }
    }
    for path in left.into_inner() {
        out.skipped
            .push((path, "a link out of the folder; not followed".into()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_each_file_once_through_loops_and_skips_fifos() {
        let dir = tempfile::tempdir().expect("tmp");
        let d = dir.path();
        std::fs::create_dir_all(d.join("sub")).expect("dir");
        std::fs::write(d.join("a.txt"), "x").expect("w");
        std::fs::write(d.join("sub/b.vtt"), "x").expect("w");
        std::fs::write(d.join("notes.pdf"), "x").expect("w");
        std::fs::write(d.join(".hidden.txt"), "x").expect("w");
        std::os::unix::fs::symlink(d, d.join("loop")).expect("link");
        std::os::unix::fs::symlink(d.join("sub"), d.join("sub/again")).expect("link");
        std::os::unix::fs::symlink(d.join("sub"), d.join("alias")).expect("link");
        let fifo = d.join("pipe.txt");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo");
        assert!(status.success());
        let w = walk(&[d.to_path_buf()], &["txt", "vtt"]);
        let names: Vec<String> = w
            .files
            .iter()
            .map(|p| p.strip_prefix(d).expect("inside").display().to_string())
            .collect();
        assert_eq!(names, ["a.txt", "alias/b.vtt"]);
        assert!(
            w.skipped
                .iter()
                .any(|(p, why)| p.ends_with("pipe.txt") && why.contains("FIFO")),
            "{:?}",
            w.skipped
        );
        assert!(w.skipped.iter().any(|(_, why)| why.contains("loop")));
    }

    #[test]
    fn links_out_of_the_folder_are_not_walked() {
        let dir = tempfile::tempdir().expect("tmp");
        let lib = dir.path().join("lib");
        let outside = dir.path().join("outside");
        std::fs::create_dir_all(&lib).expect("dir");
        std::fs::create_dir_all(&outside).expect("dir");
        std::fs::write(lib.join("a.txt"), "x").expect("w");
        std::fs::write(outside.join("b.txt"), "x").expect("w");
        std::os::unix::fs::symlink(&outside, lib.join("out")).expect("link");
        std::os::unix::fs::symlink("/proc", lib.join("proc")).expect("link");
        std::os::unix::fs::symlink(lib.join("nowhere"), lib.join("gone.txt")).expect("link");
        let w = walk(std::slice::from_ref(&lib), &["txt"]);
        assert_eq!(w.files, [lib.join("a.txt")]);
        let why: Vec<String> = w
            .skipped
            .iter()
            .map(|(p, why)| format!("{} {why}", p.display()))
            .collect();
        assert!(
            why.iter()
                .any(|s| s.ends_with("proc a link out of the folder; not followed")),
            "{why:?}"
        );
        assert!(
            why.iter()
                .any(|s| s.ends_with("out a link out of the folder; not followed")),
            "{why:?}"
        );
        assert!(
            why.iter()
                .any(|s| s.contains("gone.txt") && s.contains("dangling")),
            "{why:?}"
        );
    }
}
