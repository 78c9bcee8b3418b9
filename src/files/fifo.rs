//! Writing into a FIFO someone named with `-o`, without waiting forever for a reader.

use std::io;
use std::path::Path;

use super::{FileError, FileErrorKind};

/// Opens a FIFO for writing without waiting forever for a reader: asks without blocking for a
/// few seconds (a reader started just before may still be on its way), then gives up. The one
/// descriptor that found the reader is the one written through — closing it and opening again
/// would hand the reader an end of file and leave the second open waiting for nobody.
pub(super) fn open_fifo_for_writing(path: &Path) -> Result<std::fs::File, FileError> {
    use std::os::unix::fs::OpenOptionsExt;
    use std::os::unix::io::AsRawFd;
    let open = || {
        std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(path)
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(3);
    let mut probe = open();
    while probe
        .as_ref()
        .is_err_and(|e| e.raw_os_error() == Some(libc::ENXIO))
        && std::time::Instant::now() < deadline
    {
        std::thread::sleep(std::time::Duration::from_millis(20));
        probe = open();
    }
    let file = probe.map_err(|e| {
        let kind = if e.raw_os_error() == Some(libc::ENXIO) {
            FileErrorKind::Refused("a FIFO with nothing reading it".into())
        } else {
            FileErrorKind::Io(e)
        };
        FileError::new(path, kind)
    })?;
    // Writes block as on any pipe from here on: a full pipe waits for the reader.
    let fd = file.as_raw_fd();
    // SAFETY: fcntl on a descriptor this function owns; no memory is passed.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 || unsafe { libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) } < 0 {
        return Err(FileError::io(path, io::Error::last_os_error()));
    }
    Ok(file)
}
