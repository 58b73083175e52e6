#!/usr/bin/env bash
# `opensergo proto lint` next to the real `buf lint`, in one run, on three
# corpora: the embedded OpenSergo protos, the medium googleapis module (474
# files) and the whole of googleapis (npm google-proto-files, ~8,000 files).
#
#   bench/proto-lint-bench.sh [--install] [--large]
#
# --install puts buf (npm @bufbuild/buf), google-proto-files (npm) and
# hyperfine (apt) under bench/.work (buf and hyperfine go on PATH from
# there or the system). Needs a release build (`cargo build --release`);
# OPENSERGO=BINARY times another build, PROTOS=DIR reads another
# google-proto-files `google/` directory. Both tools exit non-zero on
# findings; hyperfine runs with -i. RUNS (default 5, after a warm-up) and
# LARGE_RUNS (default 2, no warm-up) set the hyperfine runs; then one run
# of each under GNU time gives CPU time and peak RSS, and its output is
# compared with the other tool's.
set -euo pipefail
cd "$(dirname "$0")/.."
work=bench/.work/proto-lint
mkdir -p "$work"
install=0 large=0
for arg in "$@"; do
  case "$arg" in
    --install) install=1 ;;
    --large) large=1 ;;
    *) echo "unknown argument $arg" >&2; exit 2 ;;
  esac
done
if [ "$install" = 1 ]; then
  (cd "$work" && npm init -y >/dev/null && npm install --silent @bufbuild/buf google-proto-files)
  command -v hyperfine >/dev/null || apt-get install -y -qq hyperfine
fi
export PATH="$PWD/$work/node_modules/.bin:$PATH"
source bench/timed.sh
opensergo="${OPENSERGO:-$PWD/target/release/opensergo}"
protos="${PROTOS:-$work/node_modules/google-proto-files/google}"
[ -x "$opensergo" ] || { echo "build first: cargo build --release" >&2; exit 2; }
[ -d "$protos" ] || { echo "run with --install first" >&2; exit 2; }

corpus() { # name, then the directories under google/ to copy
  local dir="$work/$1"; shift
  rm -rf "$dir" && mkdir -p "$dir/google"
  for sub in "$@"; do
    mkdir -p "$dir/google/$(dirname "$sub")"
    cp -r "$protos/$sub" "$dir/google/$sub"
  done
  # buf.yaml v2 with buf's defaults; google/protobuf is left to both tools' built-ins.
  printf 'version: v2\nmodules:\n  - path: .\n' > "$dir/buf.yaml"
  echo "$dir"
}

opensergo_dir="$work/opensergo"
rm -rf "$opensergo_dir" && "$opensergo" proto export "$opensergo_dir" 2>/dev/null
printf 'version: v2\nmodules:\n  - path: .\n' > "$opensergo_dir/buf.yaml"
medium=$(corpus medium api rpc type longrunning iam logging cloud/aiplatform)
dirs=("$opensergo_dir" "$medium")
if [ "$large" = 1 ]; then
  large_dir="$work/large" && rm -rf "$large_dir" && mkdir -p "$large_dir"
  # grafeas/ too: google/devtools/containeranalysis imports it.
  cp -r "$protos" "$large_dir/google" && rm -rf "$large_dir/google/protobuf"
  cp -r "$protos/../grafeas" "$large_dir/"
  printf 'version: v2\nmodules:\n  - path: .\n' > "$large_dir/buf.yaml"
  dirs+=("$large_dir")
fi
for dir in "${dirs[@]}"; do
  files=$(find "$dir" -name '*.proto' | wc -l)
  echo "## $(basename "$dir"): $files files"
  runs=(--warmup 1 --runs "${RUNS:-5}")
  [ "$dir" = "${large_dir:-}" ] && runs=(--runs "${LARGE_RUNS:-2}")
  hyperfine -N -i "${runs[@]}" \
    --command-name "opensergo proto lint" "$opensergo proto lint --error-format text $dir" \
    --command-name "buf lint" "buf lint --error-format text $dir"
  timed "opensergo proto lint" "$work/ours.txt" "$opensergo" proto lint --error-format text "$dir"
  timed "buf lint" "$work/buf.txt" buf lint --error-format text "$dir"
  # The same findings, or the difference is printed.
  diff <(sort "$work/ours.txt") <(sort "$work/buf.txt") && echo "findings: identical ($(wc -l <"$work/ours.txt"))"
  [ -s "$work/buf.txt" ] || echo "warning: buf found nothing: does the corpus compile?"
done
