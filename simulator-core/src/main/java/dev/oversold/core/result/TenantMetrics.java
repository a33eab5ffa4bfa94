package dev.oversold.core.result;

/**
 * The figures of one tenant over the measured window; the shape of {@code metrics} and {@code
 * baseline} in report.json.
 *
 * @param throughputPerSecond completed requests (or jobs, or operations) per second
 * @param goodPerSecond completed within the SLO per second; equals progress without an SLO
 * @param progressPerSecond the workload's own unit of useful work per second (requests,
 *     core-seconds, bytes, allocations, forks)
 * @param progressUnit what progress counts
 * @param failed requests that timed out or were refused, jobs that did not finish
 * @param latencyMs request latency, null for workloads without requests
 * @param jobs batch figures, null for other workloads
 * @param cpu CPU used and contention
 * @param memory resident, swapped, faults
 * @param refusals allocations the platform refused (memory, processes, files)
 * @param oomKills times the tenant's processes were killed for memory
 */
public record TenantMetrics(
    double throughputPerSecond,
    double goodPerSecond,
    double progressPerSecond,
    String progressUnit,
    long failed,
    Latency latencyMs,
    Jobs jobs,
    Cpu cpu,
    Memory memory,
    long refusals,
    long oomKills) {

  /** Latency in milliseconds. */
  public record Latency(double mean, double p50, double p95, double p99, double max) {}

  /** Batch job figures. */
  public record Jobs(long completed, double makespanSeconds, double meanCompletionSeconds) {}

  /**
   * CPU figures.
   *
   * @param usedCoreSeconds reference-core-seconds allocated to the tenant
   * @param stealFraction vCPU time runnable but not running for contention (fluid contention plus
   *     wake-up waits), over runnable time: what a KVM or Xen guest reads as steal; on other
   *     platforms the same contention, which their tenants see as run-queue wait (OpenVZ) or ready
   *     time (ESXi)
   * @param throttledFraction vCPU time held back by the tenant's own limit, over runnable time
   *     (cgroup cpu.stat throttled time, OpenVZ cpulimit, Xen cap parking, ESXi limit)
   * @param readyFraction ESXi %RDY over runnable time (equals the steal figure there); 0 elsewhere
   * @param costopFraction ESXi %CSTP: vCPU time co-stopped by relaxed co-scheduling, over runnable
   *     time; 0 elsewhere
   * @param wakeupDelayMeanMs mean wait of a thread that woke an idle vCPU, in ms (0 when none)
   */
  public record Cpu(
      double usedCoreSeconds,
      double stealFraction,
      double throttledFraction,
      double readyFraction,
      double costopFraction,
      double wakeupDelayMeanMs) {
    /** The figures every platform has; the platform-specific ones zero. */
    public Cpu(double usedCoreSeconds, double stealFraction, double throttledFraction) {
      this(usedCoreSeconds, stealFraction, throttledFraction, 0, 0, 0);
    }
  }

  /**
   * Memory figures in bytes (means over the window) and counts.
   *
   * @param residentBytes mean resident bytes
   * @param swappedBytes mean swapped bytes (host swap, vSwap or guest swap)
   * @param majorFaults page faults that needed a disk read
   */
  public record Memory(double residentBytes, double swappedBytes, long majorFaults) {}
}
