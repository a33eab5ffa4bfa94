package dev.oversold.core.platform.cpu.quantum;

/**
 * A tenant in the quantum-level simulator: its scheduling parameters, vCPUs and what it runs.
 *
 * @param name for reports
 * @param weight relative weight (credit weight / cgroup weight / ESXi shares, normalised)
 * @param capCores limit in cores; infinity for none
 * @param reservationCores ESXi reservation in cores; 0 for none
 * @param vcpus its vCPUs
 * @param meanSleepNanos for a waking tenant: mean of the exponential sleep between bursts; 0 for a
 *     hog whose vCPUs never sleep
 * @param burstNanos for a waking tenant: CPU time each burst needs
 */
public record QuantumDomain(
    String name,
    double weight,
    double capCores,
    double reservationCores,
    int vcpus,
    long meanSleepNanos,
    long burstNanos) {
  public QuantumDomain {
    if (!(weight > 0) || !(capCores > 0) || reservationCores < 0 || vcpus < 1) {
      throw new IllegalArgumentException("bad domain " + name);
    }
    if (meanSleepNanos < 0 || burstNanos < 0 || (meanSleepNanos > 0) != (burstNanos > 0)) {
      throw new IllegalArgumentException("bad sleep/burst for " + name);
    }
  }

  /** A CPU-bound tenant: every vCPU always runnable. */
  public static QuantumDomain hog(String name, double weight, double capCores, int vcpus) {
    return new QuantumDomain(name, weight, capCores, 0, vcpus, 0, 0);
  }

  /** A latency-sensitive tenant with one vCPU that sleeps and wakes for short bursts. */
  public static QuantumDomain waker(String name, double weight, long meanSleep, long burst) {
    return new QuantumDomain(name, weight, Double.POSITIVE_INFINITY, 0, 1, meanSleep, burst);
  }

  public QuantumDomain withReservation(double cores) {
    return new QuantumDomain(name, weight, capCores, cores, vcpus, meanSleepNanos, burstNanos);
  }

  public boolean isHog() {
    return meanSleepNanos == 0;
  }
}
