//! What the `harness = false` benches share.

/// Whether this run is `cargo test --benches` (a smoke test: one run at a
/// tiny size, to show the bench still works) rather than `cargo bench`,
/// which passes `--bench` to every bench target.
pub fn is_smoke_test() -> bool {
    !std::env::args().any(|a| a == "--bench")
}
