package dev.oversold.planner;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * One limit every victim must stay within: the worst victim's figure must not exceed {@code value}.
 *
 * @param metric the figure's key, e.g. {@code p99_ms} or {@code degradation}
 * @param value the largest acceptable value, in the metric's unit
 */
public record Limit(String metric, double value) {
  /** The worst victim's 99th percentile latency, in milliseconds. */
  public static final String P99_MS = "p99_ms";

  /** The worst victim's {@code degradation.good_rate} (a fraction: 0.05 is a 5% drop). */
  public static final String DEGRADATION = "degradation";

  public Limit {
    Objects.requireNonNull(metric, "metric");
    checkArgument(Double.isFinite(value), "limit of %s must be finite, got %s", metric, value);
  }
}
