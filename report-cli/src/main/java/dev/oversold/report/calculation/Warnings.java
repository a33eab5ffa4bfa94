package dev.oversold.report.calculation;

import dev.oversold.core.model.MeasurementWindow;
import dev.oversold.report.model.InterferenceReport;
import dev.oversold.report.model.Metric;
import dev.oversold.report.model.MetricCatalog;
import dev.oversold.report.model.Metrics;
import dev.oversold.report.model.Report;
import dev.oversold.report.model.Summary;
import dev.oversold.report.model.TenantReport;
import dev.oversold.report.model.Warning;
import dev.oversold.report.model.WindowReport;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds what a reader must know before trusting a report: every null figure gets a warning naming
 * it and saying why, and figures that are defined but suspect (a p99 from a few dozen requests) get
 * one too. Figures that do not apply to a workload kind (a batch tenant's latency) are null by the
 * report's shape and need none.
 */
public final class Warnings {
  /** Completions below which a 99th percentile is not worth reporting: 1 in 100 is one request. */
  static final int P99_MIN_COMPLETIONS = 100;

  private Warnings() {}

  public static List<Warning> of(Report report) {
    List<Warning> warnings = new ArrayList<>(reportLevel(report));
    List<String> quiet = new ArrayList<>();
    List<Warning> tenants = new ArrayList<>();
    for (TenantReport tenant : report.tenants()) {
      tenants.addAll(
          tenant(
              new Side(
                  tenant, "", tenant.metrics(), tenant.baseline(), tenant.degradation(), "the"),
              report.windowS(),
              quiet));
      for (MeasurementWindow window : report.windows()) {
        WindowReport w = tenant.windows().get(window.name());
        if (w != null) {
          tenants.addAll(
              tenant(
                  new Side(
                      tenant,
                      "windows." + window.name() + ".",
                      w.metrics(),
                      w.baseline(),
                      w.degradation(),
                      " window " + window.name()),
                  window.seconds(),
                  quiet));
        }
      }
    }
    if (!quiet.isEmpty()) {
      warnings.add(
          Warning.report(
              "no-completions",
              "the suspects "
                  + String.join(", ", new LinkedHashSet<>(quiet))
                  + " complete no requests, jobs or operations (a kind without an SLO is not"
                  + " expected to), alone or shared: their degradation.throughput is null and"
                  + " their harm is degradation.headline, the progress they lost in their own"
                  + " progress_unit"));
    }
    warnings.addAll(tenants);
    warnings.addAll(GroupWarnings.of(report));
    warnings.addAll(interference(report.interference()));
    return warnings;
  }

  /**
   * One set of a tenant's figures: the whole run's ({@code prefix} empty) or a measurement window's
   * ({@code prefix} {@code windows.<name>.}); {@code window} names the stretch in words.
   */
  private record Side(
      TenantReport t,
      String prefix,
      Metrics metrics,
      @Nullable Metrics baseline,
      TenantReport.@Nullable Degradation degradation,
      String window) {}

  private static List<Warning> reportLevel(Report report) {
    List<Warning> warnings = new ArrayList<>();
    Summary s = report.summary();
    if (!report.baselines()) {
      warnings.add(
          Warning.report(
              "no-baseline",
              "report.baseline is none: every tenant's baseline and degradation, and the summary's"
                  + " victim_degradation_mean, victim_degradation_max, worst_victim and jain_fairness are"
                  + " null"));
      if (s.victims() > 0) {
        return warnings;
      }
    }
    if (s.victims() == 0) {
      warnings.add(
          Warning.report(
              "no-victims",
              "no service or batch tenant to judge: the summary's headline_metric, victim_degradation_mean,"
                  + " victim_degradation_max, worst_victim and jain_fairness are null"));
      return warnings;
    }
    if (Double.isNaN(s.victimDegradationMean()) || Double.isNaN(s.victimDegradationMax())) {
      warnings.add(
          Warning.report(
              "no-victim-degradation",
              "no victim has a defined degradation (each served nothing alone, or nothing"
                  + " shared): the summary's victim_degradation_mean, victim_degradation_max and"
                  + " worst_victim are null"));
    }
    List<String> unjudged =
        report.tenants().stream()
            .filter(t -> t.victim() && !(t.baseline().goodPerS() > 0))
            .map(TenantReport::name)
            .toList();
    if (!unjudged.isEmpty()) {
      warnings.add(
          Warning.report(
              "fairness-without",
              "jain_fairness leaves out "
                  + String.join(", ", unjudged)
                  + ": no good responses or progress alone, so no share of it kept"));
    }
    if (Double.isNaN(s.jainFairness())) {
      warnings.add(
          Warning.report(
              "no-fairness",
              "in at least one replication no victim had a good rate both alone and shared above"
                  + " zero, so the summary's jain_fairness is null"));
    }
    return warnings;
  }

  private static List<Warning> tenant(Side side, double windowS, List<String> quiet) {
    TenantReport t = side.t();
    String p = side.prefix();
    List<Warning> warnings = new ArrayList<>();
    Set<String> unexplained =
        new LinkedHashSet<>(nulls(p + "metrics", side.metrics(), t.workload()));
    if (side.baseline() != null && side.degradation() != null) {
      unexplained.addAll(nulls(p + "baseline", side.baseline(), t.workload()));
      if (Double.isNaN(side.degradation().headline())) {
        unexplained.add(p + "degradation." + TenantReport.Degradation.HEADLINE);
      }
      for (Metric metric : MetricCatalog.compared()) {
        if (metric.appliesTo(t.workload()) && Double.isNaN(side.degradation().get(metric))) {
          unexplained.add(p + "degradation." + metric.comparison().jsonKey());
        }
      }
    }
    Metrics shared = side.metrics();
    if (servedNothing(shared)) {
      boolean ran = shared.get(MetricCatalog.CPU_USED) > 0;
      List<String> explained = take(unexplained, p + "metrics.", p + "degradation.");
      warnings.add(
          Warning.tenant(
              ran ? "served-nothing" : "never-ran",
              t,
              "tenant "
                  + t.name()
                  + (ran ? " ran but completed nothing" : " never ran (no CPU time, no progress)")
                  + " in the "
                  + seconds(windowS)
                  + side.window()
                  + because(explained)));
    }
    if (side.baseline() != null) {
      Metrics baseline = side.baseline();
      List<String> zero = new ArrayList<>();
      for (Metric metric : MetricCatalog.compared()) {
        if (metric.appliesTo(t.workload()) && baseline.get(metric) == 0) {
          zero.add(p + "baseline." + metric.key());
        }
      }
      boolean nothing = servedNothing(baseline);
      List<String> explained =
          nothing || !zero.isEmpty()
              ? take(unexplained, p + "baseline.", p + "degradation.")
              : List.of();
      boolean completesNothing =
          !nothing
              && zero.equals(List.of(p + "baseline." + MetricCatalog.THROUGHPUT.key()))
              && shared.throughputPerS() == 0;
      if (completesNothing
          && !t.victim()
          && explained.equals(List.of(p + "degradation.throughput"))) {
        // a noisy neighbour has no SLO and completes nothing by design: one report-level line
        // names them all
        quiet.add(t.name());
      } else if (completesNothing) {
        warnings.add(
            Warning.tenant(
                "no-completions",
                t,
                "tenant "
                    + t.name()
                    + " ("
                    + t.workload()
                    + ") completes no requests, jobs or operations, alone or shared; its work is"
                    + " progress_per_s in "
                    + shared.progressUnit()
                    + because(explained)));
      } else if (nothing || !explained.isEmpty()) {
        warnings.add(
            Warning.tenant(
                "baseline-zero",
                t,
                "tenant "
                    + t.name()
                    + " alone on its host "
                    + (nothing ? "completed nothing" : "has " + String.join(", ", zero) + " = 0")
                    + (p.isEmpty() ? "" : " in the" + side.window())
                    + ", so there is nothing to compare with"
                    + because(explained)));
      }
    }
    warnings.addAll(shortWindow(t, p + "metrics", shared, windowS));
    if (side.baseline() != null) {
      warnings.addAll(shortWindow(t, p + "baseline", side.baseline(), windowS));
    }
    if (!unexplained.isEmpty()) {
      warnings.add(
          Warning.tenant(
              "undefined-figure",
              t,
              "tenant "
                  + t.name()
                  + ": "
                  + String.join(", ", unexplained)
                  + (unexplained.size() == 1 ? " is" : " are")
                  + " undefined for this run (a ratio of per-request figures needs completed"
                  + " requests on both sides)"));
    }
    return warnings;
  }

  /** A p99 from fewer than {@link #P99_MIN_COMPLETIONS} completions is one or two requests. */
  private static List<Warning> shortWindow(
      TenantReport t, String side, Metrics metrics, double windowS) {
    if (!MetricCatalog.LATENCY_P99.appliesTo(t.workload())) {
      return List.of();
    }
    double completed = metrics.throughputPerS() * windowS;
    if (!(completed > 0) || completed >= P99_MIN_COMPLETIONS - 0.5) {
      return List.of();
    }
    return List.of(
        Warning.tenant(
            "short-window",
            t,
            String.format(
                Locale.ROOT,
                "tenant %s: %s.latency_ms.p99 comes from only %.0f requests completed in the %s"
                    + " window (a p99 needs at least %d); lengthen the duration or raise the load",
                t.name(),
                side,
                completed,
                seconds(windowS),
                P99_MIN_COMPLETIONS)));
  }

  private static List<Warning> interference(InterferenceReport interference) {
    List<Warning> warnings = new ArrayList<>();
    int m = interference.members().size();
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        if (i != j && Double.isNaN(interference.get(i, j))) {
          String member = interference.members().get(i);
          warnings.add(
              new Warning(
                  "interference-undefined",
                  "member "
                      + member
                      + " has nothing to lose (its headline figure alone, or without a"
                      + " neighbour, is undefined or zero): its row of interference.matrix is"
                      + " null",
                  null,
                  member));
          break;
        }
      }
    }
    return warnings;
  }

  /** Whether a run completed nothing and made no progress in its own unit. */
  static boolean servedNothing(Metrics metrics) {
    return !(metrics.throughputPerS() > 0) && !(metrics.get(MetricCatalog.PROGRESS) > 0);
  }

  /** The JSON paths of the figures that apply to {@code workload} and are undefined. */
  private static List<String> nulls(String side, Metrics metrics, String workload) {
    List<String> paths = new ArrayList<>();
    for (Metric metric : MetricCatalog.ALL) {
      if (metric.appliesTo(workload)
          && Double.isNaN(metrics.get(metric))
          && !metric.nullMeansNone(metrics)) {
        paths.add(side + "." + metric.key());
      }
    }
    return paths;
  }

  /** Removes and returns the paths starting with any of {@code prefixes}. */
  private static List<String> take(Set<String> paths, String... prefixes) {
    List<String> taken = new ArrayList<>();
    for (String path : List.copyOf(paths)) {
      for (String prefix : prefixes) {
        if (path.startsWith(prefix)) {
          taken.add(path);
          paths.remove(path);
          break;
        }
      }
    }
    return taken;
  }

  private static String because(List<String> explained) {
    return explained.isEmpty()
        ? ""
        : ": " + String.join(", ", explained) + (explained.size() == 1 ? " is" : " are") + " null";
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.0f s", s);
  }
}
