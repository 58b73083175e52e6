//! The allocator settings of the process.
//!
//! With glibc the system allocator serves: mimalloc's start-up (reading
//! each of its options from the environment, setting up its arena) cost a
//! one-file `validate` more page faults and time than all its allocations
//! saved there (BENCHMARKS.md, "one file"). musl's allocator is slow under
//! threads, so the static musl build keeps mimalloc (see `main.rs`).

/// Call first in `main`, before any thread starts: glibc keeps what a run
/// frees (per-file buffers, parse trees) for reuse, instead of unmapping
/// it and having the kernel zero fresh pages again, a quarter of a lint of
/// 100,000 objects without these settings.
pub fn configure() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator parameters; no other thread
    // runs yet.
    unsafe {
        // Blocks up to 32 MiB (glibc's ceiling) come from the heap.
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        // Free heap top is returned to the system past 256 MiB only, and
        // the heap grows 16 MiB at a time.
        libc::mallopt(libc::M_TRIM_THRESHOLD, 256 << 20);
        libc::mallopt(libc::M_TOP_PAD, 16 << 20);
    }
}
