//! Giving memory back to the system once a big piece of work is done.

/// After an indexing run, the names-only index, the texts and the syntax trees of thousands
/// of files are freed, but glibc keeps freed memory in each thread's heap until asked: the
/// server then stays at its peak for good. Asked here, after each run.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn give_back_freed() {
    // SAFETY: malloc_trim only returns free memory at the heaps' ends to the system.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn give_back_freed() {}
