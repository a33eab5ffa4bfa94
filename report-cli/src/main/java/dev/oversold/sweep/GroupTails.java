package dev.oversold.sweep;

import dev.oversold.core.model.Scenario;
import dev.oversold.core.result.TenantMetrics;
import dev.oversold.core.result.TenantResult;
import dev.oversold.report.calculation.Stats;
import dev.oversold.report.model.Interval;
import dev.oversold.runner.ExperimentResult;
import dev.oversold.runner.Glob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each group's p99 latency at one sweep point, as a mean over replications with its 95 % Student-t
 * interval. A group's p99 in one replication is its worst service's p99 in the shared run (the rule
 * of the report's group rows). Groups are the scenario's {@code report.groups}; without them, one
 * per tenant definition ({@code web-1 .. web-n} form the group {@code web}). Groups without a
 * service are left out; a replication where no service of the group completed a request gives NaN,
 * so the mean shows as empty rather than as a made-up zero.
 */
public final class GroupTails {
  private static final Pattern NUMBERED = Pattern.compile("(.+)-(\\d+)");

  private GroupTails() {}

  /**
   * A group's p99 in milliseconds.
   *
   * @param mean over replications; NaN when some replication had no completed request
   * @param ci95 the 95 % interval of the mean; null for one replication or a NaN mean
   */
  public record Tail(double mean, @org.jspecify.annotations.Nullable Interval ci95) {}

  /** Group name to its p99, in the order groups are declared (or first seen). */
  public static Map<String, Tail> of(ExperimentResult experiment) {
    Map<String, List<String>> groups = groups(experiment.scenario(), experiment);
    Map<String, Tail> tails = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> group : groups.entrySet()) {
      List<ExperimentResult.Replication> reps = experiment.replications();
      double[] values = new double[reps.size()];
      for (int r = 0; r < reps.size(); r++) {
        values[r] = worstP99(reps.get(r), group.getValue());
      }
      double mean = Stats.mean(values);
      tails.put(group.getKey(), new Tail(mean, Stats.confidence95(values)));
    }
    return tails;
  }

  private static double worstP99(ExperimentResult.Replication rep, List<String> members) {
    double worst = Double.NaN;
    for (TenantResult tenant : rep.shared().tenants()) {
      if (!members.contains(tenant.name())) {
        continue;
      }
      TenantMetrics m = tenant.metrics();
      if (m.latencyMs() == null || !(m.throughputPerSecond() > 0)) {
        continue; // no request completed: the core's zero latencies mean nothing
      }
      worst = Double.isNaN(worst) ? m.latencyMs().p99() : Math.max(worst, m.latencyMs().p99());
    }
    return worst;
  }

  /** Groups that hold at least one service: name to its tenants. */
  private static Map<String, List<String>> groups(Scenario scenario, ExperimentResult experiment) {
    List<TenantResult> services =
        experiment.replications().get(0).shared().tenants().stream()
            .filter(t -> t.metrics().latencyMs() != null)
            .toList();
    Map<String, List<String>> groups = new LinkedHashMap<>();
    Map<String, String> declared = scenario.report().groups();
    if (!declared.isEmpty()) {
      for (Map.Entry<String, String> group : declared.entrySet()) {
        Glob glob = Glob.of(group.getValue());
        List<String> members = new ArrayList<>();
        services.stream().map(TenantResult::name).filter(glob::matches).forEach(members::add);
        if (!members.isEmpty()) {
          groups.put(group.getKey(), members);
        }
      }
      return groups;
    }
    for (TenantResult tenant : services) {
      groups.computeIfAbsent(definition(tenant.name()), k -> new ArrayList<>()).add(tenant.name());
    }
    return groups;
  }

  /** {@code web-12} belongs to {@code web}; a name without a number is its own definition. */
  static String definition(String tenant) {
    Matcher m = NUMBERED.matcher(tenant);
    return m.matches() ? m.group(1) : tenant;
  }
}
