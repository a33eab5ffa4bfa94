package dev.oversold.core.platform.cpu;

import dev.oversold.core.engine.SimTime;

/**
 * ESXi relaxed co-scheduling in the fluid model. A multi-vCPU VM whose busy vCPUs each get only a
 * fraction {@code r} of a core is scheduled vCPU by vCPU, so its vCPUs' progress drifts apart; when
 * a vCPU runs ahead of a lagging sibling by more than the skew threshold {@code S} it is co-stopped
 * until the sibling catches up [R vSphere Resource Management: relaxed co-scheduling, skew,
 * co-stop].
 *
 * <p>Model: in each quantum {@code Q} a busy vCPU holds a core with probability {@code r},
 * independently of its siblings. When all its {@code b - 1} busy siblings run too (probability
 * {@code r^(b-1)}) there is no skew. Otherwise it is either the laggard (it catches up, useful) or
 * the leader (useful for {@code S}, then co-stopped for the rest of the quantum); the two are
 * equally likely in the long run ({@link #LEADER_SHARE}). The fraction of held core time that is
 * co-stopped is {@code (1 - r^(b-1)) * LEADER_SHARE * (1 - S/Q)}; the share keeps the core for it
 * (the fluid analogue of an idle pCPU the VM cannot use), so it is lost to everyone. Calibrated
 * against the quantum-level simulator in tests.
 *
 * @param skewThresholdNanos the skew beyond which the leading vCPU is co-stopped
 * @param quantumNanos the scheduling quantum
 */
public record CoStopModel(long skewThresholdNanos, long quantumNanos) {
  /**
   * Skew threshold. Undocumented by VMware; assumption: 3 ms, the figure long quoted for ESX's
   * co-scheduler (VMware co-scheduling notes) and small against the quantum.
   */
  public static final long ESXI_SKEW_THRESHOLD_NANOS = 3 * SimTime.MILLISECOND;

  /** Fraction of solo runs in which the running vCPU is the leader (symmetric skew walk). */
  public static final double LEADER_SHARE = 0.5;

  /** No co-scheduling (every platform but ESXi). */
  public static final CoStopModel NONE = new CoStopModel(0, 0);

  public CoStopModel {
    if (skewThresholdNanos < 0 || quantumNanos < 0) {
      throw new IllegalArgumentException("negative co-scheduling timing");
    }
  }

  /** ESXi with the assumed skew threshold and quantum. */
  public static CoStopModel esxi() {
    return new CoStopModel(ESXI_SKEW_THRESHOLD_NANOS, WakeupLatency.ESXI_QUANTUM_NANOS);
  }

  public boolean enabled() {
    return quantumNanos > 0;
  }

  /**
   * Fraction of a VM's held core time that does useful work when {@code busyVcpus} vCPUs are busy
   * and each runs a fraction {@code runFraction} of the time.
   */
  public double usefulFraction(int busyVcpus, double runFraction) {
    if (!enabled() || busyVcpus < 2 || runFraction >= 1) {
      return 1;
    }
    double r = Math.max(0, runFraction);
    double together = Math.pow(r, busyVcpus - 1);
    double stoppedPerSoloQuantum =
        Math.max(0, 1 - (double) skewThresholdNanos / quantumNanos) * LEADER_SHARE;
    return 1 - (1 - together) * stoppedPerSoloQuantum;
  }
}
