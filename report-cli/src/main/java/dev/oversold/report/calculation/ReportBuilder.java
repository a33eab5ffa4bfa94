package dev.oversold.report.calculation;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.result.HostResult;
import dev.oversold.core.result.LatencyDistribution;
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.result.TenantResult;
import dev.oversold.report.model.GroupReport;
import dev.oversold.report.model.HostReport;
import dev.oversold.report.model.Interval;
import dev.oversold.report.model.Metric;
import dev.oversold.report.model.MetricCatalog;
import dev.oversold.report.model.Metrics;
import dev.oversold.report.model.Report;
import dev.oversold.report.model.Summary;
import dev.oversold.report.model.TenantReport;
import dev.oversold.runner.ExperimentResult;
import dev.oversold.runner.Member;
import dev.oversold.runner.Membership;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Report} from the simulations of an experiment. Per replication it pairs each
 * tenant's shared run with its baseline (same seed, so common random numbers) and computes the
 * degradations, then averages over replications; intervals come from the per-replication values.
 */
public final class ReportBuilder {
  private ReportBuilder() {}

  public static Report build(ExperimentResult experiment) {
    Scenario scenario = experiment.scenario();
    List<ExperimentResult.Replication> reps = experiment.replications();
    boolean baselines = experiment.hasBaselines();
    SimulationResult first = reps.get(0).shared();

    List<TenantReport> tenants = new ArrayList<>();
    for (TenantSpec spec : scenario.tenants()) {
      tenants.add(tenant(spec.name(), reps, baselines));
    }
    List<HostReport> hosts = new ArrayList<>();
    for (HostResult host : first.hosts()) {
      hosts.add(host(scenario.host(host.name()), host.name(), reps));
    }
    List<GroupReport> groups =
        scenario.report().groups().isEmpty()
            ? List.of()
            : Membership.rows(scenario).stream().map(m -> group(m, tenants)).toList();
    Report report =
        new Report(
            scenario.name(),
            scenario.seed(),
            reps.size(),
            first.durationSeconds(),
            first.warmupSeconds(),
            baselines,
            hosts,
            tenants,
            groups,
            Interference.of(experiment),
            summary(tenants, reps, baselines),
            List.of());
    return report.withWarnings(Warnings.of(report));
  }

  private static TenantReport tenant(
      String name, List<ExperimentResult.Replication> reps, boolean baselines) {
    List<Metrics> shared = new ArrayList<>();
    List<Metrics> alone = new ArrayList<>();
    int n = reps.size();
    List<Metric> compared = MetricCatalog.compared();
    double[][] comparisons = new double[compared.size()][n];
    double[] headlines = new double[n];
    for (int r = 0; r < n; r++) {
      TenantResult run = reps.get(r).shared().tenant(name);
      Metrics s = Metrics.of(run.metrics(), run.workload());
      shared.add(s);
      if (baselines) {
        TenantResult base = reps.get(r).baselines().get(name).tenant(name);
        Metrics b = Metrics.of(base.metrics(), base.workload());
        alone.add(b);
        for (int c = 0; c < compared.size(); c++) {
          comparisons[c][r] = Comparing.compare(compared.get(c), s, b);
        }
        headlines[r] = Headline.of(run.workload(), s, b);
      }
    }
    TenantResult firstShared = reps.get(0).shared().tenant(name);
    Metrics baseline = baselines ? Merging.replications(alone) : null;
    TenantReport.Degradation degradation = null;
    if (baselines) {
      Map<String, Double> byKey = new LinkedHashMap<>();
      byKey.put(TenantReport.Degradation.HEADLINE, Stats.mean(headlines));
      for (int c = 0; c < compared.size(); c++) {
        byKey.put(compared.get(c).comparison().jsonKey(), Stats.mean(comparisons[c]));
      }
      degradation = new TenantReport.Degradation(byKey);
    }
    TenantReport.Confidence ci = null;
    if (n > 1) {
      Map<String, Interval> byName = new LinkedHashMap<>();
      for (Metric metric : MetricCatalog.inColumnOrder()) {
        if (metric.replications() != Metric.Merge.MEAN_CI95) {
          continue;
        }
        byName.put(
            metric.intervalName(),
            Stats.confidence95(shared.stream().mapToDouble(m -> m.get(metric)).toArray()));
        int c = compared.indexOf(metric);
        if (c >= 0) {
          byName.put(
              TenantReport.Confidence.degradationName(metric),
              baselines ? Stats.confidence95(comparisons[c]) : null);
        }
      }
      ci = new TenantReport.Confidence(byName);
    }
    LatencyDistribution latencyAlone =
        baselines
            ? reps.get(0).baselines().get(name).tenant(name).latency()
            : LatencyDistribution.EMPTY;
    return new TenantReport(
        name,
        firstShared.host(),
        firstShared.platform(),
        firstShared.workload(),
        firstShared.victim(),
        Merging.replications(shared),
        baseline,
        degradation,
        ci,
        firstShared.series(),
        firstShared.latency(),
        latencyAlone,
        firstShared.beancounters());
  }

  private static HostReport host(
      HostSpec spec, String name, List<ExperimentResult.Replication> reps) {
    List<HostResult> runs = new ArrayList<>();
    for (ExperimentResult.Replication rep : reps) {
      runs.add(rep.shared().hosts().stream().filter(h -> h.name().equals(name)).findFirst().get());
    }
    HostResult first = runs.get(0);
    return new HostReport(
        name,
        first.platform(),
        spec.cpu().cores(),
        spec.memory().ramBytes(),
        first.oversell().cpu(),
        first.oversell().memory(),
        first.oversell().disk(),
        Stats.mean(runs.stream().mapToDouble(HostResult::cpuUtilization).toArray()),
        Stats.mean(runs.stream().mapToDouble(HostResult::memoryUsedBytes).toArray()),
        Stats.mean(runs.stream().mapToDouble(HostResult::memorySwappedBytes).toArray()),
        first.series());
  }

  private static GroupReport group(Member member, List<TenantReport> tenants) {
    List<TenantReport> rows =
        tenants.stream().filter(t -> member.tenants().contains(t.name())).toList();
    Metrics shared = Merging.group(rows.stream().map(TenantReport::metrics).toList());
    boolean baselines = rows.stream().allMatch(t -> t.baseline() != null);
    Metrics alone =
        baselines ? Merging.group(rows.stream().map(TenantReport::baseline).toList()) : null;
    return new GroupReport(
        member.name(),
        member.tenants(),
        String.join("+", rows.stream().map(TenantReport::workload).distinct().toList()),
        shared,
        alone,
        Stats.drop(shared.goodPerS(), alone == null ? Double.NaN : alone.goodPerS()));
  }

  /**
   * Victims' mean and worst degradation from the tenants' (replication-mean) degradations; Jain's
   * index per replication, then averaged, because it is not linear in its inputs.
   */
  private static Summary summary(
      List<TenantReport> tenants, List<ExperimentResult.Replication> reps, boolean baselines) {
    List<TenantReport> victims = tenants.stream().filter(TenantReport::victim).toList();
    String headlineMetric =
        Headline.metricName(victims.stream().map(TenantReport::workload).toList());
    if (!baselines || victims.isEmpty()) {
      return new Summary(
          victims.size(), Double.NaN, Double.NaN, "", Double.NaN, null, null, headlineMetric);
    }
    double[] drops =
        victims.stream()
            .mapToDouble(t -> t.degradation().headline())
            .filter(d -> !Double.isNaN(d))
            .toArray();
    double worst = Stats.max(drops);
    String worstName =
        victims.stream()
            .filter(t -> t.degradation().headline() == worst)
            .map(TenantReport::name)
            .findFirst()
            .orElse("");
    int n = reps.size();
    double[] jain = new double[n];
    double[] meanDrop = new double[n];
    for (int r = 0; r < n; r++) {
      ExperimentResult.Replication rep = reps.get(r);
      // Jain's index over the victims with a good rate alone above zero; the others are named in
      // a fairness-without warning
      double[] relative =
          victims.stream()
              .mapToDouble(
                  t ->
                      Stats.ratio(
                          rep.shared().tenant(t.name()).metrics().goodPerSecond(),
                          rep.baselines().get(t.name()).tenant(t.name()).metrics().goodPerSecond()))
              .filter(x -> !Double.isNaN(x))
              .toArray();
      jain[r] = Stats.jain(relative);
      double[] headlines =
          victims.stream()
              .mapToDouble(
                  t -> {
                    TenantResult shared = rep.shared().tenant(t.name());
                    TenantResult alone = rep.baselines().get(t.name()).tenant(t.name());
                    return Headline.of(
                        t.workload(),
                        Metrics.of(shared.metrics(), shared.workload()),
                        Metrics.of(alone.metrics(), alone.workload()));
                  })
              .filter(x -> !Double.isNaN(x))
              .toArray();
      meanDrop[r] = Stats.mean(headlines);
    }
    return new Summary(
        victims.size(),
        Stats.mean(drops),
        worst,
        worstName,
        Stats.mean(jain),
        Stats.confidence95(meanDrop),
        Stats.confidence95(jain),
        headlineMetric);
  }
}
