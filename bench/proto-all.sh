#!/usr/bin/env bash
# Every proto benchmark of BENCHMARKS.md in one run, next to buf 1.75.0 and
# protoc on the same corpora (npm google-proto-files 5.0.3, as installed by
# bench/gen-bench.sh under $BENCH_DIR/gen/tools): proto build and gen
# (OpenSergo protos, medium, all of googleapis), proto lint, proto breaking
# and proto format (OpenSergo protos, medium, all of googleapis). Prints the
# load average before and after each part, for the record.
#
#   OPENSERGO=BINARY nice -n 0 bench/proto-all.sh 2>&1 | tee /tmp/proto-all.log
#   bench/proto-all.sh build lint     only those parts (build, gen-large, lint, breaking, format)
#
# Takes about half an hour on the shared 2-core VM (buf breaking on all of
# googleapis alone takes minutes a run).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/timed.sh
tools=${BENCH_DIR:-/tmp/opensergo-bench}/gen/tools
export OPENSERGO=${OPENSERGO:-$PWD/target/release/opensergo}
export PROTOS=$tools/node_modules/google-proto-files/google
export PATH="$tools/node_modules/.bin:$PATH"
echo "versions: $(buf --version) buf, $(protoc --version), $("$OPENSERGO" --version)"
declare -A scripts=([build]="gen-bench.sh --runs 3" [gen-large]="gen-bench.sh --large"
  [lint]="proto-lint-bench.sh --large" [breaking]="proto-breaking-bench.sh --large"
  [format]="proto-format-bench.sh --large")
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(build gen-large lint breaking format)
for name in "${parts[@]}"; do
  part=${scripts[$name]:?unknown part $name}
  echo "# bench/$part"
  load before
  # shellcheck disable=SC2086 # the part is a script and its arguments
  bench/$part
  load after
done
