#!/usr/bin/env bash
# The CloudSim Plus peer comparison as medians of interleaved whole processes (docs/performance.md,
# peer2): each round runs CloudSim Plus 8.5.7 on the time-shared workload (1,000 VMs x 10
# cloudlets), then `oversold run` of the same workload through each launcher given, in turn, so
# that load on a shared machine falls on all of them alike. Prints every run's wall and CPU
# (user + system) seconds, then per command the medians and the ratio CloudSim Plus / command,
# and whether every launcher's four report files are byte-identical to the first one.
# Run from the repository root after packaging the benchmarks module:
#   benchmarks/scripts/peer-interleaved.sh [ROUNDS=5] [LAUNCHER...]   (default: ./oversold)
# Each LAUNCHER is an `oversold` script (another checkout's, or `OVERSOLD_JAVA=... ./oversold`
# written as a small wrapper script).
set -euo pipefail
rounds="${1:-5}"
shift || true
launchers=("$@")
[ "${#launchers[@]}" -gt 0 ] || launchers=(./oversold)
jar=benchmarks/target/oversold-benchmarks.jar
work="$(mktemp -d "${TMPDIR:-/tmp}/oversold-peer.XXXXXX")"
java -cp "$jar" dev.oversold.benchmarks.peer.PeerScenario 1000 10 42 >"$work/peer.yaml"

# Appends "wall cpu" of one command to the file named first.
timed() {
  local into="$1" start end
  shift
  start="$(date +%s.%N)"
  # bash's `times` prints the children's user and system time on its second line
  "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  end="$(date +%s.%N)"
  # in this shell, not a pipeline: a forked child would not inherit the children's times
  times >"$work/times"
  local cpu
  cpu="$(sed -n 2p "$work/times" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/);
    print u[1] * 60 + u[2] + s[1] * 60 + s[2] }')"
  echo "$(echo "$end - $start" | bc) $cpu" >>"$into"
}

for launcher in "${launchers[@]}"; do
  "$launcher" --version >/dev/null # untimed: builds a stale jar and records the start-up cache
done
for ((r = 1; r <= rounds; r++)); do
  (timed "$work/peer.times" java -cp "$jar" dev.oversold.benchmarks.peer.CloudSimPlusPeer 1000 10 42)
  for i in "${!launchers[@]}"; do
    (timed "$work/l$i.times" "${launchers[$i]}" run "$work/peer.yaml" --out "$work/out$i" \
      --format json --quiet)
  done
done

# times accumulates over a subshell's children, so each run above has its own subshell: the CPU
# column is that run's alone.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
peer_wall="$(cut -d' ' -f1 "$work/peer.times" | median)"
peer_cpu="$(cut -d' ' -f2 "$work/peer.times" | median)"
echo "CloudSim Plus 8.5.7: runs (wall cpu): $(tr '\n' ';' <"$work/peer.times")"
echo "CloudSim Plus 8.5.7: median ${peer_wall} s wall, ${peer_cpu} s CPU over $rounds rounds"
for i in "${!launchers[@]}"; do
  wall="$(cut -d' ' -f1 "$work/l$i.times" | median)"
  cpu="$(cut -d' ' -f2 "$work/l$i.times" | median)"
  same=yes
  for file in report.txt report.json report.csv report.html; do
    cmp -s "$work/out0/$file" "$work/out$i/$file" || same=no
  done
  echo "${launchers[$i]}: runs (wall cpu): $(tr '\n' ';' <"$work/l$i.times")"
  printf '%s: median %s s wall (CloudSim Plus / this %.1fx), %s s CPU (%.1fx); all four reports byte-identical to the first launcher: %s\n' \
    "${launchers[$i]}" "$wall" "$(echo "$peer_wall / $wall" | bc -l)" "$cpu" \
    "$(echo "$peer_cpu / $cpu" | bc -l)" "$same"
done
rm -rf "$work"
