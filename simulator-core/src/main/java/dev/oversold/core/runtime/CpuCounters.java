package dev.oversold.core.runtime;

import dev.oversold.core.sharing.Share;

/**
 * Cumulative CPU counters of one tenant, for differences between two instants: work units
 * (reference-core-seconds) allocated, wanted but contended (including wake-up waits), held back by
 * its own limit, co-stopped; and wake-ups with their total wait.
 */
record CpuCounters(
    double allocated,
    double contended,
    double throttled,
    double costopped,
    long wakeups,
    long wakeupNanos) {
  static final CpuCounters ZERO = new CpuCounters(0, 0, 0, 0, 0, 0);

  static CpuCounters of(TenantRuntime tenant) {
    Share share = tenant.cpuShare();
    TenantCpu cpu = tenant.tenantCpu();
    return new CpuCounters(
        share.allocatedWork(),
        share.contendedWork() + cpu.wakeupDelayWork(),
        share.throttledWork(),
        cpu.costopWork(),
        cpu.wakeups(),
        cpu.wakeupDelayNanos());
  }
}
