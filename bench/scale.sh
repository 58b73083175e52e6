#!/usr/bin/env bash
# Scaling rows of BENCHMARKS.md: each hostile-input size at 1x and 10x.
#   cargo build --release && bench/scale.sh [BINARY]
#   CASES="keys objects" SCALES="1 10 100" bench/scale.sh   (a subset; 100 only for objects)
# Prints one line per case: name, scale, wall seconds (best of 3), CPU seconds
# (user + system, best of 3: steadier than wall time on a shared machine), peak
# RSS (KiB), and the load average before the case.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../target/release/opensergo}
work=${TMPDIR:-/tmp}/opensergo-scale
scales=${SCALES:-1 10}
cases=${CASES:-keys findings didyoumean documents objects}
for scale in $scales; do
  # shellcheck disable=SC2086 # one argument per case
  [ -d "$work/$scale" ] || python3 "$here/scale.py" "$work/$scale" "$scale" $cases
done
measure() { # name scale args...
  local name=$1 scale=$2; shift 2
  case " $cases " in *" $name "*) ;; *) return 0 ;; esac
  local best=999999 cpu=999999 rss=0 load
  load=$(cut -d' ' -f1 /proc/loadavg)
  for _ in 1 2 3; do
    /usr/bin/time -o "$work/time" -f '%e %U %S %M' "$bin" --no-config "$@" > /dev/null 2>&1 || true
    local t u s m
    read -r t u s m < <(tail -1 "$work/time")
    best=$(python3 -c "print(min($best, $t))")
    cpu=$(python3 -c "print(min($cpu, $u + $s))")
    rss=$m
  done
  printf '%-12s %3sx %8.2f s wall %8.2f s cpu %9s KiB  load %s\n' "$name" "$scale" "$best" "$cpu" "$rss" "$load"
}
for scale in $scales; do
  d=$work/$scale
  measure keys "$scale" validate -f short "$d/keys.yaml" || true
  measure findings "$scale" validate "$d/findings.yaml" || true
  measure didyoumean "$scale" lint "$d/didyoumean" || true
  measure documents "$scale" validate -f json "$d/documents.yaml" || true
  measure objects "$scale" lint "$d/objects" || true
done
