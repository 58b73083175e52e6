//! Heap held by `opensergo lint`, phase by phase, counted rather than
//! timed: a counting allocator records the bytes live after reading the
//! sources, after indexing them, and the peak of the whole lint.
//!
//! `cargo bench --bench lint_memory -- DIR` reads every `*.yaml` under
//! DIR (e.g. `python3 bench/scale.py DIR 1 objects`); without a
//! directory it generates 2,000 objects in a temporary one, which is
//! what `cargo test --benches` runs as a smoke test. Bytes are what the
//! program asked for: the process's peak RSS (BENCHMARKS.md, "lint
//! memory") adds the allocator's rounding and the binary.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use opensergo::document::{self, LoadedSource};
use opensergo::engine::Selection;
use opensergo::lint::{self, RuleSet, registry};
use opensergo::source::SourceFile;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call forwards to the system allocator unchanged; the
// counters only observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        // SAFETY: the caller's layout is passed through.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn live() -> usize {
    LIVE.load(Ordering::Relaxed)
}

fn read_dir(dir: &Path) -> Vec<LoadedSource> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("the corpus directory is readable")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("the corpus is UTF-8");
            document::parse_source(&Arc::new(SourceFile::new(p.display().to_string(), text)))
        })
        .collect()
}

/// A small strategy-and-rule corpus like bench/scale.py's `objects`.
fn generate(dir: &Path, objects: usize) {
    let per_file = 100;
    for f in 0..objects / per_file {
        let text: Vec<String> = (f * per_file / 2..(f + 1) * per_file / 2)
            .map(|i| {
                format!(
                    "apiVersion: fault-tolerance.opensergo.io/v1alpha1\nkind: RateLimitStrategy\n\
                     metadata:\n  name: rl-{i}\n  labels:\n    app: app-{a}\n\
                     spec:\n  threshold: 100\n  statDurationSeconds: 1\n---\n\
                     apiVersion: fault-tolerance.opensergo.io/v1alpha1\nkind: FaultToleranceRule\n\
                     metadata:\n  name: rule-{i}\n  labels:\n    app: app-{a}\n\
                     spec:\n  targets:\n    - targetResourceName: 'GET:/r{i}'\n  strategies:\n\
                     \x20   - name: rl-{i}\n      kind: RateLimitStrategy\n",
                    a = i % 100
                )
            })
            .collect();
        std::fs::write(dir.join(format!("f{f:03}.yaml")), text.join("---\n")).unwrap();
    }
}

fn per_object(bytes: usize, objects: usize) -> String {
    format!(
        "{:>8.1} MB {:>6} B/object",
        bytes as f64 / 1e6,
        bytes / objects.max(1)
    )
}

fn main() {
    let given = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let generated = tempfile::tempdir().unwrap();
    let dir = match &given {
        Some(dir) => Path::new(dir).to_path_buf(),
        None => {
            generate(generated.path(), 2_000);
            generated.path().to_path_buf()
        }
    };
    let levels = Selection::default()
        .resolve(&registry::FAMILY)
        .expect("the default selection names no rule");
    let start = live();
    let sources = read_dir(&dir);
    let objects: usize = sources.iter().map(|s| s.documents.len()).sum();
    let text: usize = sources.iter().map(|s| s.source.text.len()).sum();
    let parsed = live() - start;
    let set = RuleSet::build(&sources);
    let indexed = live() - start - parsed;
    drop(set);
    PEAK.store(live(), Ordering::Relaxed);
    let outcome = lint::lint_sources(&sources, &levels);
    let peak = PEAK.load(Ordering::Relaxed) - start;
    println!(
        "{} objects in {} files, {}",
        objects,
        sources.len(),
        dir.display()
    );
    println!("source text   {}", per_object(text, objects));
    println!("parsed        {}", per_object(parsed, objects));
    println!("index         {}", per_object(indexed, objects));
    println!("lint peak     {}", per_object(peak, objects));
    println!("findings      {:>8}", outcome.diagnostics.len());
}
