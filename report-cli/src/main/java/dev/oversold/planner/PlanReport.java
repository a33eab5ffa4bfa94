package dev.oversold.planner;

import java.util.List;
import java.util.Objects;

/**
 * What {@code oversold plan} found: the contract keys of plan.json (user contract, section 4).
 *
 * @param scenario scenario name
 * @param seed seed of the first replication
 * @param limits the limits every victim had to meet
 * @param tenant the planned family's name (e.g. {@code web} for {@code web-{1..n}})
 * @param platforms one answer per platform, in the order asked for
 */
public record PlanReport(
    String scenario, long seed, PlanLimits limits, String tenant, List<PlatformPlan> platforms) {
  public PlanReport {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(tenant, "tenant");
    platforms = List.copyOf(platforms);
  }

  /**
   * The answer on one platform.
   *
   * @param platform platform id
   * @param search what the search found
   * @param runs simulations it took (shared runs and baselines)
   * @param wallSeconds wall time of this platform's search
   */
  public record PlatformPlan(String platform, SearchResult search, int runs, double wallSeconds) {
    public PlatformPlan {
      Objects.requireNonNull(platform, "platform");
      Objects.requireNonNull(search, "search");
    }
  }
}
