#!/usr/bin/env bash
# `opensergo proto lint` next to the real `buf lint`, in one run, on three
# corpora: the embedded OpenSergo protos, the medium googleapis module (474
# files) and the whole of googleapis (npm google-proto-files, ~8,000 files).
#
#   bench/proto-lint-bench.sh [--install] [--large]
#
# --install puts buf (npm @bufbuild/buf), google-proto-files (npm) and
# hyperfine (apt) under bench/.work (buf and hyperfine go on PATH from
# there or the system). Needs a release build (`cargo build --release`).
# Both tools exit non-zero on findings; hyperfine runs with -i.
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
opensergo="$PWD/target/release/opensergo"
protos="$work/node_modules/google-proto-files/google"
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
  cp -r "$protos" "$large_dir/google" && rm -rf "$large_dir/google/protobuf"
  printf 'version: v2\nmodules:\n  - path: .\n' > "$large_dir/buf.yaml"
  dirs+=("$large_dir")
fi
for dir in "${dirs[@]}"; do
  files=$(find "$dir" -name '*.proto' | wc -l)
  echo "## $(basename "$dir"): $files files"
  hyperfine -N -i --warmup 1 --runs 5 \
    --command-name "opensergo proto lint" "$opensergo proto lint --error-format text $dir" \
    --command-name "buf lint" "buf lint --error-format text $dir"
  # The same findings, or the difference is printed.
  diff <("$opensergo" proto lint --error-format text "$dir" | sort) <(buf lint --error-format text "$dir" | sort) \
    && echo "findings: identical ($("$opensergo" proto lint --error-format text "$dir" | wc -l))"
  /usr/bin/time -f "opensergo max RSS %M KB" "$opensergo" proto lint "$dir" >/dev/null 2>"$work/time.txt" || true
  tail -1 "$work/time.txt"
  /usr/bin/time -f "buf max RSS %M KB" buf lint "$dir" >/dev/null 2>"$work/time.txt" || true
  tail -1 "$work/time.txt"
done
