//! How the server's memory goes back to the system: big buffers as soon as they are freed,
//! the rest once a big piece of work is done.

/// After an indexing run, the names-only index, the texts and the syntax trees of thousands
/// of files are freed, but glibc keeps freed memory in each thread's heap until asked: the
/// server then stays at its peak for good. Asked here, after each run.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn give_back_freed() {
    // SAFETY: malloc_trim only hands whole free pages of the heaps back to the system.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn give_back_freed() {}

/// A big document (a 4 MB bundle opened, edited, closed) passes through a few buffers of its
/// size. glibc raises its mmap threshold to the size of the first such buffer freed, so the
/// next ones came from the heaps of whichever threads touched them and stayed there: each
/// opening of a 4 MB bundle kept about 9 MB more for good (12 -> 56 MB over five). Fixed at
/// 1 MiB, buffers that big are mapped and unmapped (25 MB after the five, 35 at the peak).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn return_large_buffers_to_the_system() {
    // SAFETY: mallopt only sets an allocator parameter; called before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn return_large_buffers_to_the_system() {}
