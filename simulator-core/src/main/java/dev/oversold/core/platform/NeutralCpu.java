package dev.oversold.core.platform;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.PlanSpec;
import dev.oversold.core.sharing.ShareSettings;

/**
 * Builds CPU share settings from already-mapped values. Weights are relative within a host, so each
 * platform passes its native weight divided by its own default (cpuunits / 1000, weight / 256...);
 * caps and floors are in reference cores (100% = 1.0).
 */
final class NeutralCpu {
  private NeutralCpu() {}

  static ShareSettings share(
      HostSpec host,
      PlanSpec plan,
      double relativeWeight,
      double floorCores,
      double capCores,
      double efficiency,
      boolean weightPerThread) {
    return new ShareSettings(
        relativeWeight,
        floorCores,
        capCores,
        host.cpu().speed(),
        plan.vcpus(),
        efficiency,
        weightPerThread);
  }

  /**
   * A native percentage knob (of one core) as cores, or {@code fallback} when not given; 0 = none.
   */
  static double percentCap(double percentFraction, double fallback) {
    if (Double.isNaN(percentFraction)) {
      return fallback;
    }
    return percentFraction == 0 ? Double.POSITIVE_INFINITY : percentFraction;
  }
}
