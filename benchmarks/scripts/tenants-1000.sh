#!/usr/bin/env bash
# Writes the 1,000-tenant scenario that docs/performance.md times `oversold validate` on: one
# 64-core KVM host and 1,000 explicit service tenants, one flow mapping each (no {1..N} ranges, so
# the loader reads and binds every tenant). Usage: benchmarks/scripts/tenants-1000.sh [COUNT] >FILE
set -euo pipefail
count="${1:-1000}"
cat <<'YAML'
scenario: tenants-1000
description: One 64-core KVM host with many small web tenants, each written out (start-up timing).
duration: 10s
warmup: 1s
hosts:
  - { name: node1, platform: kvm, cpu: { cores: 64 }, memory: { ram: 1TiB } }
report: { baseline: none, interference: none }
plans:
  small: { vcpus: 1, memory: { ram: 512MiB } }
tenants:
YAML
for ((i = 1; i <= count; i++)); do
  echo "  - { name: web-$i, plan: small, workload: { kind: service, arrivals: { process: poisson, rate: 20/s }, request: { cpu: { distribution: exponential, mean: 4ms } }, slo: { latency: 100ms } } }"
done
