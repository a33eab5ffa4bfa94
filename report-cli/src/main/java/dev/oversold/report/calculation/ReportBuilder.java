package dev.oversold.report.calculation;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.result.HostResult;
import dev.oversold.core.result.LatencyDistribution;
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.result.TenantMetrics;
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
import dev.oversold.report.model.WindowReport;
import dev.oversold.runner.ExperimentResult;
import dev.oversold.runner.Member;
import dev.oversold.runner.Membership;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

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
            : Membership.rows(scenario).stream()
                .map(m -> group(m, tenants, reps, baselines))
                .toList();
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
            List.of(),
            scenario.report().windows());
    return report.withWarnings(Warnings.of(report));
  }

  private static TenantReport tenant(
      String name, List<ExperimentResult.Replication> reps, boolean baselines) {
    int n = reps.size();
    TenantResult firstShared = reps.get(0).shared().tenant(name);
    String workload = firstShared.workload();
    Compared figures =
        compared(
            reps,
            baselines,
            workload,
            r -> reps.get(r).shared().tenant(name).metrics(),
            r -> reps.get(r).baselines().get(name).tenant(name).metrics());
    TenantReport.Confidence ci = null;
    if (n > 1) {
      Map<String, Interval> byName = new LinkedHashMap<>();
      byName.put(
          TenantReport.Confidence.HEADLINE,
          baselines ? Stats.confidence95(figures.headlines()) : null);
      List<Metric> compared = MetricCatalog.compared();
      for (Metric metric : MetricCatalog.inColumnOrder()) {
        if (metric.replications() != Metric.Merge.MEAN_CI95) {
          continue;
        }
        byName.put(
            metric.intervalName(),
            Stats.confidence95(
                figures.shared().stream().mapToDouble(m -> m.get(metric)).toArray()));
        int c = compared.indexOf(metric);
        if (c >= 0) {
          byName.put(
              TenantReport.Confidence.degradationName(metric),
              baselines ? Stats.confidence95(figures.comparisons()[c]) : null);
        }
      }
      ci = new TenantReport.Confidence(byName);
    }
    Map<String, WindowReport> windows = new LinkedHashMap<>();
    for (String window : firstShared.windows().keySet()) {
      Compared inWindow =
          compared(
              reps,
              baselines,
              workload,
              r -> reps.get(r).shared().tenant(name).windows().get(window),
              r -> reps.get(r).baselines().get(name).tenant(name).windows().get(window));
      windows.put(
          window,
          new WindowReport(inWindow.sharedMean(), inWindow.aloneMean(), inWindow.degradation()));
    }
    LatencyDistribution latencyAlone =
        baselines
            ? reps.get(0).baselines().get(name).tenant(name).latency()
            : LatencyDistribution.EMPTY;
    return new TenantReport(
        name,
        firstShared.host(),
        firstShared.platform(),
        workload,
        firstShared.victim(),
        figures.sharedMean(),
        figures.aloneMean(),
        figures.degradation(),
        ci,
        firstShared.series(),
        firstShared.latency(),
        latencyAlone,
        windows,
        firstShared.beancounters(),
        firstShared.guest());
  }

  /** A tenant's figures chosen by {@code shared} and {@code alone}, over the replications. */
  private static Compared compared(
      List<ExperimentResult.Replication> reps,
      boolean baselines,
      String workload,
      IntFunction<TenantMetrics> shared,
      IntFunction<TenantMetrics> alone) {
    return Compared.of(
        reps.size(),
        r -> Metrics.of(shared.apply(r), workload),
        baselines ? r -> Metrics.of(alone.apply(r), workload) : null,
        (s, b) -> Headline.of(workload, s, b));
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
        first.series(),
        new HostResult.Load(
            Stats.mean(runs.stream().mapToDouble(h -> h.disk().utilization()).toArray()),
            Stats.mean(runs.stream().mapToDouble(h -> h.disk().queue()).toArray())),
        new HostResult.Load(
            Stats.mean(runs.stream().mapToDouble(h -> h.network().utilization()).toArray()),
            Stats.mean(runs.stream().mapToDouble(h -> h.network().queue()).toArray())),
        HostOptions.all(spec),
        HostOptions.changed(spec));
  }

  /**
   * A group row: per replication its members' figures combined (latency percentiles from their
   * pooled requests), shared and alone, and the headline by the members' rule; then averaged.
   */
  private static GroupReport group(
      Member member,
      List<TenantReport> tenants,
      List<ExperimentResult.Replication> reps,
      boolean baselines) {
    List<String> workloads =
        tenants.stream()
            .filter(t -> member.tenants().contains(t.name()))
            .map(TenantReport::workload)
            .toList();
    Compared figures =
        Compared.of(
            reps.size(),
            r -> Interference.combined(results(reps.get(r).shared(), member)),
            baselines
                ? r ->
                    Interference.combinedApart(
                        member.tenants().stream()
                            .map(t -> reps.get(r).baselines().get(t).tenant(t))
                            .toList())
                : null,
            (s, b) -> Headline.ofMember(workloads, s, b));
    return new GroupReport(
        member.name(),
        member.tenants(),
        String.join("+", workloads.stream().distinct().toList()),
        figures.sharedMean(),
        figures.aloneMean(),
        figures.degradation());
  }

  private static List<TenantResult> results(SimulationResult run, Member member) {
    return member.tenants().stream().map(run::tenant).toList();
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
