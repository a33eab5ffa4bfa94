#!/usr/bin/env bash
# Lists the methods that a launcher's JVM never compiles because they look "queued for compilation"
# from the start: JDK 17's dynamic AppCDS archive keeps that flag for a method that was waiting for
# the JIT when the recording JVM exited (JDK-8306460, fixed in JDK 21), and every later run that maps
# the archive then interprets such a method for good (docs/performance.md, peer4). Runs one command
# through the launcher with HotSpot's tiered-policy trace and prints each method the trace shows as
# in the queue without ever submitting it; exits 1 when there is any.
# Run from the repository root after packaging the benchmarks module:
#   benchmarks/scripts/stuck-methods.sh [LAUNCHER=./oversold] [ARGS...]
# With no ARGS the command is the CloudSim Plus peer run (`run peer.yaml --out DIR --format json`).
set -euo pipefail
launcher="${1:-./oversold}"
shift || true
work="$(mktemp -d "${TMPDIR:-/tmp}/oversold-stuck.XXXXXX")"
trap 'rm -rf "$work"' EXIT
if [ "$#" -eq 0 ]; then
  java -cp benchmarks/target/oversold-benchmarks.jar dev.oversold.benchmarks.peer.PeerScenario \
    1000 10 42 >"$work/peer.yaml"
  set -- run "$work/peer.yaml" --out "$work/out" --format json --quiet
fi
"$launcher" --version >/dev/null # untimed: builds a stale jar and records the start-up cache
OVERSOLD_JAVA_OPTS="${OVERSOLD_JAVA_OPTS:-} -XX:+UnlockDiagnosticVMOptions -XX:+PrintTieredEvents \
-XX:+DisplayVMOutputToStderr" "$launcher" "$@" >/dev/null 2>"$work/events"
# A trace line names the event, then the method in brackets; "compile" lines are submissions.
awk '
  match($0, /\[(call|loop|compile) level=[0-9] \[[^]]*\]/) {
    event = substr($0, RSTART + 1, RLENGTH - 1)
    kind = event; sub(/ .*/, "", kind)
    method = event; sub(/^[a-z]+ level=[0-9] \[/, "", method); sub(/\]$/, "", method)
    if (kind == "compile") submitted[method] = 1
    else if ($0 ~ /status=in-queue/) queued[method] = 1
  }
  END {
    for (m in queued) if (!(m in submitted)) { print m; stuck++ }
    printf "%d method(s) stuck as queued for compilation\n", stuck > "/dev/stderr"
    exit stuck > 0
  }' "$work/events"
