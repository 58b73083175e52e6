#!/usr/bin/env bash
# Benchmark `opensergo proto build` and `opensergo gen` side by side with
# protoc and the real buf, on the same inputs, in the same run.
#
#   bench/gen-bench.sh            install buf and the corpus (npm, once), build, time
#   bench/gen-bench.sh --runs N   hyperfine runs per row (default 5)
#   bench/gen-bench.sh --gen      only the `gen` rows (OpenSergo protos and medium;
#                                 GEN_CORPORA=medium for one)
#   bench/gen-bench.sh --large    only `proto build` on all of googleapis (8,016 files:
#                                 google/ but google/protobuf, and grafeas/), 2 runs a row,
#                                 with the peak RSS of each tool (/usr/bin/time)
#
# Corpora: the embedded OpenSergo protos (exported), and "medium": 474 files of
# npm google-proto-files (google/cloud/aiplatform plus google/{api,rpc,type,
# longrunning,iam,logging}), as in buf-anchor's timings. Needs protoc,
# protoc-gen-go and hyperfine (apt-get install protobuf-compiler protoc-gen-go hyperfine).
# Environment: BENCH_DIR (default /tmp/opensergo-bench), OPENSERGO (binary to time).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
B=${BENCH_DIR:-/tmp/opensergo-bench}/gen
OS=${OPENSERGO:-$REPO/target/release/opensergo}
RUNS=5
LARGE=0
GEN_ONLY=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --large) LARGE=1; shift ;;
    --gen) GEN_ONLY=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

mkdir -p "$B/tools"
if [[ ! -x $B/tools/node_modules/.bin/buf ]]; then
  npm install --prefix "$B/tools" --silent --no-audit --no-fund @bufbuild/buf@1.75.0 google-proto-files@5.0.3
fi
BUF=$B/tools/node_modules/@bufbuild/buf-linux-x64/bin/buf   # the Go binary, no node shim
[[ -n ${OPENSERGO:-} ]] || (cd "$REPO" && cargo build --release --quiet)

# Corpora, each with a buf.yaml and a one-plugin template.
G=$B/tools/node_modules/google-proto-files/google
if [[ ! -d $B/medium ]]; then
  mkdir -p "$B/medium/google/cloud"
  cp -r "$G/cloud/aiplatform" "$B/medium/google/cloud/"
  for d in api rpc type longrunning iam logging; do cp -r "$G/$d" "$B/medium/google/"; done
fi
rm -rf "$B/opensergo" && mkdir -p "$B/opensergo" && (cd "$B/opensergo" && "$OS" proto export . 2>/dev/null && rm -f README.md)
for c in opensergo medium; do
  printf 'version: v2\n' >"$B/$c/buf.yaml"
  printf 'version: v2\nplugins:\n  - local: protoc-gen-go\n    out: gen\n    opt: paths=source_relative\n' >"$B/$c/buf.gen.yaml"
  (cd "$B/$c" && find . -name '*.proto' | sed 's|^\./||' | sort >files.txt)
done
echo "files: opensergo $(wc -l <"$B/opensergo/files.txt"), medium $(wc -l <"$B/medium/files.txt")"
echo "versions: $("$BUF" --version) buf, $(protoc --version), $("$OS" --version)"

time_rows() { # time_rows CORPUS
  local c=$B/$1
  cd "$c"
  hyperfine -N --style basic --warmup 1 --runs "$RUNS" --export-markdown "$B/build-$1.md" \
    -n "opensergo proto build" "$OS proto build -o /tmp/opensergo-bench-os.binpb" \
    -n "protoc --include_imports --include_source_info" "protoc -I . --include_imports --include_source_info -o /tmp/opensergo-bench-protoc.binpb @files.txt" \
    -n "buf build" "$BUF build -o /tmp/opensergo-bench-buf.binpb"
  for tool in "opensergo proto build:$OS proto build" "protoc:protoc -I . --include_imports --include_source_info -o /tmp/x.binpb @files.txt" "buf build:$BUF build -o /tmp/x.binpb"; do
    echo "peak RSS ${tool%%:*}: $(/usr/bin/time -f %M ${tool#*:} 2>&1 >/dev/null | tail -1) KB"
  done
}

gen_rows() { # gen_rows CORPUS
  local c=$B/$1
  cd "$c"
  rm -rf gen by-protoc by-buf && mkdir by-protoc
  # A file no other imports: a one-file edit adds a message to it (and
  # it is restored at the end), so only its directory's request changes.
  local edited
  edited=$(tail -1 files.txt)
  cp "$edited" /tmp/opensergo-bench-edited.proto
  "$OS" gen 2>/dev/null # write the tree once and warm both caches
  load "before gen $1"
  hyperfine -N --style basic --warmup 1 --runs "$RUNS" --export-markdown "$B/gen-$1.md" \
    -n "opensergo gen --no-cache (cold: compile, every plugin runs; tree current)" "$OS gen --no-cache" \
    -n "opensergo gen (no change: run cache hit)" "$OS gen" \
    -n "opensergo gen --check (no change: run cache hit)" "$OS gen --check" \
    -n "buf generate" "$BUF generate -o by-buf" \
    -n "protoc --go_out" "protoc -I . --go_out=by-protoc --go_opt=paths=source_relative @files.txt"
  # shellcheck disable=SC2016 # $$ is the edit script's own pid, a new message name each run
  printf 'echo "message BenchEdit$$ {}" >>"$1"\n' >"$B/edit.sh"
  hyperfine -N --style basic --runs "$RUNS" --export-markdown "$B/gen-edit-$1.md" \
    --prepare "sh $B/edit.sh $edited" \
    -n "opensergo gen after a one-file edit (compile; one request runs)" "$OS gen"
  load "after gen $1"
  cp /tmp/opensergo-bench-edited.proto "$edited"
  # The summary lines of one cold and one warm run.
  "$OS" gen --no-cache 2>&1 | tail -1
  "$OS" gen 2>&1 | tail -1
}

large_rows() {
  local c=$B/large
  if [[ ! -d $c ]]; then
    mkdir -p "$c"
    cp -r "$G/../grafeas" "$c/"
    mkdir -p "$c/google"
    for d in "$G"/*/; do
      [[ $(basename "$d") == protobuf ]] || cp -r "$d" "$c/google/"
    done
    # The well-known types come from each tool's own copy.
    printf 'version: v2\n' >"$c/buf.yaml"
    (cd "$c" && find . -name '*.proto' | sed 's|^\./||' | sort >files.txt)
  fi
  cd "$c"
  echo "files: large $(wc -l <files.txt)"
  hyperfine -N --style basic --runs "${LARGE_RUNS:-2}" --export-markdown "$B/build-large.md" \
    -n "opensergo proto build" "$OS proto build -o /tmp/opensergo-bench-os.binpb" \
    -n "protoc --include_imports --include_source_info" "protoc -I . --include_imports --include_source_info -o /tmp/opensergo-bench-protoc.binpb @files.txt" \
    -n "buf build" "$BUF build -o /tmp/opensergo-bench-buf.binpb"
  for tool in "opensergo proto build:$OS proto build -o /tmp/x.binpb" "protoc:protoc -I . --include_imports --include_source_info -o /tmp/x.binpb @files.txt" "buf build:$BUF build -o /tmp/x.binpb"; do
    echo "peak RSS / user / sys CPU ${tool%%:*}: $(/usr/bin/time -f '%M KB %U s %S s' ${tool#*:} 2>&1 >/dev/null | tail -1)"
  done
  ls -l /tmp/opensergo-bench-os.binpb /tmp/opensergo-bench-protoc.binpb /tmp/opensergo-bench-buf.binpb
}

source "$REPO/bench/timed.sh"
if [[ $GEN_ONLY == 1 ]]; then
  for c in ${GEN_CORPORA:-opensergo medium}; do gen_rows "$c"; done
  echo "tables: $B/gen-*.md"
  exit 0
fi
if [[ $LARGE == 1 ]]; then
  large_rows
  exit 0
fi
time_rows opensergo
time_rows medium
gen_rows opensergo
gen_rows medium
echo "tables: $B/build-*.md $B/gen-*.md"
