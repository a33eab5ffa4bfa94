package dev.oversold.sweep;

import dev.oversold.report.model.Report;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a finished sweep point leaves: its report and its groups' p99 over replications.
 *
 * @param point the point
 * @param report its report, as {@code oversold run} would write it
 * @param tails group name to p99, in group order
 */
public record PointOutcome(SweepPoint point, Report report, Map<String, GroupTails.Tail> tails) {
  public PointOutcome {
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(report, "report");
    tails = Collections.unmodifiableMap(new LinkedHashMap<>(tails));
  }
}
