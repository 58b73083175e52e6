#!/usr/bin/env bash
# Scaling rows of BENCHMARKS.md: each hostile-input size at 1x and 10x.
#   cargo build --release && bench/scale.sh [BINARY]
# Prints one line per case: name, scale, seconds (best of 3), peak RSS (KiB).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../target/release/opensergo}
work=${TMPDIR:-/tmp}/opensergo-scale
for scale in 1 10; do
  [ -d "$work/$scale" ] || python3 "$here/scale.py" "$work/$scale" "$scale"
done
measure() { # name scale args...
  local name=$1 scale=$2; shift 2
  local best=999999 rss=0
  for _ in 1 2 3; do
    /usr/bin/time -o "$work/time" -f '%e %M' "$bin" --no-config "$@" > /dev/null 2>&1 || true
    local out t m
    out=$(tail -1 "$work/time")
    t=${out% *} m=${out#* }
    best=$(python3 -c "print(min($best, $t))")
    rss=$m
  done
  printf '%-12s %3sx %8.2f s %9s KiB\n' "$name" "$scale" "$best" "$rss"
}
for scale in 1 10; do
  d=$work/$scale
  measure keys "$scale" validate -f short "$d/keys.yaml" || true
  measure findings "$scale" validate "$d/findings.yaml" || true
  measure didyoumean "$scale" lint "$d/didyoumean" || true
  measure documents "$scale" validate -f json "$d/documents.yaml" || true
  measure objects "$scale" lint "$d/objects" || true
done
