//! Memory the kernel has not yet handed out costs a page fault on its first write. Importing a
//! million-line file fills a 120 MB vector of pieces and a 200 MB vector of turns in loops that
//! must run in order, and their 80,000 page faults were a third of those loops' time while the
//! other core sat idle. [`populate_spare`] has another thread ask the kernel for a vector's
//! spare capacity ahead of the loop that fills it (Linux's `MADV_POPULATE_WRITE`, which sets up
//! the pages as a write would but never reads or changes what memory holds).

use std::thread::JoinHandle;

/// Spare capacity below this is left to fault as it is written: a thread costs more.
const WORTH_IT: usize = 8 << 20;

/// Populating a vector's spare capacity; dropping it waits for the populating thread.
#[must_use = "populating stops being awaited when this is dropped"]
pub struct Populating(Option<JoinHandle<()>>);

impl Drop for Populating {
    fn drop(&mut self) {
        if let Some(handle) = self.0.take() {
            // The thread only makes a system call; whether it succeeded changes nothing.
            let _ = handle.join();
        }
    }
}

/// Starts another thread populating the pages of `v`'s spare capacity (on Linux, when there
/// are more than a few megabytes of it); keep the result alive while `v` is filled.
///
/// Nothing is borrowed: the thread holds only an address range and reads or writes none of
/// it. Should `v` grow past its capacity or be freed meanwhile, populating pages that are gone
/// fails, and pages given to something else are only set up sooner with their bytes unchanged
/// (a writable shared file mapping would see them marked dirty; Podium maps files read-only).
pub fn populate_spare<T>(v: &mut Vec<T>) -> Populating {
    let spare = v.spare_capacity_mut();
    let (start, len) = (spare.as_mut_ptr() as usize, std::mem::size_of_val(spare));
    if len < WORTH_IT || !cfg!(target_os = "linux") {
        return Populating(None);
    }
    let handle = std::thread::Builder::new()
        .name("podium-pages".to_string())
        .spawn(move || populate(start, len))
        .ok();
    Populating(handle)
}

/// Asks the kernel to set up the whole pages inside `start..start + len` for writing.
#[cfg(target_os = "linux")]
fn populate(start: usize, len: usize) {
    // SAFETY: `sysconf` reads a constant of the system.
    let page = usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).unwrap_or(4096);
    let first = start.next_multiple_of(page);
    let end = (start + len) / page * page;
    if end <= first {
        return;
    }
    // SAFETY: MADV_POPULATE_WRITE changes no byte of memory and dereferences nothing in this
    // process; on a range that is not (or no longer) mapped writable it only fails. Kernels
    // before 5.14 do not know it and fail the same harmless way.
    let chunk = 4 << 20;
    let mut hi = end;
    while hi > first {
        let lo = hi.saturating_sub(chunk).max(first);
        unsafe {
            libc::madvise(lo as *mut libc::c_void, hi - lo, libc::MADV_POPULATE_WRITE);
        }
        hi = lo;
    }
}

#[cfg(not(target_os = "linux"))]
fn populate(_start: usize, _len: usize) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vector_filled_while_its_pages_are_populated_holds_what_was_written() {
        let mut v: Vec<u64> = Vec::with_capacity(4 << 20);
        v.push(7);
        let populating = populate_spare(&mut v);
        assert!(populating.0.is_some() || !cfg!(target_os = "linux"));
        v.extend(1..(4u64 << 20));
        drop(populating);
        assert_eq!(v[0], 7);
        assert_eq!(
            v.iter().skip(1).copied().sum::<u64>(),
            (1..(4u64 << 20)).sum::<u64>()
        );
    }

    #[test]
    fn a_vector_that_outgrows_its_capacity_meanwhile_is_unharmed() {
        let mut v: Vec<u8> = Vec::with_capacity(16 << 20);
        let populating = populate_spare(&mut v);
        v.extend(std::iter::repeat_n(3u8, 64 << 20));
        drop(populating);
        assert!(v.iter().all(|&b| b == 3));
    }

    #[test]
    fn a_little_spare_room_starts_no_thread() {
        let mut v: Vec<u8> = Vec::with_capacity(1 << 20);
        assert!(populate_spare(&mut v).0.is_none());
    }
}
