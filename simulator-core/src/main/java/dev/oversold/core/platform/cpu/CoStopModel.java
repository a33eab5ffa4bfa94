package dev.oversold.core.platform.cpu;

import dev.oversold.core.engine.SimTime;

/**
 * ESXi relaxed co-scheduling in the fluid model. A multi-vCPU VM whose busy vCPUs each get only a
 * fraction {@code r} of a core is dispatched vCPU by vCPU, so its vCPUs' progress drifts apart;
 * when a vCPU runs ahead of its slowest sibling by more than the skew threshold it is co-stopped
 * until the laggard catches up (the laggard is co-started first) [R vSphere Resource Management:
 * relaxed co-scheduling, skew, co-stop].
 *
 * <p>Model: skew arises only when not all {@code b} busy vCPUs run together; with each running a
 * fraction {@code r} of the time that happens a fraction {@code 1 - r^(b-1)} of a vCPU's run time.
 * A fixed part {@link #ESXI_SOLO_LOSS} of that time is co-stopped: the share keeps the core for it
 * (a pCPU the VM holds but cannot use), so its useful work drops by that fraction and the core is
 * lost to everyone. {@code ESXI_SOLO_LOSS} is calibrated on the quantum-level simulator
 * (QuantumCpuSimulator, ESXI, 3 ms skew threshold, 20 ms quantum): over 2- and 4-vCPU VMs next to
 * 1..6 single-vCPU hogs on 2 and 4 cores, the co-stopped fraction of held time divided by {@code 1
 * - r^(b-1)} has median 0.025 (range 0.012-0.03, with lock-step outliers to 1.0 when the waiting
 * threads do not divide the cores; see QuantumCrossCheckTest).
 *
 * @param soloLoss fraction of the VM's unsynchronised run time that is co-stopped
 */
public record CoStopModel(double soloLoss) {
  /**
   * Skew threshold of the quantum-level simulator. Undocumented by VMware; assumption: 3 ms, the
   * figure long quoted for ESX's co-scheduler, small against the quantum.
   */
  public static final long ESXI_SKEW_THRESHOLD_NANOS = 3 * SimTime.MILLISECOND;

  /** Calibrated co-stopped fraction of unsynchronised run time (see the class comment). */
  public static final double ESXI_SOLO_LOSS = 0.025;

  /** No co-scheduling (every platform but ESXi). */
  public static final CoStopModel NONE = new CoStopModel(0);

  public CoStopModel {
    if (!(soloLoss >= 0 && soloLoss < 1)) {
      throw new IllegalArgumentException("solo loss must be in [0, 1), got " + soloLoss);
    }
  }

  /** ESXi with the calibrated loss. */
  public static CoStopModel esxi() {
    return new CoStopModel(ESXI_SOLO_LOSS);
  }

  public boolean enabled() {
    return soloLoss > 0;
  }

  /**
   * Fraction of a VM's held core time that does useful work when {@code busyVcpus} vCPUs are busy
   * and each runs a fraction {@code runFraction} of the time.
   */
  public double usefulFraction(int busyVcpus, double runFraction) {
    if (!enabled() || busyVcpus < 2 || runFraction >= 1) {
      return 1;
    }
    double together = Math.pow(Math.max(0, runFraction), busyVcpus - 1);
    return 1 - soloLoss * (1 - together);
  }
}
