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
import dev.oversold.report.model.Metrics;
import dev.oversold.report.model.Report;
import dev.oversold.report.model.Summary;
import dev.oversold.report.model.TenantReport;
import dev.oversold.runner.ExperimentResult;
import dev.oversold.runner.Member;
import dev.oversold.runner.Membership;
import java.util.ArrayList;
import java.util.List;

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
    return new Report(
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
        summary(tenants, reps, baselines));
  }

  private static TenantReport tenant(
      String name, List<ExperimentResult.Replication> reps, boolean baselines) {
    List<Metrics> shared = new ArrayList<>();
    List<Metrics> alone = new ArrayList<>();
    int n = reps.size();
    double[] good = new double[n];
    double[] goodDrop = new double[n];
    double[] throughputDrop = new double[n];
    double[] p99Ratio = new double[n];
    double[] p99 = new double[n];
    for (int r = 0; r < n; r++) {
      Metrics s = Metrics.of(reps.get(r).shared().tenant(name).metrics());
      shared.add(s);
      good[r] = s.goodPerS();
      p99[r] = s.p99Ms();
      if (baselines) {
        Metrics b = Metrics.of(reps.get(r).baselines().get(name).tenant(name).metrics());
        alone.add(b);
        goodDrop[r] = Stats.drop(s.goodPerS(), b.goodPerS());
        throughputDrop[r] = Stats.drop(s.throughputPerS(), b.throughputPerS());
        // With no request completed in the shared run its p99 is undefined, not zero.
        p99Ratio[r] = s.throughputPerS() > 0 ? Stats.ratio(s.p99Ms(), b.p99Ms()) : Double.NaN;
      }
    }
    TenantResult firstShared = reps.get(0).shared().tenant(name);
    Metrics baseline = baselines ? Metrics.mean(alone) : null;
    TenantReport.Degradation degradation =
        baselines
            ? new TenantReport.Degradation(
                Stats.mean(goodDrop), Stats.mean(throughputDrop), Stats.mean(p99Ratio))
            : null;
    TenantReport.Confidence ci = null;
    if (n > 1) {
      ci =
          new TenantReport.Confidence(
              Stats.confidence95(good),
              baselines ? Stats.confidence95(goodDrop) : null,
              Stats.confidence95(p99));
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
        Metrics.mean(shared),
        baseline,
        degradation,
        ci,
        firstShared.series(),
        firstShared.latency(),
        latencyAlone);
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
    double good = rows.stream().mapToDouble(t -> t.metrics().goodPerS()).sum();
    double base =
        rows.stream()
            .mapToDouble(t -> t.baseline() == null ? Double.NaN : t.baseline().goodPerS())
            .sum();
    return new GroupReport(
        member.name(),
        member.tenants(),
        String.join("+", rows.stream().map(TenantReport::workload).distinct().toList()),
        good,
        base,
        Stats.drop(good, base),
        Stats.max(rows.stream().mapToDouble(t -> t.metrics().p99Ms()).toArray()),
        Stats.max(
            rows.stream()
                .mapToDouble(t -> t.baseline() == null ? Double.NaN : t.baseline().p99Ms())
                .toArray()),
        Stats.mean(rows.stream().mapToDouble(t -> t.metrics().cpu().stealFraction()).toArray()),
        rows.stream().mapToDouble(t -> t.metrics().failed()).sum(),
        rows.stream().mapToDouble(t -> t.metrics().refusals()).sum(),
        rows.stream().mapToDouble(t -> t.metrics().oomKills()).sum());
  }

  /**
   * Victims' mean and worst degradation from the tenants' (replication-mean) degradations; Jain's
   * index per replication, then averaged, because it is not linear in its inputs.
   */
  private static Summary summary(
      List<TenantReport> tenants, List<ExperimentResult.Replication> reps, boolean baselines) {
    List<TenantReport> victims = tenants.stream().filter(TenantReport::victim).toList();
    if (!baselines || victims.isEmpty()) {
      return new Summary(victims.size(), Double.NaN, Double.NaN, "", Double.NaN, null, null);
    }
    double[] drops =
        victims.stream()
            .mapToDouble(t -> t.degradation().goodRate())
            .filter(d -> !Double.isNaN(d))
            .toArray();
    double worst = Stats.max(drops);
    String worstName =
        victims.stream()
            .filter(t -> t.degradation().goodRate() == worst)
            .map(TenantReport::name)
            .findFirst()
            .orElse("");
    int n = reps.size();
    double[] jain = new double[n];
    double[] meanDrop = new double[n];
    for (int r = 0; r < n; r++) {
      ExperimentResult.Replication rep = reps.get(r);
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
      meanDrop[r] = relative.length == 0 ? Double.NaN : 1 - Stats.mean(relative);
    }
    return new Summary(
        victims.size(),
        Stats.mean(drops),
        worst,
        worstName,
        Stats.mean(jain),
        Stats.confidence95(meanDrop),
        Stats.confidence95(jain));
  }
}
