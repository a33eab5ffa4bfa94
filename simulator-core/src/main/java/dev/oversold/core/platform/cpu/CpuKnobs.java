package dev.oversold.core.platform.cpu;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobKind;
import dev.oversold.core.model.KnobValues;
import dev.oversold.core.model.PlanSpec;
import dev.oversold.core.sharing.ShareSettings;

/** CPU knobs every platform offers, and helpers the CPU policies share. */
public final class CpuKnobs {
  private CpuKnobs() {}

  /** Host option: apply the scheduling-latency delay model (on by default). */
  public static final Knob WAKEUP_DELAY =
      new Knob(
          "cpu-wakeup-delay",
          KnobKind.BOOLEAN,
          1,
          0,
          1,
          "model the wait of a thread waking on a saturated host (Xen BOOST/30 ms slice, CFS"
              + " wake-up preemption, ESXi quantum); off = pure fluid sharing. See"
              + " docs/platforms-cpu.md");

  public static boolean wakeupDelayOn(HostSpec host) {
    return host.options().get(WAKEUP_DELAY) != 0;
  }

  /** Settings from already-mapped values: weights relative, floors and caps in reference cores. */
  public static ShareSettings share(
      HostSpec host,
      int vcpus,
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
        vcpus,
        efficiency,
        weightPerThread);
  }

  /**
   * A native percentage knob (fraction of one core) as cores; {@code fallback} when not given; 0
   * means none.
   */
  public static double percentCap(KnobValues knobs, Knob knob, double fallback) {
    double value = knobs.get(knob.key(), Double.NaN);
    if (Double.isNaN(value)) {
      return fallback;
    }
    return value == 0 ? Double.POSITIVE_INFINITY : value;
  }

  /** The neutral weight, or a native weight divided by the platform's default. */
  public static double weight(PlanSpec plan, Knob knob, double platformDefault) {
    return plan.nativeKnobs().get(knob.key(), plan.cpu().weight() * platformDefault)
        / platformDefault;
  }
}
