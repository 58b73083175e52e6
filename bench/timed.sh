# Sourced by the proto benchmarks: one run of a command under GNU time.
#
#   timed LABEL OUT CMD...   runs CMD once with its stdout in OUT (stderr dropped) and
#                            prints LABEL: wall, user and system CPU, peak RSS
#
# CPU time (user + sys) is the number to compare on a shared machine: wall time
# also counts the time spent waiting for a core.
timed() {
  local label=$1 out=$2
  shift 2
  /usr/bin/time -o "$out.time" -f "%e s wall, %U s user, %S s sys, %M KB peak RSS" "$@" >"$out" 2>/dev/null || true
  echo "$label: $(tail -1 "$out.time")"
}

# The load average (1, 5, 15 minutes) and what else is running, for the record.
load() {
  echo "load average $1: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
}
