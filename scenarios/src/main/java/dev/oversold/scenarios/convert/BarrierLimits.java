package dev.oversold.scenarios.convert;

import dev.oversold.core.kernel.BarrierLimit;
import dev.oversold.core.model.KnobValues;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.platform.Platforms;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Checks a plan's barrier:limit knob pairs (OpenVZ kmemsize, privvmpages, tcpsndbuf, tcprcvbuf): a
 * limit below its barrier is refused at the limit's key, as vzctl refuses barrier > limit.
 */
final class BarrierLimits {
  private BarrierLimits() {}

  static void check(
      KnobValues values, Collection<PlatformKind> platforms, String path, Context context) {
    Set<BarrierLimit> pairs = new LinkedHashSet<>();
    for (PlatformKind kind : platforms) {
      pairs.addAll(Platforms.of(kind).kernel().barrierLimits());
    }
    for (BarrierLimit pair : pairs) {
      if (pair.inverted(values)) {
        context.error(
            path + "." + pair.limit().key(),
            pair.limit().key() + " is below the barrier " + pair.barrier().key(),
            "at least " + pair.barrier().key() + ", or leave it out to use the barrier");
      }
    }
  }
}
