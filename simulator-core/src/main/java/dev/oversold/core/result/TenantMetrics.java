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
 * @param failed requests that timed out or were abandoned, jobs that did not finish
 * @param rejected requests refused at a full backlog (never in {@code failed}); 0 without requests
 * @param latencyMs request latency, null for workloads without requests
 * @param jobs batch figures, null for other workloads
 * @param cpu CPU used and contention
 * @param memory resident, swapped, faults
 * @param refusals allocations the platform refused (memory, processes, files), over the whole run
 * @param oomKills times the tenant's processes were killed for memory, over the whole run
 * @param firstRefusalSeconds seconds from the run's start to the first refusal; NaN if none
 * @param firstOomKillSeconds seconds from the run's start to the first OOM kill; NaN if none
 */
public record TenantMetrics(
    double throughputPerSecond,
    double goodPerSecond,
    double progressPerSecond,
    String progressUnit,
    long failed,
    long rejected,
    Latency latencyMs,
    Jobs jobs,
    Cpu cpu,
    Memory memory,
    long refusals,
    long oomKills,
    double firstRefusalSeconds,
    double firstOomKillSeconds) {

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
   * @param throttledSeconds the same time held back, in reference-core-seconds summed over the
   *     tenant's vCPUs (a 2-vCPU tenant capped at 1 core with both vCPUs busy: 1 per second)
   * @param readyFraction ESXi %RDY over runnable time (equals the steal figure there); 0 elsewhere
   * @param costopFraction ESXi %CSTP: vCPU time co-stopped by relaxed co-scheduling, over runnable
   *     time; 0 elsewhere
   * @param wakeupDelayMeanMs mean wait of a thread that woke an idle vCPU, in ms (0 when none)
   * @param wakeupDelayP50Ms median of those waits (zero waits included), in ms (0 when none)
   * @param wakeupDelayP99Ms 99th percentile of those waits, in ms (0 when none)
   */
  public record Cpu(
      double usedCoreSeconds,
      double stealFraction,
      double throttledFraction,
      double throttledSeconds,
      double readyFraction,
      double costopFraction,
      double wakeupDelayMeanMs,
      double wakeupDelayP50Ms,
      double wakeupDelayP99Ms) {
    public Cpu {
      if (!(throttledSeconds >= 0)) {
        throw new IllegalArgumentException("throttled seconds must be >= 0: " + throttledSeconds);
      }
      if (!(wakeupDelayP50Ms <= wakeupDelayP99Ms)) {
        throw new IllegalArgumentException(
            "wake-up p50 " + wakeupDelayP50Ms + " ms above p99 " + wakeupDelayP99Ms + " ms");
      }
    }

    /** The figures every platform has; nothing throttled, the platform-specific ones zero. */
    public Cpu(double usedCoreSeconds, double stealFraction) {
      this(usedCoreSeconds, stealFraction, 0, 0, 0, 0, 0, 0, 0);
    }
  }

  /**
   * Memory figures in bytes (means over the window) and counts.
   *
   * @param residentBytes mean resident bytes
   * @param swappedBytes mean swapped bytes (host swap, vSwap or guest swap)
   * @param majorFaults page faults that needed a disk read
   * @param cacheHits buffered page reads (file-reads, a buffered stream) the page cache served
   * @param cacheMisses buffered page reads that missed the page cache and read the disk
   * @param reclaimStalls requests that waited in reclaim (for swap-out writes or a free frame)
   * @param reclaimStallMs their total wait, milliseconds
   * @param reclaimStallP99Ms the 99th percentile of one stall, milliseconds (0 without stalls)
   * @param swapInBytes bytes read back from swap for the tenant's faults
   * @param swapOutBytes bytes of the tenant's pages written to swap (its own or the host's)
   */
  public record Memory(
      double residentBytes,
      double swappedBytes,
      long majorFaults,
      long cacheHits,
      long cacheMisses,
      long reclaimStalls,
      double reclaimStallMs,
      double reclaimStallP99Ms,
      double swapInBytes,
      double swapOutBytes) {
    /**
     * Figures of a tenant that reads nothing through the page cache and has no reclaim stalls or
     * swap traffic.
     */
    public Memory(double residentBytes, double swappedBytes, long majorFaults) {
      this(residentBytes, swappedBytes, majorFaults, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Hits over buffered page reads; NaN when there were none. */
    public double cacheHitRatio() {
      long reads = cacheHits + cacheMisses;
      return reads == 0 ? Double.NaN : (double) cacheHits / reads;
    }
  }
}
