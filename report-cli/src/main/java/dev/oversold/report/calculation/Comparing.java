package dev.oversold.report.calculation;

import dev.oversold.report.model.Metric;
import dev.oversold.report.model.Metrics;

/** A tenant's shared figure against its figure alone, as the metric's declaration says. */
public final class Comparing {
  private Comparing() {}

  /** The comparison of {@code metric} in one replication; NaN where undefined. */
  public static double compare(Metric metric, Metrics shared, Metrics alone) {
    double s = shared.get(metric);
    double b = alone.get(metric);
    return switch (metric.comparison().kind()) {
      case NONE -> Double.NaN;
      case DROP -> Stats.drop(s, b);
      // A per-request figure of a run that completed nothing is undefined, not zero.
      case RATIO -> shared.throughputPerS() > 0 ? Stats.ratio(s, b) : Double.NaN;
    };
  }
}
