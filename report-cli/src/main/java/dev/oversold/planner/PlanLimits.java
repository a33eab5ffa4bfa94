package dev.oversold.planner;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;

/**
 * The limits of a plan.
 *
 * @param p99Ms the p99 latency limit in milliseconds; null when no victim is a service
 * @param ownSlo true when each service is held to its own {@code slo.latency} (no {@code --p99});
 *     {@code p99Ms} is then the planned tenant's SLO and other services' p99 are scaled to it
 * @param maxDegradation the largest acceptable drop of good responses, as a fraction
 */
public record PlanLimits(Double p99Ms, boolean ownSlo, double maxDegradation) {
  /**
   * Without {@code --max-degradation}: 5%, the figure the issue that asked for plans uses as its
   * example; a drop a customer notices at about the point a provider starts hearing about it.
   */
  public static final double DEFAULT_MAX_DEGRADATION = 0.05;

  public PlanLimits {
    checkArgument(p99Ms == null || p99Ms > 0, "p99 limit must be > 0");
    checkArgument(p99Ms != null || !ownSlo, "own SLOs need a p99 scale");
  }

  public List<Limit> asList() {
    List<Limit> list = new ArrayList<>();
    if (p99Ms != null) {
      list.add(new Limit(Limit.P99_MS, p99Ms));
    }
    list.add(new Limit(Limit.DEGRADATION, maxDegradation));
    return list;
  }
}
