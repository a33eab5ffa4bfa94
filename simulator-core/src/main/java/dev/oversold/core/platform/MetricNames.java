package dev.oversold.core.platform;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * What a platform's own tools call the CPU figures the simulator measures, so reports head them
 * with the platform's word.
 *
 * @param cpuWait the time a runnable vCPU or thread waits for a core: steal (Xen xentop, KVM
 *     guests' /proc/stat), ready (ESXi esxtop %RDY), run-queue wait (OpenVZ and bare metal: the
 *     host kernel's schedstat run delay)
 * @param readyTime the platform reports that wait as ready time (esxtop %RDY), so results carry it
 *     as the ready fraction too; false elsewhere, where the ready fraction is 0
 */
public record MetricNames(String cpuWait, boolean readyTime) {
  public MetricNames {
    checkArgument(cpuWait != null && !cpuWait.isBlank(), "cpuWait must not be blank");
  }

  /** Steal, as a guest of a hypervisor reads it (Xen, KVM). */
  public static final MetricNames STEAL = new MetricNames("steal", false);

  /** Run-queue wait, as a shared kernel's schedstat counts it (OpenVZ, bare metal). */
  public static final MetricNames RUN_QUEUE_WAIT = new MetricNames("run-queue wait", false);
}
