package dev.oversold.core.model;

import dev.oversold.core.engine.SimDuration;
import java.util.Objects;

/**
 * A named stretch of the run that the report measures on its own ({@code report.windows}), e.g.
 * while a backup runs: every per-tenant figure is computed over {@code [from, to)} as well.
 *
 * @param name its key under {@code windows} in report.json
 * @param from start, from the run's start
 * @param to end (exclusive), after {@code from}
 */
public record MeasurementWindow(String name, SimDuration from, SimDuration to) {
  public MeasurementWindow {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a measurement window needs a name");
    }
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.nanos() <= from.nanos()) {
      throw new IllegalArgumentException(
          "window " + name + " ends at " + to + ", not after its start " + from);
    }
  }

  /** Length in seconds. */
  public double seconds() {
    return (to.nanos() - from.nanos()) / 1e9;
  }
}
