#!/usr/bin/env bash
# `opensergo proto breaking` next to the real `buf breaking`, in one run, on
# the embedded OpenSergo protos, on the medium googleapis module (474
# files of npm google-proto-files: google/cloud/aiplatform plus
# google/{api,rpc,type,longrunning,iam,logging}) and, with --large, on the
# whole of googleapis (google/ without google/protobuf). The current version of
# each corpus is a copy of the previous one with a handful of breaking
# edits (deleted and renamed fields, a changed type, a deleted message, a
# deleted RPC), so both tools compile both versions and report the same
# few findings; the script diffs their outputs.
#
#   bench/proto-breaking-bench.sh [--install] [--large]
#
# --install puts buf and google-proto-files (npm) under bench/.work, as
# bench/proto-lint-bench.sh does; PROTOS=DIR uses another google-proto-files
# `google/` directory instead. Needs a release build (`cargo build --release`)
# and hyperfine (OPENSERGO=BINARY times another build). Both tools exit non-zero on findings; hyperfine runs with -i.
# RUNS and LARGE_RUNS as in proto-lint-bench.sh; then one run of each under
# GNU time gives CPU time and peak RSS, and the outputs are compared.
set -euo pipefail
cd "$(dirname "$0")/.."
work=bench/.work/proto-breaking
mkdir -p "$work"
large=0
for arg in "$@"; do
  case "$arg" in
    --install) (cd "$work" && npm init -y >/dev/null && npm install --silent @bufbuild/buf google-proto-files) ;;
    --large) large=1 ;;
    *) echo "unknown argument $arg" >&2; exit 2 ;;
  esac
done
source bench/timed.sh
export PATH="$PWD/$work/node_modules/.bin:$PATH"
opensergo="${OPENSERGO:-$PWD/target/release/opensergo}"
protos="${PROTOS:-$work/node_modules/google-proto-files/google}"
[ -x "$opensergo" ] || { echo "build first: cargo build --release" >&2; exit 2; }
[ -d "$protos" ] || { echo "run with --install first (or set PROTOS)" >&2; exit 2; }

# pair NAME: $work/NAME/{old,new}, both buf.yaml v2 with one module; google/protobuf
# is left to both tools' built-ins.
pair() {
  local dir="$work/$1"
  for side in old new; do
    printf 'version: v2\nmodules:\n  - path: .\n' > "$dir/$side/buf.yaml"
  done
  echo "$dir"
}

opensergo_pair="$work/opensergo"
rm -rf "$opensergo_pair" && mkdir -p "$opensergo_pair"
"$opensergo" proto export "$opensergo_pair/old" 2>/dev/null
cp -r "$opensergo_pair/old" "$opensergo_pair/new"
common="$opensergo_pair/new/opensergo/proto/common/v1/common.proto"
sed -i '/  DAY = 5;/d' "$common"
pair opensergo >/dev/null

# breaking_edits DIR: the same few breaking changes in DIR/new/google.
breaking_edits() {
  local new="$1/new/google"
  sed -i 's/  repeated google.protobuf.Any details = 3;//' "$new/rpc/status.proto"
  sed -i 's/  string message = 2;/  bytes message = 2;/' "$new/rpc/status.proto"
  sed -i 's/  int32 year = 1;/  int64 year = 1;/' "$new/type/date.proto"
  sed -i 's/  string name = 1;/  string full_name = 1;/' "$new/longrunning/operations.proto"
  sed -i '/^message WaitOperationRequest {/,/^}/d' "$new/longrunning/operations.proto"
  sed -i '/rpc WaitOperation(/d' "$new/longrunning/operations.proto"
}

medium="$work/medium"
rm -rf "$medium" && mkdir -p "$medium/old/google"
for sub in api rpc type longrunning iam logging cloud/aiplatform; do
  mkdir -p "$medium/old/google/$(dirname "$sub")"
  cp -r "$protos/$sub" "$medium/old/google/$sub"
done
cp -r "$medium/old" "$medium/new"
breaking_edits "$medium"
pair medium >/dev/null
dirs=("$opensergo_pair" "$medium")

if [ "$large" = 1 ]; then
  large_dir="$work/large"
  rm -rf "$large_dir" && mkdir -p "$large_dir/old"
  # grafeas/ too: google/devtools/containeranalysis imports it.
  cp -r "$protos" "$large_dir/old/google" && rm -rf "$large_dir/old/google/protobuf"
  cp -r "$protos/../grafeas" "$large_dir/old/"
  cp -r "$large_dir/old" "$large_dir/new"
  breaking_edits "$large_dir"
  pair large >/dev/null
  dirs+=("$large_dir")
fi

for dir in "${dirs[@]}"; do
  files=$(find "$dir/new" -name '*.proto' | wc -l)
  echo "## $(basename "$dir"): $files files"
  runs=(--warmup 1 --runs "${RUNS:-5}")
  [ "$dir" = "${large_dir:-}" ] && runs=(--runs "${LARGE_RUNS:-2}")
  hyperfine -N -i "${runs[@]}" \
    --command-name "opensergo proto breaking" "$opensergo proto breaking --error-format text $dir/new --against $dir/old" \
    --command-name "buf breaking" "buf breaking --error-format text $dir/new --against $dir/old"
  timed "opensergo proto breaking" "$work/ours.txt" "$opensergo" proto breaking --error-format text "$dir/new" --against "$dir/old"
  timed "buf breaking" "$work/buf.txt" buf breaking --error-format text "$dir/new" --against "$dir/old"
  # The same findings, or the difference is printed.
  diff <(sort "$work/ours.txt") <(sort "$work/buf.txt") && echo "findings: identical ($(wc -l <"$work/ours.txt"))"
  [ -s "$work/buf.txt" ] || echo "warning: buf found nothing: does the corpus compile?"
done
