package dev.oversold.report.calculation;

import dev.oversold.core.workload.WorkloadKind;
import dev.oversold.core.workload.Workloads;
import dev.oversold.report.model.MetricCatalog;
import dev.oversold.report.model.Metrics;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code degradation.headline}: the one figure per tenant the summary and the interference matrix
 * use, chosen by what the tenant's workload kind reports ({@link WorkloadKind.Figures}) so that it
 * moves whenever the tenant is measurably worse off. Every term is a fraction lost on the same
 * scale as {@code good_rate} ({@code 1 - shared / alone} of a rate, or {@code 1 - alone / shared}
 * of a time, which is the rate {@code 1/time} lost), and the headline is the worst term: a p99 that
 * triples (47 ms to 150 ms) shows as {@code 1 - 47/150 = 0.687} even when every request still meets
 * its SLO and {@code good_rate} stays 0.
 */
public final class Headline {
  private Headline() {}

  /** The rule for one kind of figures: its name in {@code summary.headline_metric}. */
  public enum Rule {
    REQUESTS("max(good_rate, 1 - p99 alone / p99 shared)"),
    JOBS("max(good_rate, 1 - makespan alone / makespan shared)"),
    PROGRESS("1 - progress_per_s shared / progress_per_s alone");

    private final String formula;

    Rule(String formula) {
      this.formula = formula;
    }

    public String formula() {
      return formula;
    }

    /** The rule for the kind named {@code workload}; an unregistered name has progress only. */
    public static Rule of(String workload) {
      WorkloadKind.Figures figures =
          Workloads.named(workload)
              .map(WorkloadKind::figures)
              .orElse(WorkloadKind.Figures.PROGRESS);
      return switch (figures) {
        case REQUESTS -> REQUESTS;
        case JOBS -> JOBS;
        case PROGRESS -> PROGRESS;
      };
    }
  }

  /** The headline of {@code shared} against {@code alone} for a tenant (or group) of one rule. */
  public static double of(Rule rule, Metrics shared, Metrics alone) {
    return switch (rule) {
      case REQUESTS ->
          worst(
              Stats.drop(shared.goodPerS(), alone.goodPerS()),
              // a tail latency is defined only for a run that completed requests
              shared.throughputPerS() > 0 ? timeLost(shared.p99Ms(), alone.p99Ms()) : Double.NaN);
      case JOBS ->
          worst(
              Stats.drop(shared.goodPerS(), alone.goodPerS()),
              timeLost(
                  shared.get(MetricCatalog.JOBS_MAKESPAN), alone.get(MetricCatalog.JOBS_MAKESPAN)));
      case PROGRESS ->
          Stats.drop(shared.get(MetricCatalog.PROGRESS), alone.get(MetricCatalog.PROGRESS));
    };
  }

  /** The headline of a tenant running {@code workload}. */
  public static double of(String workload, Metrics shared, Metrics alone) {
    return of(Rule.of(workload), shared, alone);
  }

  /**
   * The headline of an interference member: its tenants' rule when they share one, else the drop of
   * their summed good rate (the one figure every kind has).
   */
  public static double ofMember(List<String> workloads, Metrics shared, Metrics alone) {
    Set<Rule> rules = new LinkedHashSet<>();
    workloads.forEach(w -> rules.add(Rule.of(w)));
    return rules.size() == 1
        ? of(rules.iterator().next(), shared, alone)
        : Stats.drop(shared.goodPerS(), alone.goodPerS());
  }

  /** The rule {@link #ofMember} applies to a member running {@code workloads}, in words. */
  public static String memberRule(List<String> workloads) {
    Set<Rule> rules = new LinkedHashSet<>();
    workloads.forEach(w -> rules.add(Rule.of(w)));
    return rules.size() == 1
        ? rules.iterator().next().formula()
        : "1 - good_per_s shared / good_per_s alone (members of mixed kinds: summed good rates)";
  }

  /**
   * {@code summary.headline_metric}: the rules of the victims' kinds, in the order they appear,
   * each prefixed with its figures ("requests: ..."), joined with "; ".
   */
  public static String metricName(List<String> victimWorkloads) {
    Set<String> rules = new LinkedHashSet<>();
    for (String workload : victimWorkloads) {
      Rule rule = Rule.of(workload);
      rules.add(rule.name().toLowerCase(java.util.Locale.ROOT) + ": " + rule.formula());
    }
    return String.join("; ", rules);
  }

  /** {@code 1 - alone / shared} of a duration: the share of the rate 1/duration lost. */
  private static double timeLost(double shared, double alone) {
    return shared > 0 && alone > 0 ? 1 - alone / shared : Double.NaN;
  }

  /** The largest defined value; NaN when none is. */
  private static double worst(double a, double b) {
    return Stats.max(new double[] {a, b});
  }
}
