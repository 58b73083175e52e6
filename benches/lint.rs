//! `opensergo lint` on generated rule sets of 1k, 10k and 100k objects.
//!
//! Run with `cargo bench --bench lint` (add `-- 1000 10000` to choose the
//! sizes). Each set is written to a temporary directory, 100 objects per
//! file, as a realistic mix: per (namespace, app) group four strategies,
//! two FaultToleranceRules sharing a resource, a TrafficRouter with header,
//! canary and default routes, a VirtualWorkload, and a small database
//! setup; one group in 25 carries mistakes (a dangling strategy, a
//! conflicting limit, a shadowed route, a misspelt data source), so the
//! rules have findings to build. Three phases are timed (median of
//! several runs): reading and parsing the files, linting the parsed set
//! (index + every default rule + suppressions), and the whole CLI
//! (`opensergo lint -q -f short DIR`, process start included).
//!
//! `OPENSERGO_BENCH_DIR=dir cargo bench --bench lint -- 1000` only writes
//! the generated set into `dir`, to look at it. `cargo test --benches`
//! runs it once on 200 objects, as a smoke test.

mod common;

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use opensergo::document::{self, DEFAULT_MAX_FILE_SIZE, LoadedSource};
use opensergo::engine::{Levels, Selection, Sink};
use opensergo::lint::{self, RuleSet, registry, suppress};
use opensergo::walk::{self, WalkOptions};
use rayon::prelude::*;

const PER_FILE: usize = 100;

fn group(out: &mut Vec<String>, g: usize, broken: bool) {
    let ns = format!("ns-{}", g % 50);
    let app = format!("app-{g}");
    let meta = |name: &str| {
        format!("metadata:\n  name: {name}\n  namespace: {ns}\n  labels:\n    app: {app}\n")
    };
    let ft = "apiVersion: fault-tolerance.opensergo.io/v1alpha1\n";
    let tr = "apiVersion: traffic.opensergo.io/v1alpha1\n";
    let db = "apiVersion: database.opensergo.io/v1alpha1\n";
    let threshold = if broken { 10 } else { 100 };
    out.push(format!(
        "{ft}kind: RateLimitStrategy\n{}spec:\n  metricType: RequestAmount\n  limitMode: Local\n  threshold: 100\n  statDurationSeconds: 1\n",
        meta(&format!("{app}-rate-limit"))
    ));
    out.push(format!(
        "{ft}kind: RateLimitStrategy\n{}spec:\n  metricType: RequestAmount\n  limitMode: Local\n  threshold: {threshold}\n  statDurationSeconds: 1\n",
        meta(&format!("{app}-rate-limit-write"))
    ));
    out.push(format!(
        "{ft}kind: ConcurrencyLimitStrategy\n{}spec:\n  maxConcurrency: 32\n  limitMode: Local\n",
        meta(&format!("{app}-concurrency"))
    ));
    out.push(format!(
        "{ft}kind: CircuitBreakerStrategy\n{}spec:\n  strategy: SlowRequestRatio\n  triggerRatio: '60%'\n  statDuration: '30s'\n  recoveryTimeout: '5s'\n  minRequestAmount: 5\n  slowConditions:\n    maxAllowedRt: '500ms'\n",
        meta(&format!("{app}-slow-calls"))
    ));
    let calls = if broken { "slow-call" } else { "slow-calls" };
    out.push(format!(
        "{ft}kind: FaultToleranceRule\n{}spec:\n  targets:\n    - targetResourceName: 'GET:/orders'\n    - targetResourceName: 'GET:/orders/{{id}}'\n  strategies:\n    - name: {app}-rate-limit\n      kind: RateLimitStrategy\n    - name: {app}-concurrency\n      kind: ConcurrencyLimitStrategy\n    - name: {app}-{calls}\n      kind: CircuitBreakerStrategy\n",
        meta(&format!("{app}-read-rule"))
    ));
    let shared = if broken {
        "GET:/orders"
    } else {
        "POST:/orders"
    };
    out.push(format!(
        "{ft}kind: FaultToleranceRule\n{}spec:\n  targets:\n    - targetResourceName: '{shared}'\n  strategies:\n    - name: {app}-rate-limit-write\n      kind: RateLimitStrategy\n",
        meta(&format!("{app}-write-rule"))
    ));
    let shadow = if broken { "/api/v2/beta" } else { "/api/v3" };
    out.push(format!(
        "{tr}kind: TrafficRouter\n{}spec:\n  hosts:\n    - {app}\n  http:\n    - match:\n        - headers:\n            x-tag:\n              exact: gray\n      route:\n        - destination:\n            host: {app}\n            subset: gray\n            fallback:\n              host: {app}\n              subset: stable\n    - match:\n        - uri:\n            prefix: /api/v2\n      route:\n        - destination: {{host: {app}, subset: stable}}\n          weight: 90\n        - destination: {{host: {app}, subset: gray}}\n          weight: 10\n    - match:\n        - uri:\n            prefix: {shadow}\n      route:\n        - destination: {{host: {app}, subset: stable}}\n    - route:\n        - destination: {{host: {app}, subset: stable}}\n",
        meta(&app)
    ));
    out.push(format!(
        "{tr}kind: VirtualWorkload\n{}spec:\n  host: {app}\n  subsets:\n    - name: stable\n    - name: gray\n",
        meta(&app)
    ));
    for i in 0..3 {
        out.push(format!(
            "{db}kind: DatabaseEndpoint\n{}spec:\n  database:\n    MySQL:\n      url: jdbc:mysql://db-{g}:3306/ds_{i}\n      username: app\n      password: secret\n",
            meta(&format!("{app}-ds-{i}"))
        ));
    }
    let read = if broken { "ds_2" } else { "ds-2" };
    out.push(format!(
        "{db}kind: ReadWriteSplitting\n{}spec:\n  rules:\n    staticStrategy:\n      writeDataSourceName: {app}-ds-0\n      readDataSourceNames: [{app}-ds-1, {app}-{read}]\n      loadBalancerName: random\n    loadBalancers:\n      - loadBalancerName: random\n        type: RANDOM\n",
        meta(&format!("{app}-readwrite"))
    ));
    out.push(format!(
        "{db}kind: VirtualDatabase\n{}spec:\n  services:\n    - name: orders\n      databaseMySQL:\n        db: orders\n        host: localhost\n        port: 3306\n        user: app\n        password: secret\n      readWriteSplitting: {app}-readwrite\n",
        meta(&format!("{app}-orders-db"))
    ));
}

/// Writes `objects` objects (rounded up to whole groups) into `dir`.
fn generate(dir: &Path, objects: usize) -> usize {
    let mut docs = Vec::new();
    let mut g = 0;
    while docs.len() < objects {
        group(&mut docs, g, g % 25 == 7);
        g += 1;
    }
    for (i, chunk) in docs.chunks(PER_FILE).enumerate() {
        let mut text = String::new();
        for doc in chunk {
            if !text.is_empty() {
                text.push_str("---\n");
            }
            text.push_str(doc);
        }
        std::fs::write(dir.join(format!("rules-{i:05}.yaml")), text).unwrap();
    }
    docs.len()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn load(dir: &Path) -> Vec<LoadedSource> {
    let walked = walk::collect(&[dir.display().to_string()], &WalkOptions::default()).unwrap();
    walked
        .inputs
        .par_iter()
        .map(|i| document::load_source(i, DEFAULT_MAX_FILE_SIZE))
        .collect()
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let smoke = common::is_smoke_test();
    let sizes = if smoke {
        vec![200]
    } else if sizes.is_empty() {
        vec![1_000, 10_000, 100_000]
    } else {
        sizes
    };
    if let Some(dir) = std::env::var_os("OPENSERGO_BENCH_DIR") {
        let dir = Path::new(&dir);
        std::fs::create_dir_all(dir).unwrap();
        for size in sizes {
            println!("{} objects in {}", generate(dir, size), dir.display());
        }
        return;
    }
    let levels = Selection::default()
        .resolve(&registry::FAMILY)
        .expect("the default selection names no rule");
    let mut table = String::from(
        "| objects | files | parse (median) | lint (median) | lint per 1k objects | findings | CLI end to end (median) |\n|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    let mut breakdown_text = String::new();
    let count = sizes.len();
    for (i, size) in sizes.into_iter().enumerate() {
        let dir = tempfile::tempdir().unwrap();
        let objects = generate(dir.path(), size);
        let files = objects.div_ceil(PER_FILE);
        let runs = match objects {
            _ if smoke => 1,
            50_001.. => 3,
            _ => 7,
        };
        let mut parse = Vec::new();
        let mut lints = Vec::new();
        let mut findings = 0;
        for _ in 0..runs {
            let started = Instant::now();
            let sources = load(dir.path());
            parse.push(started.elapsed());
            let started = Instant::now();
            let outcome = lint::lint_sources(&sources, &levels);
            lints.push(started.elapsed());
            findings = outcome.diagnostics.len();
        }
        let mut cli = Vec::new();
        for _ in 0..runs {
            let started = Instant::now();
            let status = Command::new(env!("CARGO_BIN_EXE_opensergo"))
                .args(["--no-config", "lint", "-q", "-f", "short"])
                .arg(dir.path())
                .stdout(std::process::Stdio::null())
                .status()
                .unwrap();
            assert_eq!(status.code(), Some(1), "the generated set has errors");
            cli.push(started.elapsed());
        }
        let (parse, lint_time, cli) = (median(parse), median(lints), median(cli));
        #[allow(clippy::cast_precision_loss)]
        let per_k = lint_time.as_secs_f64() * 1000.0 / (objects as f64 / 1000.0);
        let _ = writeln!(
            table,
            "| {objects} | {files} | {:.1} ms | {:.1} ms | {per_k:.2} ms | {findings} | {:.1} ms |",
            parse.as_secs_f64() * 1000.0,
            lint_time.as_secs_f64() * 1000.0,
            cli.as_secs_f64() * 1000.0
        );
        eprintln!("{objects} objects done");
        if i + 1 == count {
            breakdown_text = breakdown(objects, &load(dir.path()), &levels);
        }
    }
    print!("{table}\n{breakdown_text}");
}

/// Where the lint time goes for one set: the index, each rule run alone
/// (one thread), the suppressions.
fn breakdown(objects: usize, sources: &[LoadedSource], levels: &Levels) -> String {
    let started = Instant::now();
    let set = RuleSet::build(sources);
    let mut rows = vec![("index (RuleSet::build)".to_string(), started.elapsed())];
    for rule in registry::RULES {
        if levels.level(&rule.code).is_none() {
            continue;
        }
        let started = Instant::now();
        let mut sink = Sink::new(rule.code);
        (rule.check)(&set, &mut sink);
        rows.push((
            format!("{} {}", rule.code.id, rule.code.name),
            started.elapsed(),
        ));
    }
    let started = Instant::now();
    let suppressions = suppress::collect(sources);
    drop(suppressions);
    rows.push(("suppressions".into(), started.elapsed()));
    let total: Duration = rows.iter().map(|r| r.1).sum();
    rows.sort_by_key(|row| std::cmp::Reverse(row.1));
    let mut out = format!(
        "Sequential breakdown for {objects} objects (total {:.1} ms):\n\n| step | time |\n|---|---:|\n",
        total.as_secs_f64() * 1000.0
    );
    for (name, time) in rows.iter().take(10) {
        let _ = writeln!(out, "| {name} | {:.1} ms |", time.as_secs_f64() * 1000.0);
    }
    out
}
