#!/usr/bin/env bash
# `opensergo proto format` next to the real `buf format`, in one run, on the
# embedded OpenSergo protos, the medium googleapis module (474 files, the
# one of bench/proto-lint-bench.sh) and, with --large, the whole of
# googleapis (npm google-proto-files, ~8,000 files). Both print a diff of
# every file (`--diff` / `-d`); then both rewrite a copy of each corpus and
# the copies are compared byte for byte.
#
#   bench/proto-format-bench.sh [--install] [--large]
#
# --install puts buf (npm @bufbuild/buf), google-proto-files (npm) and
# hyperfine (apt) under bench/.work, shared with proto-lint-bench.sh.
# Needs a release build (`cargo build --release`); OPENSERGO, PROTOS, RUNS
# and LARGE_RUNS as in proto-lint-bench.sh.
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
fmt="$work/format"
rm -rf "$fmt" && mkdir -p "$fmt"

corpus() { # name, then the directories under google/ to copy
  local dir="$fmt/$1"; shift
  mkdir -p "$dir/google"
  for sub in "$@"; do
    mkdir -p "$dir/google/$(dirname "$sub")"
    cp -r "$protos/$sub" "$dir/google/$sub"
  done
  printf 'version: v2\nmodules:\n  - path: .\n' > "$dir/buf.yaml"
  echo "$dir"
}

opensergo_dir="$fmt/opensergo"
"$opensergo" proto export "$opensergo_dir" 2>/dev/null
printf 'version: v2\nmodules:\n  - path: .\n' > "$opensergo_dir/buf.yaml"
dirs=("$opensergo_dir" "$(corpus medium api rpc type longrunning iam logging cloud/aiplatform)")
if [ "$large" = 1 ]; then
  large_dir="$fmt/large" && mkdir -p "$large_dir"
  cp -r "$protos" "$large_dir/google" && cp -r "$protos/../grafeas" "$large_dir/"
  printf 'version: v2\nmodules:\n  - path: .\n' > "$large_dir/buf.yaml"
  dirs+=("$large_dir")
fi
for dir in "${dirs[@]}"; do
  files=$(find "$dir" -name '*.proto' | wc -l)
  echo "## $(basename "$dir"): $files files"
  runs=(--warmup 1 --runs "${RUNS:-5}")
  [ "$dir" = "${large_dir:-}" ] && runs=(--runs "${LARGE_RUNS:-2}")
  hyperfine -N -i "${runs[@]}" \
    --command-name "opensergo proto format --diff" "$opensergo proto format --diff $dir" \
    --command-name "buf format -d" "buf format -d $dir"
  timed "opensergo proto format --diff" "$fmt/ours.diff" "$opensergo" proto format --diff "$dir"
  timed "buf format -d" "$fmt/buf.diff" buf format -d "$dir"
  rm -rf "$dir.buf" "$dir.opensergo"
  cp -r "$dir" "$dir.buf" && cp -r "$dir" "$dir.opensergo"
  (cd "$dir.buf" && buf format -w .)
  "$opensergo" proto format --write "$dir.opensergo"
  changed=$(diff -rq "$dir" "$dir.buf" | wc -l || true)  # diff exits 1 on differences
  if diff -r "$dir.buf" "$dir.opensergo" >/dev/null; then
    echo "output: identical to buf's ($changed of $files files reformatted)"
  else
    echo "output: $(diff -rq "$dir.buf" "$dir.opensergo" | wc -l) files differ from buf's:"
    diff -rq "$dir.buf" "$dir.opensergo" | head -20 || true
  fi
done
