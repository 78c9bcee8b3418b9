//! Large files of Podium's own read without a copy: a read-only map of a regular file, and
//! text that is either owned or a checked range of such a map. A warm search of one big file
//! reads a digest as large as the file's quotes; copying it into memory cost more than
//! searching it.

use std::path::Path;
use std::sync::Arc;

use super::{FileError, FileErrorKind, open_regular};

/// Files smaller than this are read, not mapped: a map costs more than a small read.
const MAP_FROM: u64 = 1 << 16;

/// The bytes of a regular file: mapped read-only, or read when small.
pub struct Mapped(Bytes);

enum Bytes {
    Map(memmap2::Mmap),
    Read(Vec<u8>),
}

impl std::ops::Deref for Mapped {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match &self.0 {
            Bytes::Map(m) => m,
            Bytes::Read(v) => v,
        }
    }
}

/// Maps a regular file of at most `limit` bytes (a FIFO or device is refused, as by
/// [`super::read_bounded`]).
///
/// Only for files Podium writes itself by atomic replace ([`super::atomic_write`]): a file is
/// never changed in place, so the mapped bytes stay what they were when opened.
pub fn map_bounded(path: &Path, limit: u64) -> Result<Mapped, FileError> {
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
    if meta.len() < MAP_FROM {
        let bytes = super::read_bounded(path, limit, &|_| Ok(()))?;
        return Ok(Mapped(Bytes::Read(bytes)));
    }
    // SAFETY: the map is read-only, and the files mapped here are replaced by rename, never
    // written in place (see above), so no other writer changes the bytes under the map.
    let map = unsafe { memmap2::Mmap::map(&file) }.map_err(|e| FileError::io(path, e))?;
    Ok(Mapped(Bytes::Map(map)))
}

/// UTF-8 text, owned or a range of a [`Mapped`] file checked once when made.
#[derive(Clone)]
pub struct SharedText(Text);

#[derive(Clone)]
enum Text {
    Owned(String),
    Mapped {
        map: Arc<Mapped>,
        start: usize,
        end: usize,
    },
}

impl SharedText {
    /// `map[range]` as text, if it is UTF-8.
    pub fn mapped(map: Arc<Mapped>, range: std::ops::Range<usize>) -> Option<Self> {
        std::str::from_utf8(map.get(range.clone())?).ok()?;
        Some(SharedText(Text::Mapped {
            map,
            start: range.start,
            end: range.end,
        }))
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            Text::Owned(s) => s,
            // SAFETY: `mapped` checked this range is UTF-8, and the bytes under a map never
            // change (see `map_bounded`); checking again on every read would cost a pass over
            // the whole text per quote.
            Text::Mapped { map, start, end } => unsafe {
                std::str::from_utf8_unchecked(&map[*start..*end])
            },
        }
    }

    /// The text as a `String` to add to, copied out of its map the first time.
    pub fn to_mut(&mut self) -> &mut String {
        if let Text::Mapped { .. } = self.0 {
            self.0 = Text::Owned(self.as_str().to_string());
        }
        match &mut self.0 {
            Text::Owned(s) => s,
            Text::Mapped { .. } => unreachable!("made owned above"),
        }
    }

    /// Frees an owned text's spare room; a mapped one has none.
    pub fn shrink_to_fit(&mut self) {
        if let Text::Owned(s) = &mut self.0 {
            s.shrink_to_fit();
        }
    }

    pub fn len(&self) -> usize {
        match &self.0 {
            Text::Owned(s) => s.len(),
            Text::Mapped { start, end, .. } => end - start,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Default for SharedText {
    fn default() -> Self {
        SharedText(Text::Owned(String::new()))
    }
}

impl From<String> for SharedText {
    fn from(s: String) -> Self {
        SharedText(Text::Owned(s))
    }
}

impl PartialEq for SharedText {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SharedText {}

impl std::fmt::Debug for SharedText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

/// Text made in a stream and read back through a map: written once to an unnamed file of its
/// own (no other process can open it, and nothing writes it once it is mapped), so a large text
/// made a piece at a time — a search digest's quotes — waits in the page cache, not in the
/// process's memory.
pub struct Spill {
    out: std::io::BufWriter<std::fs::File>,
    len: usize,
}

impl Spill {
    /// A spill file in `dir` (the system's temporary folder when `None`).
    pub fn new(dir: Option<&Path>) -> std::io::Result<Self> {
        let file = match dir {
            Some(d) => tempfile::tempfile_in(d)?,
            None => tempfile::tempfile()?,
        };
        Ok(Spill {
            out: std::io::BufWriter::with_capacity(1 << 20, file),
            len: 0,
        })
    }

    pub fn push_str(&mut self, text: &str) -> std::io::Result<()> {
        use std::io::Write;
        self.len += text.len();
        self.out.write_all(text.as_bytes())
    }

    /// Everything written, as text.
    pub fn finish(self) -> std::io::Result<SharedText> {
        use std::io::{Read, Seek};
        let mut file = self.out.into_inner().map_err(|e| e.into_error())?;
        let invalid = || std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8");
        if (self.len as u64) < MAP_FROM {
            let mut text = String::with_capacity(self.len);
            file.rewind()?;
            file.read_to_string(&mut text)?;
            return Ok(SharedText(Text::Owned(text)));
        }
        // SAFETY: the map is read-only and everything was written before it was made. The
        // file was created without a name (or removed at once where the system cannot), so
        // nothing else is expected to write or truncate it, as for `map_bounded`'s files.
        let map = unsafe { memmap2::Mmap::map(&file) }?;
        SharedText::mapped(Arc::new(Mapped(Bytes::Map(map))), 0..self.len).ok_or_else(invalid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_file_is_mapped_and_its_text_checked() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("big");
        let mut bytes = "é quote ".repeat(20_000).into_bytes();
        std::fs::write(&path, &bytes).expect("write");
        let map = Arc::new(map_bounded(&path, 1 << 30).expect("maps"));
        assert!(matches!(map.0, Bytes::Map(_)));
        let text = SharedText::mapped(map.clone(), 2..11).expect("utf-8");
        assert_eq!(text.as_str(), " quote é");
        assert!(
            SharedText::mapped(map.clone(), 1..4).is_none(),
            "cuts a character"
        );
        assert!(
            SharedText::mapped(map, 0..usize::MAX).is_none(),
            "out of range"
        );
        let mut owned = text.clone();
        owned.to_mut().push('!');
        assert_eq!((owned.as_str(), text.as_str()), (" quote é!", " quote é"));
        bytes.truncate(10);
        std::fs::write(&path, &bytes).expect("write");
        assert!(matches!(
            map_bounded(&path, 100).expect("reads").0,
            Bytes::Read(_)
        ));
        assert!(map_bounded(&path, 5).is_err(), "over the limit");
        assert!(map_bounded(dir.path(), 1 << 30).is_err(), "a directory");
    }

    #[test]
    fn a_spill_gives_back_what_was_written_mapped_when_large() {
        for (piece, times, mapped) in [("é quote ", 20_000, true), ("short ", 3, false)] {
            let mut spill = Spill::new(None).expect("spill");
            for _ in 0..times {
                spill.push_str(piece).expect("writes");
            }
            let text = spill.finish().expect("reads back");
            assert_eq!(text.as_str(), piece.repeat(times));
            assert_eq!(matches!(text.0, Text::Mapped { .. }), mapped);
        }
    }
}
