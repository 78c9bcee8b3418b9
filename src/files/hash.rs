//! Content hashes: cache keys, payload checksums, fingerprints.

use std::io::{self, Read, Write};
use std::path::Path;

use super::{FileError, open_regular};

/// A fast, stable 64-bit content hash (XXH3): cache keys, payload checksums, fingerprints.
/// Not for security.
pub fn hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// A writer that passes bytes on and keeps their [`hash`], for a checksum of a payload too
/// large to hold whole.
pub struct Hashing<W> {
    inner: W,
    hasher: xxhash_rust::xxh3::Xxh3,
}

impl<W: Write> Hashing<W> {
    pub fn new(inner: W) -> Self {
        Hashing {
            inner,
            hasher: xxhash_rust::xxh3::Xxh3::new(),
        }
    }

    /// [`hash`] of every byte written, and the writer.
    pub fn finish(self) -> (u64, W) {
        (self.hasher.digest(), self.inner)
    }
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// [`hash`] of a file's whole content, read in blocks.
pub fn hash_file(path: &Path) -> Result<u64, FileError> {
    let (mut file, _) = open_regular(path)?;
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = file.read(&mut buf).map_err(|e| FileError::io(path, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher.digest())
}
