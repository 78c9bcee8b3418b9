//! The search history: the queries a reader went to a hit with, kept per user in
//! `$XDG_DATA_HOME/podium/search-history` (one a line, oldest first, at most [`CAP`]), so `/`
//! then `↑` brings back yesterday's query. Written atomically under a lock, merged with what
//! another browser added meanwhile.

use std::path::{Path, PathBuf};

use podium::files::{self, FileError};

/// Queries kept.
pub const CAP: usize = 200;

/// The history file, when there is a data folder.
pub fn path() -> Option<PathBuf> {
    files::data_dir().map(|d| d.join("search-history"))
}

fn parse(bytes: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The queries kept in `path`, oldest first; none when it is missing or unreadable (a
/// history is a convenience, never a reason not to open).
pub fn load(path: &Path) -> Vec<String> {
    match files::read_state(path) {
        Ok(Some(bytes)) => parse(&bytes),
        _ => Vec::new(),
    }
}

/// Adds `query` last (once), keeping the newest [`CAP`].
pub fn add(path: &Path, query: &str) -> Result<(), FileError> {
    // One line a query: a line break or control character would split or spoil the file.
    let query: String = query
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let query = query.trim();
    if query.is_empty() {
        return Ok(());
    }
    files::with_lock(path, || {
        let mut all = files::read_state(path)?.map_or_else(Vec::new, |b| parse(&b));
        all.retain(|q| q != query);
        all.push(query.to_string());
        let over = all.len().saturating_sub(CAP);
        let mut text = all[over..].join("\n");
        text.push('\n');
        files::atomic_write(path, text.as_bytes())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_kept_once_newest_last_and_capped() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("podium/search-history");
        assert!(load(&path).is_empty());
        add(&path, "cyber hygene").expect("add");
        add(&path, "budget\n\x1b[2J").expect("add");
        add(&path, "cyber hygene").expect("add");
        assert_eq!(load(&path), ["budget  [2J", "cyber hygene"]);
        for i in 0..CAP + 5 {
            add(&path, &format!("q{i}")).expect("add");
        }
        let all = load(&path);
        assert_eq!(all.len(), CAP);
        assert_eq!(
            all.last().map(String::as_str),
            Some(format!("q{}", CAP + 4).as_str())
        );
    }
}
