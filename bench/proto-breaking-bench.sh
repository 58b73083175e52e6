#!/usr/bin/env bash
# `opensergo proto breaking` next to the real `buf breaking`, in one run, on
# the embedded OpenSergo protos and on the medium googleapis module (474
# files of npm google-proto-files: google/cloud/aiplatform plus
# google/{api,rpc,type,longrunning,iam,logging}). The current version of
# each corpus is a copy of the previous one with a handful of breaking
# edits (deleted and renamed fields, a changed type, a deleted message, a
# deleted RPC), so both tools compile both versions and report the same
# few findings; the script diffs their outputs.
#
#   bench/proto-breaking-bench.sh [--install]
#
# --install puts buf and google-proto-files (npm) under bench/.work, as
# bench/proto-lint-bench.sh does; PROTOS=DIR uses another google-proto-files
# `google/` directory instead. Needs a release build (`cargo build --release`)
# and hyperfine (OPENSERGO=BINARY times another build). Both tools exit non-zero on findings; hyperfine runs with -i.
set -euo pipefail
cd "$(dirname "$0")/.."
work=bench/.work/proto-breaking
mkdir -p "$work"
for arg in "$@"; do
  case "$arg" in
    --install) (cd "$work" && npm init -y >/dev/null && npm install --silent @bufbuild/buf google-proto-files) ;;
    *) echo "unknown argument $arg" >&2; exit 2 ;;
  esac
done
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

medium="$work/medium"
rm -rf "$medium" && mkdir -p "$medium/old/google"
for sub in api rpc type longrunning iam logging cloud/aiplatform; do
  mkdir -p "$medium/old/google/$(dirname "$sub")"
  cp -r "$protos/$sub" "$medium/old/google/$sub"
done
cp -r "$medium/old" "$medium/new"
new="$medium/new/google"
sed -i 's/  repeated google.protobuf.Any details = 3;//' "$new/rpc/status.proto"
sed -i 's/  string message = 2;/  bytes message = 2;/' "$new/rpc/status.proto"
sed -i 's/  int32 year = 1;/  int64 year = 1;/' "$new/type/date.proto"
sed -i 's/  string name = 1;/  string full_name = 1;/' "$new/longrunning/operations.proto"
sed -i '/^message WaitOperationRequest {/,/^}/d' "$new/longrunning/operations.proto"
sed -i '/rpc WaitOperation(/d' "$new/longrunning/operations.proto"
pair medium >/dev/null

for dir in "$opensergo_pair" "$medium"; do
  files=$(find "$dir/new" -name '*.proto' | wc -l)
  echo "## $(basename "$dir"): $files files"
  hyperfine -N -i --warmup 1 --runs 5 \
    --command-name "opensergo proto breaking" "$opensergo proto breaking --error-format text $dir/new --against $dir/old" \
    --command-name "buf breaking" "buf breaking --error-format text $dir/new --against $dir/old"
  # The same findings, or the difference is printed.
  diff <("$opensergo" proto breaking --error-format text "$dir/new" --against "$dir/old" | sort) \
       <(buf breaking --error-format text "$dir/new" --against "$dir/old" | sort) \
    && echo "findings: identical ($("$opensergo" proto breaking --error-format text "$dir/new" --against "$dir/old" | wc -l))"
  /usr/bin/time -f "opensergo max RSS %M KB" "$opensergo" proto breaking "$dir/new" --against "$dir/old" >/dev/null 2>"$work/time.txt" || true
  tail -1 "$work/time.txt"
  /usr/bin/time -f "buf max RSS %M KB" buf breaking "$dir/new" --against "$dir/old" >/dev/null 2>"$work/time.txt" || true
  tail -1 "$work/time.txt"
done
