#!/usr/bin/env bash
# Benchmark `opensergo validate` side by side with peer JSON Schema validators.
# See bench/README.md for the protocol; results go to $BENCH_DIR/results/.
#
#   bench/validate-bench.sh --install          install hyperfine, GNU time and the peers
#                                              under $BENCH_DIR/tools (once per machine)
#   bench/validate-bench.sh                    build, generate the corpus, check, time
#   bench/validate-bench.sh --big              ... plus opensergo on a 50,000-file corpus
#   bench/validate-bench.sh --only opensergo   only the opensergo rows (--only peers: the others)
#   bench/validate-bench.sh run NAME [CORPUS]  one run of one protocol (what hyperfine times)
#   bench/validate-bench.sh summary [DIR]      print the table of the last run (or of DIR) again
#   bench/validate-bench.sh latency BIN...     one-file latency: `perf stat` CPU time and page
#                                              faults of each binary and of jsonschema-cli on the
#                                              same file, alternating (--runs N per round, default
#                                              300; --rounds N, default 2); for a loaded machine
#
# Options: --files N (default 5000), --runs N (hyperfine runs, default 5; single file: 10x),
# --big, --big-files N (default 50000), --only opensergo|peers, --no-build,
# --rev REV (build and time a committed revision from a clean `git archive` export
# under $BENCH_DIR/src-SHA, target dir $BENCH_DIR/target, instead of the work tree),
# --max-busy PCT (before each measurement wait until the machine's CPU use is below
# PCT%, default 15), --max-wait SECONDS (give up waiting after this, default 1200),
# --no-wait.
# Environment: BENCH_DIR (default /tmp/opensergo-bench), OPENSERGO (binary to time).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SELF="$REPO/bench/validate-bench.sh"
B=${BENCH_DIR:-/tmp/opensergo-bench}
T=$B/tools
R=$B/results
SCHEMAS=$B/schemas
OS=${OPENSERGO:-$REPO/target/release/opensergo}
CJ=$T/venv/bin/check-jsonschema
AJV=$T/npm/node_modules/.bin/ajv
JSC=$T/bin/jsonschema-cli

FILES=5000 RUNS=5 RUNS_GIVEN=0 ROUNDS=2 BIG=0 BIG_FILES=50000 ONLY=all BUILD=1 WAIT=1 MAX_BUSY=15 MAX_WAIT=1200 REV='' REV_NOTE=''

corpus_dir() { # corpus_dir N -> directory of the N-file corpus
  if [[ $1 == 5000 ]]; then echo "$B/corpus"; else echo "$B/corpus-$1"; fi
}

# ---------------------------------------------------------------------------
install_tools() {
  mkdir -p "$T"
  if ! command -v hyperfine >/dev/null || [[ ! -x /usr/bin/time ]]; then
    apt-get update && apt-get install -y hyperfine time
  fi
  if [[ ! -x $CJ ]]; then
    python3 -m venv "$T/venv"
    "$T/venv/bin/pip" install --quiet check-jsonschema
  fi
  if [[ ! -x $AJV ]]; then
    mkdir -p "$T/npm"
    (cd "$T/npm" && npm init -y >/dev/null && npm install --silent ajv-cli ajv-formats)
  fi
  if [[ ! -x $JSC ]]; then
    # ~9 minutes on 2 cores; niced so that it does not starve other builds.
    nice -n 19 cargo install --locked jsonschema-cli --root "$T" ||
      echo "jsonschema-cli: cargo install failed (see above); its rows will be skipped" >&2
  fi
  versions
}

versions() {
  echo "opensergo: $("$OS" --version 2>/dev/null || echo missing)"
  echo "check-jsonschema: $("$CJ" --version 2>/dev/null || echo missing) ($("$T/venv/bin/python" --version 2>/dev/null), jsonschema $("$T/venv/bin/python" -c 'import importlib.metadata as m; print(m.version("jsonschema"))' 2>/dev/null))"
  echo "ajv-cli: $(node -e 'const d=process.argv[1]+"/node_modules/"; for (const p of ["ajv-cli","ajv","ajv-formats"]) process.stdout.write(p+" "+require(d+p+"/package.json").version+", ")' "$T/npm" 2>/dev/null || echo missing)node $(node --version 2>/dev/null)"
  echo "jsonschema-cli: $("$JSC" --version 2>/dev/null || echo missing)"
  echo "hyperfine: $(hyperfine --version 2>/dev/null || echo missing)"
  echo "rustc: $(rustc --version 2>/dev/null)"
  echo "python3: $(python3 --version 2>&1)"
}

# ---------------------------------------------------------------------------
# One run of protocol NAME against corpus C. Output goes to stdout/stderr (hyperfine
# discards it). With RSS_FILE set, every process is wrapped in GNU time and its peak
# RSS (KB) is appended to RSS_FILE.
invoke() {
  if [[ -n ${RSS_FILE:-} ]]; then /usr/bin/time -a -o "$RSS_FILE" -f %M "$@"; else "$@"; fi
}

kinds() { cut -f1,2 "$1/kinds.tsv"; } # Kind<TAB>apiVersion

run_protocol() {
  local name=$1 c=${2:-$(corpus_dir "$FILES")} rc=0 kind api
  case $name in
    opensergo-mixed)   invoke "$OS" validate "$c/mixed" || rc=$? ;;
    opensergo-json)    invoke "$OS" validate --format json "$c/mixed" || rc=$? ;;
    opensergo-split)   invoke "$OS" validate "$c/split" || rc=$? ;;
    opensergo-single)  invoke "$OS" validate "$c/mixed/f-00000.yaml" || rc=$? ;;
    opensergo-perkind)
      while IFS=$'\t' read -r kind api; do
        invoke "$OS" validate "$c/split/$kind" || rc=$?
      done < <(kinds "$c") ;;
    check-jsonschema)
      while IFS=$'\t' read -r kind api; do
        invoke "$CJ" --schemafile "$SCHEMAS/$api/$kind.json" "$c/split/$kind"/*.yaml || rc=$?
      done < <(kinds "$c") ;;
    ajv)
      while IFS=$'\t' read -r kind api; do
        invoke "$AJV" validate --spec=draft2020 -c ajv-formats --all-errors --errors=line \
          -s "$SCHEMAS/$api/$kind.json" -d "$c/split/$kind/*.yaml" || rc=$?
      done < <(kinds "$c") ;;
    jsonschema-cli)
      while IFS=$'\t' read -r kind api; do
        invoke "$JSC" validate "$SCHEMAS/$api/$kind.json" --errors-only \
          -i "$c/split/$kind"/*.yaml || rc=$?
      done < <(kinds "$c") ;;
    *) echo "unknown protocol: $name" >&2; return 2 ;;
  esac
  return "$rc"
}

# ---------------------------------------------------------------------------
# One-file latency, the pre-commit case, on a machine others load: CPU time
# (task-clock) and page faults per process, which the load does not inflate as
# it does wall time. Every binary and jsonschema-cli (given that kind's schema)
# run on the same one-document file, round after round, so drift in the load
# hits all of them alike.
latency() { # latency BIN... (RUNS: runs per binary and round)
  local c f s round bin bins=()
  for bin in "$@"; do bins+=("$(realpath "$bin")"); done
  c=$(corpus_dir "$FILES")
  f=split/RateLimitStrategy/f-00000-1.yaml
  s=$SCHEMAS/fault-tolerance.opensergo.io/v1alpha1/RateLimitStrategy.json
  [[ -f $c/$f ]] || { echo "no corpus at $c: run $SELF first" >&2; exit 2; }
  [[ -f $s ]] || "${bins[0]}" schema export "$SCHEMAS" >/dev/null
  command -v perf >/dev/null || { echo "perf missing (apt-get install linux-perf)" >&2; exit 2; }
  cd "$c"
  echo "file: $c/$f; $RUNS runs per row, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "| round | command | CPU (task-clock) | page faults |"
  echo "|---:|---|---:|---:|"
  for round in $(seq "$ROUNDS"); do
    for bin in "${bins[@]}" jsonschema-cli; do
      local cmd=("$bin" --no-config validate "$f")
      if [[ $bin == jsonschema-cli ]]; then
        [[ -x $JSC ]] || continue
        cmd=("$JSC" validate "$s" --errors-only -i "$f")
      fi
      perf stat -r "$RUNS" -x, -e task-clock,page-faults "${cmd[@]}" 2>&1 >/dev/null |
        awk -F, -v round="$round" -v name="$bin" '
          $3 == "task-clock" { cpu = $1 } $3 == "page-faults" { faults = $1 }
          END { printf "| %s | `%s` | %.2f ms | %d |\n", round, name, cpu, faults }'
    done
  done
}

# ---------------------------------------------------------------------------
# CPU use of the whole machine, sampled over 2 s, in percent.
busy_pct() {
  local a1 a2 a3 a4 a5 a6 a7 b1 b2 b3 b4 b5 b6 b7
  read -r _ a1 a2 a3 a4 a5 a6 a7 _ < /proc/stat
  sleep 2
  read -r _ b1 b2 b3 b4 b5 b6 b7 _ < /proc/stat
  local busy=$(( (b1+b2+b3+b6+b7) - (a1+a2+a3+a6+a7) ))
  local total=$(( (b1+b2+b3+b4+b5+b6+b7) - (a1+a2+a3+a4+a5+a6+a7) ))
  echo $(( total > 0 ? 100 * busy / total : 0 ))
}

wait_quiet() { # wait_quiet LABEL: wait for a quiet machine, record the last sample
  local waited=0 pct
  pct=$(busy_pct)
  while [[ $WAIT == 1 ]] && (( pct >= MAX_BUSY )); do
    if (( waited == 0 )); then echo "  machine busy (${pct}% CPU in use); waiting ..." >&2; fi
    sleep 10; waited=$((waited + 12))
    if (( waited > MAX_WAIT )); then echo "  still busy after ${MAX_WAIT}s (${pct}%): measuring anyway" >&2; break; fi
    pct=$(busy_pct)
  done
  echo "$pct" > "$R/busy-$1.txt"
}

# Correctness + peak RSS pass: one untimed run of protocol NAME on corpus C, each
# process under GNU time. The files the tool flagged as invalid go to
# $R/flagged-LABEL.txt (paths relative to the corpus), peak RSS per process to
# $R/rss-LABEL.txt, the tool's output to $R/out-LABEL.txt.
check_protocol() { # check_protocol LABEL NAME CORPUS
  local label=$1 name=$2 c=$3 out=$R/out-$1.txt
  rm -f "$R/rss-$label.txt"
  RSS_FILE=$R/rss-$label.txt run_protocol "$name" "$c" > "$out" 2>&1 || true
  case $name in
    opensergo-*) # count from the JSON report of the same inputs
      local paths=("$c/mixed")
      [[ $name == opensergo-split || $name == opensergo-perkind ]] && paths=("$c/split")
      [[ $name == opensergo-single ]] && paths=("$c/mixed/f-00000.yaml")
      "$OS" validate --format json "${paths[@]}" > "$R/report-$label.json" || true
      python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
s = d["summary"]
print("#files %(files)s documents %(documents)s invalid-documents %(invalid)s warnings %(warnings)s" % s)
for f in sorted({x["file"] for x in d["diagnostics"] if x["severity"] == "error"}):
    print(f)
' "$R/report-$label.json" > "$R/flagged-$label.txt" ;;
    check-jsonschema) { grep -oE '^ +[^ ]+::' "$out" || true; } | sed -E 's/^ +//; s/::$//' | sort -u > "$R/flagged-$label.txt" ;;
    ajv) { grep -E ' invalid$' "$out" || true; } | sed -E 's/ invalid$//' | sort -u > "$R/flagged-$label.txt" ;;
    jsonschema-cli) { grep -oE '[^ ]+\.yaml' "$out" || true; } | sort -u > "$R/flagged-$label.txt" ;;
  esac
  sed -i "s#^$c/##" "$R/flagged-$label.txt"
}

time_protocol() { # time_protocol LABEL NAME CORPUS RUNS
  local label=$1 name=$2 c=$3 runs=$4
  wait_quiet "$label"
  echo "== $label ($c; other CPU use before start: $(cat "$R/busy-$label.txt")%)" >&2
  # Single-process protocols are timed as the bare command (no bash in between: it
  # would add ~2 ms); per-kind protocols run through `validate-bench.sh run`.
  local cmd="bash $SELF run $name $c"
  case $name in
    opensergo-mixed)  cmd="$OS validate $c/mixed" ;;
    opensergo-json)   cmd="$OS validate --format json $c/mixed" ;;
    opensergo-split)  cmd="$OS validate $c/split" ;;
    opensergo-single) cmd="$OS validate $c/mixed/f-00000.yaml" ;;
  esac
  local a b
  a=$(cpu_jiffies)
  hyperfine -N -i --style basic --warmup 1 --runs "$runs" \
    --export-json "$R/hf-$label.json" -n "$label" "$cmd" >&2
  b=$(cpu_jiffies)
  # CPU used by the whole machine during the measurement, minus what hyperfine says the
  # measured command itself used (warmup included): the load others added meanwhile.
  python3 - "$R/hf-$label.json" "$a" "$b" "$(getconf CLK_TCK)" "$(nproc)" > "$R/during-$label.txt" <<'PY'
import json, sys
res = json.load(open(sys.argv[1]))["results"][0]
(b0, t0), (b1, t1) = (map(int, x.split()) for x in sys.argv[2:4])
hz, ncpu = int(sys.argv[4]), int(sys.argv[5])
elapsed = (t1 - t0) / hz / ncpu            # wall seconds
busy = (b1 - b0) / hz                      # CPU seconds, whole machine
own = (len(res["times"]) + 1) * (res["user"] + res["system"])
print(max(0, round(100 * (busy - own) / (elapsed * ncpu))))
PY
}

cpu_jiffies() { # "busy total" jiffies summed over all CPUs
  local u n s i w q sq st
  read -r _ u n s i w q sq st _ < /proc/stat
  echo "$((u + n + s + q + sq + st)) $((u + n + s + i + w + q + sq + st))"
}

bench_one() { # bench_one LABEL NAME CORPUS RUNS (replaces LABEL's earlier results only)
  rm -f "$R/hf-$1.json" "$R"/{busy,during,rss,flagged,corpus,out}-"$1".txt "$R/report-$1.json"
  echo "$3" > "$R/corpus-$1.txt"
  check_protocol "$1" "$2" "$3"
  time_protocol "$@"
}

available() {
  case $1 in
    check-jsonschema) [[ -x $CJ ]] ;;
    ajv) [[ -x $AJV ]] ;;
    jsonschema-cli) [[ -x $JSC ]] ;;
    *) [[ -x $OS ]] ;;
  esac
}

# Markdown table from $R/{hf,rss,flagged,busy,corpus}-LABEL.* and the corpus manifests.
summarize() {
  python3 - "$R" <<'PY'
import json, pathlib, sys
R = pathlib.Path(sys.argv[1])
what = {
    "opensergo-mixed": ("opensergo", "mixed/ (multi-doc), 1 process"),
    "opensergo-json": ("opensergo `--format json`", "mixed/ (multi-doc), 1 process"),
    "opensergo-split": ("opensergo", "split/ (1 doc/file), 1 process"),
    "opensergo-perkind": ("opensergo", "split/, 1 process per kind"),
    "opensergo-single": ("opensergo", "mixed/f-00000.yaml (pre-commit case)"),
    "check-jsonschema": ("check-jsonschema", "split/, 1 process per kind"),
    "ajv": ("ajv-cli", "split/, 1 process per kind"),
    "jsonschema-cli": ("jsonschema-cli", "split/, 1 process per kind"),
}
order = list(what) + ["big-opensergo-mixed", "big-opensergo-json"]
def fmt_t(s): return f"{s*1000:.1f} ms" if s < 1 else f"{s:.2f} s"
print("| protocol | tool | input | files | docs | procs | best | mean ± σ | files/s (best) | docs/s (best) | peak RSS | invalid files found / expected (false +) | other CPU use before / during |")
print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|")
for label in order:
    hf = R / f"hf-{label}.json"
    if not hf.exists():
        continue
    res = json.loads(hf.read_text())["results"][0]
    c = pathlib.Path((R / f"corpus-{label}.txt").read_text().strip())
    m = json.loads((c / "manifest.json").read_text())
    nkinds = sum(1 for _ in open(c / "kinds.tsv"))
    name = label.removeprefix("big-")
    lines = (R / f"flagged-{label}.txt").read_text().split("\n")
    header = [l for l in lines if l.startswith("#")]
    flagged = {l for l in lines if l and not l.startswith("#")}
    if name in ("opensergo-mixed", "opensergo-json"):
        files, docs, procs = m["files"], m["documents"], 1
        expected = set((c / "invalid-mixed.txt").read_text().split())
    elif name == "opensergo-single":
        h = header[0].split()
        files, docs, procs = int(h[1]), int(h[3]), 1
        expected = set()
    else:
        files = docs = m["documents"]
        procs = 1 if name == "opensergo-split" else nkinds
        expected = set((c / "invalid-split.txt").read_text().split())
    rss = max(int(x) for x in (R / f"rss-{label}.txt").read_text().split() if x.isdigit())
    busy = (R / f"busy-{label}.txt").read_text().strip()
    during = R / f"during-{label}.txt"
    busy += f" / {during.read_text().strip()}" if during.exists() else ""
    best, mean, sd = res["min"], res["mean"], res["stddev"] or 0.0
    tool, inp = what[name]
    found, fp = len(flagged & expected), len(flagged - expected)
    print(f"| {label} | {tool} | {inp} | {files:,} | {docs:,} | {procs} | {fmt_t(best)} | {fmt_t(mean)} ± {fmt_t(sd)} "
          f"| {files/best:,.0f} | {docs/best:,.0f} | {rss/1024:.1f} MB "
          f"| {found} / {len(expected)} ({fp}) | {busy}% |")
PY
}

main() {
  while (($#)); do
    case $1 in
      --install) install_tools; exit ;;
      --versions) versions; exit ;;
      --files) FILES=$2; shift ;;
      --runs) RUNS=$2; RUNS_GIVEN=1; shift ;;
      --big) BIG=1 ;;
      --big-files) BIG_FILES=$2; BIG=1; shift ;;
      --only) ONLY=$2; shift ;;
      --no-build) BUILD=0 ;;
      --rev) REV=$2; shift ;;
      --no-wait) WAIT=0 ;;
      --max-busy) MAX_BUSY=$2; shift ;;
      --max-wait) MAX_WAIT=$2; shift ;;
      run) shift; run_protocol "$@"; exit ;;
      latency) shift; [[ $RUNS_GIVEN == 1 ]] || RUNS=300; latency "$@"; exit ;;
      --rounds) ROUNDS=$2; shift ;;
      summary) [[ -n ${2:-} ]] && R=$2; summarize; exit ;;
      -h|--help) sed -n '2,24p' "$SELF"; exit ;;
      *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
  done

  if [[ -n $REV ]]; then
    # Build a committed revision from a clean export (the work tree may be mid-edit).
    local sha src; sha=$(git -C "$REPO" rev-parse --short "$REV")
    src=$B/src-$sha
    rm -rf "$src" && mkdir -p "$src" && git -C "$REPO" archive "$sha" | tar -x -C "$src"
    (cd "$src" && cargo build --release --locked --target-dir "$B/target")
    OS=$B/target/release/opensergo
    REV_NOTE="revision $sha (clean export)"
  elif [[ $BUILD == 1 ]]; then
    (cd "$REPO" && cargo build --release)
  fi
  # Time a private copy: other people may rebuild target/release while this runs.
  [[ -n ${OPENSERGO:-} && -z $REV ]] && REV_NOTE="binary $OPENSERGO"
  mkdir -p "$B/bin"
  [[ $OS -ef $B/bin/opensergo ]] || cp "$OS" "$B/bin/opensergo"
  OS=$B/bin/opensergo && export OPENSERGO=$OS
  command -v hyperfine >/dev/null || { echo "hyperfine missing: run $SELF --install" >&2; exit 2; }
  mkdir -p "$R"
  rm -rf "$SCHEMAS" && "$OS" schema export "$SCHEMAS" >/dev/null 2>&1

  local c; c=$(corpus_dir "$FILES")
  if [[ ! -f $c/manifest.json ]] || ! grep -q "\"files\": $FILES," "$c/manifest.json"; then
    python3 "$REPO/bench/gen_corpus.py" --files "$FILES" --out "$c"
  fi

  {
    echo "date: $(date -u +%FT%TZ)"
    echo "nproc: $(nproc)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
    echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
    echo "kernel: $(uname -r)"
    echo "opensergo build: ${REV_NOTE:-work tree at $(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet HEAD -- src Cargo.toml Cargo.lock 2>/dev/null || echo ' + uncommitted changes')}, binary sha256 $(sha256sum "$OS" | cut -c1-12)"
    versions
  } > "$R/machine.txt"
  cat "$R/machine.txt" >&2

  local protocols=() p runs
  [[ $ONLY != peers ]] && protocols+=(opensergo-mixed opensergo-json opensergo-split opensergo-perkind opensergo-single)
  [[ $ONLY != opensergo ]] && protocols+=(check-jsonschema ajv jsonschema-cli)
  for p in "${protocols[@]}"; do
    if ! available "$p"; then echo "== $p: not installed, skipped" >&2; continue; fi
    runs=$RUNS
    [[ $p == opensergo-single ]] && runs=$((RUNS * 10))
    bench_one "$p" "$p" "$c" "$runs"
  done

  if [[ $BIG == 1 && $ONLY != peers ]]; then
    local big; big=$(corpus_dir "$BIG_FILES")
    if [[ ! -f $big/manifest.json ]] || ! grep -q "\"files\": $BIG_FILES," "$big/manifest.json"; then
      python3 "$REPO/bench/gen_corpus.py" --files "$BIG_FILES" --out "$big" --no-split
    fi
    for p in opensergo-mixed opensergo-json; do
      bench_one "big-$p" "$p" "$big" 3
    done
  fi

  summarize | tee "$R/summary.md"
}

main "$@"
