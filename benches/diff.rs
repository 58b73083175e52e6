//! `opensergo diff` on generated rule-set pairs, timed in the same run as
//! deepdiff (PyPI) on the same objects.
//!
//! Run with `cargo bench --bench diff` (add `-- 5000 100000` to choose the
//! sizes). Each pair is an old rule set (50 documents per file, in
//! generation order) and a new one holding the same objects shuffled into
//! other files, with 2% of the objects differing: half of those changed
//! (a threshold lowered, two routes swapped), a quarter removed, a quarter
//! added under new names. Timed (median): the whole CLI
//! (`opensergo diff --format json OLD NEW`, process start included) and,
//! in-process, loading both sides and comparing them (pairing, walking,
//! and the protection summary). The CLI runs under GNU time
//! (`/usr/bin/time`), which gives its CPU time (user + system, median: the
//! steadier number on a shared machine) and its peak RSS (largest run).
//!
//! deepdiff cannot read multi-document YAML, so it gets each side as one
//! JSON list of the same objects (in the same order as the YAML
//! documents) and runs `DeepDiff(old, new, ignore_order=True)`, timed
//! inside Python (the JSON load included). Its pairing errors are counted:
//! a reported change of `metadata.name` means it paired two different
//! objects (a removal and an addition reported as a rename). Set
//! `DEEPDIFF_PYTHON` to a Python with deepdiff installed (default
//! `/tmp/opensergo-bench/venv-diff/bin/python`); without it the deepdiff
//! columns say "not run". deepdiff runs only up to 5,000 objects (it takes
//! minutes beyond).
//!
//! `OPENSERGO_BENCH_DIR=dir cargo bench --bench diff -- 5000` only writes
//! the pair into `dir`, to look at it. `cargo test --benches` runs it once
//! on 200 objects, without deepdiff, as a smoke test.

mod common;

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use opensergo::commands::diff::{Touched, picture};
use opensergo::diff::input::{LoadOptions, Side, Spec};
use opensergo::diff::{self, ChangeKind, Options, summary};

const PER_FILE: usize = 50;
/// Objects per (namespace, app) group.
const PER_GROUP: usize = 5;

/// One generated object: its YAML and its JSON form (for deepdiff).
struct Object {
    yaml: String,
    json: serde_json::Value,
}

fn object(
    kind: &str,
    api: &str,
    name: &str,
    ns: &str,
    app: &str,
    spec: serde_json::Value,
) -> Object {
    let json = serde_json::json!({
        "apiVersion": api,
        "kind": kind,
        "metadata": {"name": name, "namespace": ns, "labels": {"app": app}},
        "spec": spec,
    });
    let yaml = opensergo::yaml_out::to_yaml(&json);
    Object { yaml, json }
}

/// The objects of group `g`; `variant` 1 lowers the threshold and swaps
/// the two routes, 2 renames the rate limit (a removal and an addition).
fn group(g: usize, variant: u8) -> Vec<Object> {
    let ns = format!("ns-{}", g % 50);
    let app = format!("app-{g}");
    let ft = "fault-tolerance.opensergo.io/v1alpha1";
    let limit = if variant == 2 {
        format!("{app}-rate-limit-v2")
    } else {
        format!("{app}-rate-limit")
    };
    let threshold = if variant == 1 { 10 } else { 100 };
    let mut routes = vec![
        serde_json::json!({"name": "canary", "match": [{"headers": {"x-canary": {"exact": "true"}}}],
            "route": [{"destination": {"host": app, "subset": "v2"}}]}),
        serde_json::json!({"name": "default", "route": [{"destination": {"host": app, "subset": "v1"}, "weight": 100}]}),
    ];
    if variant == 1 {
        routes.swap(0, 1);
    }
    vec![
        object(
            "RateLimitStrategy",
            ft,
            &limit,
            &ns,
            &app,
            serde_json::json!({
            "metricType": "RequestAmount", "limitMode": "Local", "threshold": threshold, "statDurationSeconds": 1}),
        ),
        object(
            "ConcurrencyLimitStrategy",
            ft,
            &format!("{app}-concurrency"),
            &ns,
            &app,
            serde_json::json!({"maxConcurrency": 32, "limitMode": "Local"}),
        ),
        object(
            "CircuitBreakerStrategy",
            ft,
            &format!("{app}-breaker"),
            &ns,
            &app,
            serde_json::json!({
            "strategy": "SlowRequestRatio", "triggerRatio": "60%", "statDuration": "30s",
            "recoveryTimeout": "5s", "minRequestAmount": 5, "slowConditions": {"maxAllowedRt": "500ms"}}),
        ),
        object(
            "FaultToleranceRule",
            ft,
            &format!("{app}-rule"),
            &ns,
            &app,
            serde_json::json!({
            "targets": [{"targetResourceName": "GET:/orders"}, {"targetResourceName": "POST:/orders"}],
            "strategies": [{"name": limit, "kind": "RateLimitStrategy"},
                           {"name": format!("{app}-concurrency"), "kind": "ConcurrencyLimitStrategy"}]}),
        ),
        object(
            "TrafficRouter",
            "traffic.opensergo.io/v1alpha1",
            &app,
            &ns,
            &app,
            serde_json::json!({"hosts": [app], "http": routes}),
        ),
    ]
}

/// A deterministic shuffle (xorshift), so every run compares the same pair.
fn shuffle<T>(items: &mut [T], mut seed: u64) {
    for i in (1..items.len()).rev() {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        items.swap(i, (seed % (i as u64 + 1)) as usize);
    }
}

fn write_side(dir: &Path, objects: &[Object]) {
    std::fs::create_dir_all(dir).unwrap();
    for (i, chunk) in objects.chunks(PER_FILE).enumerate() {
        let text: Vec<&str> = chunk.iter().map(|o| o.yaml.as_str()).collect();
        std::fs::write(dir.join(format!("rules-{i:05}.yaml")), text.join("---\n")).unwrap();
    }
    let list: Vec<&serde_json::Value> = objects.iter().map(|o| &o.json).collect();
    std::fs::write(
        dir.with_extension("json"),
        serde_json::to_vec(&list).unwrap(),
    )
    .unwrap();
}

/// Writes `old/`, `new/` (and `old.json`, `new.json`) under `dir`; returns
/// how many groups swap their routes (variant 1) and rename their rate
/// limit (variant 2).
fn generate(dir: &Path, objects: usize) -> (usize, usize) {
    let groups = objects / PER_GROUP;
    // 2% of the objects: one group in 25 differs in two objects (variant
    // 1), one in 100 renames its rate limit (variant 2: a removal, an
    // addition, and the rule that names it changes).
    let mut old = Vec::new();
    let mut new = Vec::new();
    let mut differing = (0, 0);
    for g in 0..groups {
        old.extend(group(g, 0));
        let variant = match (g % 25, g % 100) {
            (3, _) => 1,
            (_, 7) => 2,
            _ => 0,
        };
        differing.0 += usize::from(variant == 1);
        differing.1 += usize::from(variant == 2);
        new.extend(group(g, variant));
    }
    shuffle(&mut new, 0x9e37_79b9_7f4a_7c15);
    write_side(&dir.join("old"), &old);
    write_side(&dir.join("new"), &new);
    differing
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// deepdiff's time (seconds, inside Python), the number of changes it
/// reports, how many of them pair two different objects, and how many
/// touch a TrafficRouter's routes (`ignore_order` applies to every list,
/// so swapped routes, which change behaviour, go unreported).
fn deepdiff(python: &str, dir: &Path) -> Option<(f64, usize, usize, usize)> {
    const SCRIPT: &str = r#"
import json, sys, time
from deepdiff import DeepDiff
started = time.perf_counter()
old = json.load(open(sys.argv[1]))
new = json.load(open(sys.argv[2]))
d = DeepDiff(old, new, ignore_order=True, view="tree")
elapsed = time.perf_counter() - started
reports = sum(len(v) for v in d.values())
wrong = sum(1 for v in d.get("values_changed", []) if v.path().endswith("['metadata']['name']"))
routes = sum(1 for vs in d.values() for v in vs if "['http']" in v.path())
print(elapsed, reports, wrong, routes)
"#;
    let out = Command::new(python)
        .args(["-c", SCRIPT])
        .arg(dir.join("old.json"))
        .arg(dir.join("new.json"))
        .stderr(Stdio::inherit())
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let mut fields = text.split_whitespace();
    Some((
        fields.next()?.parse().ok()?,
        fields.next()?.parse().ok()?,
        fields.next()?.parse().ok()?,
        fields.next()?.parse().ok()?,
    ))
}

fn main() {
    // The CLI's allocator settings, so in-process and CLI timings agree.
    opensergo::allocator::configure();
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let smoke = common::is_smoke_test();
    let sizes = if smoke {
        vec![200]
    } else if sizes.is_empty() {
        vec![5_000, 20_000, 100_000]
    } else {
        sizes
    };
    if let Some(dir) = std::env::var_os("OPENSERGO_BENCH_DIR") {
        for size in sizes {
            let dir = Path::new(&dir).join(size.to_string());
            let (swapped, renamed) = generate(&dir, size);
            println!(
                "{size} objects ({swapped} groups with swapped routes, {renamed} renamed) in {}",
                dir.display()
            );
        }
        return;
    }
    let python = std::env::var("DEEPDIFF_PYTHON")
        .unwrap_or_else(|_| "/tmp/opensergo-bench/venv-diff/bin/python".to_string());
    let mut table = String::from(
        "| objects per side | files per side | load both sides | compare + summary | CLI end to end | CLI CPU (user + sys) | CLI peak RSS | per 1k objects (CLI) | objects reported | routers with swapped routes | route moves reported | deepdiff | deepdiff reports | deepdiff pairing errors | deepdiff route changes |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    let load_average = || {
        std::fs::read_to_string("/proc/loadavg")
            .map(|l| l.split_whitespace().next().unwrap_or("?").to_string())
            .unwrap_or_else(|_| "?".into())
    };
    eprintln!("load average before: {}", load_average());
    for size in sizes {
        let dir = tempfile::tempdir().unwrap();
        let reorders = generate(dir.path(), size).0;
        let runs = match size {
            _ if smoke => 1,
            50_001.. => 3,
            _ => 5,
        };
        let options = LoadOptions {
            excludes: Vec::new(),
            respect_ignore: false,
            follow_symlinks: false,
            max_file_size: u64::MAX,
        };
        let side = |s: &str| Spec::Path(dir.path().join(s).display().to_string());
        let (mut loads, mut compares, mut clis) = (Vec::new(), Vec::new(), Vec::new());
        let (mut cpus, mut peak_kib) = (Vec::new(), 0);
        let mut reported = 0;
        let mut moves = 0;
        for _ in 0..runs {
            let started = Instant::now();
            let (old, new) = rayon::join(
                || Side::load(side("old"), &options),
                || Side::load(side("new"), &options),
            );
            loads.push(started.elapsed());
            let started = Instant::now();
            let (a, _) = old.objects();
            let (b, _) = new.objects();
            let result = diff::diff(&a, &b, &Options::default());
            let touched = Touched::by(&result);
            let (before, after) = rayon::join(
                || picture(&old.sources, &touched),
                || picture(&new.sources, &touched),
            );
            let lines = summary::protection_changes(&before, &after);
            compares.push(started.elapsed());
            reported = result.objects.len();
            moves = result
                .objects
                .iter()
                .flat_map(|o| &o.changes)
                .filter(|c| matches!(c.kind, ChangeKind::Moved { .. }))
                .count();
            assert!(!lines.is_empty());
            let started = Instant::now();
            let measured = dir.path().join("time.txt");
            let status = Command::new("/usr/bin/time")
                .args(["-f", "%U %S %M", "-o"])
                .arg(&measured)
                .arg(env!("CARGO_BIN_EXE_opensergo"))
                .args(["--no-config", "diff", "--format", "json"])
                .arg(dir.path().join("old"))
                .arg(dir.path().join("new"))
                .stdout(Stdio::null())
                .status()
                .expect("GNU time at /usr/bin/time (apt-get install time)");
            clis.push(started.elapsed());
            assert!(status.success());
            let text = std::fs::read_to_string(&measured).unwrap();
            let fields: Vec<f64> = text
                .split_whitespace()
                .filter_map(|f| f.parse().ok())
                .collect();
            cpus.push(Duration::from_secs_f64(fields[0] + fields[1]));
            peak_kib = peak_kib.max(fields[2] as u64);
        }
        let cli = median(clis);
        let deep = if size <= 5_000 && !smoke {
            deepdiff(&python, dir.path())
        } else {
            None
        };
        let (deep_time, deep_reports, deep_wrong, deep_routes) = match deep {
            Some((t, r, w, routes)) => (
                format!("{:.1} ms", t * 1000.0),
                r.to_string(),
                w.to_string(),
                routes.to_string(),
            ),
            None if size <= 5_000 => ("not run".into(), "-".into(), "-".into(), "-".into()),
            None => (
                "not run (too slow)".into(),
                "-".into(),
                "-".into(),
                "-".into(),
            ),
        };
        writeln!(
            table,
            "| {size} | {} | {} | {} | {} | {} | {} MB | {} | {reported} | {reorders} | {moves} | {deep_time} | {deep_reports} | {deep_wrong} | {deep_routes} |",
            size.div_ceil(PER_FILE),
            ms(median(loads)),
            ms(median(compares)),
            ms(cli),
            ms(median(cpus)),
            peak_kib / 1024,
            ms(cli / u32::try_from(size / 1000).unwrap_or(1).max(1)),
        )
        .unwrap();
        eprintln!("{size} objects done");
    }
    eprintln!("load average after: {}", load_average());
    print!("{table}");
}
