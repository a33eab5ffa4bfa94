package dev.oversold.core.kernel;

import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobValues;
import java.util.Objects;

/**
 * A beancounter's barrier and limit knobs. The limit defaults to the barrier (and the barrier to
 * the limit), so a single value sets both as vzctl does; when both are given the barrier must not
 * be above the limit.
 */
public record BarrierLimit(Knob barrier, Knob limit) {
  public BarrierLimit {
    Objects.requireNonNull(barrier, "barrier");
    Objects.requireNonNull(limit, "limit");
  }

  /** True when {@code values} give both and the barrier is above the limit (invalid). */
  public boolean inverted(KnobValues values) {
    return values.has(barrier.key())
        && values.has(limit.key())
        && values.get(barrier.key(), 0) > values.get(limit.key(), 0);
  }

  /** The barrier in {@code values}: given, else the limit given, else unlimited. */
  long barrierOf(KnobValues values) {
    return amount(values, barrier, limit);
  }

  /** The limit in {@code values}: given, else the barrier given, else unlimited. */
  long limitOf(KnobValues values) {
    return amount(values, limit, barrier);
  }

  private static long amount(KnobValues values, Knob first, Knob fallback) {
    double value = values.get(first.key(), values.get(fallback.key(), Double.NaN));
    return Double.isNaN(value) ? Long.MAX_VALUE : (long) value;
  }
}
