package dev.oversold.report.rendering;

import dev.oversold.core.platform.Platforms;
import dev.oversold.report.model.Interval;
import dev.oversold.report.model.Metric;
import dev.oversold.report.model.MetricCatalog;
import dev.oversold.report.model.Metrics;
import dev.oversold.report.model.Report;
import dev.oversold.report.model.TenantReport;
import dev.oversold.report.model.WindowReport;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * The figure columns of the console and HTML tables, from the metrics that declare a {@link
 * Metric.Table}, in column order: a compared figure shown alone gets "alone" and "shared" columns
 * (and a degradation column for a drop), every other figure one column of shared values.
 */
final class TableColumns {
  /**
   * The degradation column shows each row's {@code degradation.headline} (the figure the summary
   * uses); the good-rate drop stays in report.json and report.csv.
   */
  static final String HEADLINE_HEADER = "headline degr. %";

  private TableColumns() {}

  /** One row of a table: a tenant, a tenant in a measurement window, or a group. */
  record Row(
      String name,
      String workload,
      boolean victim,
      Metrics metrics,
      @Nullable Metrics baseline,
      TenantReport.@Nullable Degradation degradation,
      TenantReport.@Nullable Confidence ci95) {
    static Row of(TenantReport t) {
      return new Row(
          t.name(), t.workload(), t.victim(), t.metrics(), t.baseline(), t.degradation(), t.ci95());
    }

    /** The tenant's figures in measurement window {@code window} (no intervals). */
    static Row of(TenantReport t, String window) {
      WindowReport w = t.windows().get(window);
      return new Row(
          t.name(), t.workload(), t.victim(), w.metrics(), w.baseline(), w.degradation(), null);
    }

    /** The value {@code column} shows in this row; NaN where undefined. */
    double value(Column column) {
      return column.value(
          metrics, baseline, m -> degradation == null ? Double.NaN : degradation.headline());
    }

    /** Half the 95% interval of the headline, for a degradation column; null when none. */
    @Nullable Interval headlineInterval(Column column) {
      return column.side() == Side.DEGRADATION && ci95 != null ? ci95.degradationHeadline() : null;
    }
  }

  /** Which value of the metric a column shows. */
  enum Side {
    ALONE,
    SHARED,
    DEGRADATION
  }

  /** One column: its header and what it shows. */
  record Column(String header, Metric metric, Side side) {
    /** The value for a row with these figures; NaN where undefined. */
    double value(Metrics shared, Metrics alone, ToDoubleFunction<Metric> degradation) {
      return switch (side) {
        case ALONE -> alone == null ? Double.NaN : alone.get(metric);
        case SHARED -> shared.get(metric);
        case DEGRADATION -> degradation.applyAsDouble(metric);
      };
    }

    /** Whether the cell prints a percentage. */
    boolean percent() {
      return side == Side.DEGRADATION || metric.table().format() == Metric.Format.PERCENT;
    }

    /**
     * The cell text, without unit except for {@link Metric.Format#WITH_UNIT} which prints the row's
     * {@code progressUnit}; {@code countDecimals} for counts (1 for replication means).
     */
    String text(double value, int countDecimals, String progressUnit) {
      if (percent()) {
        return Numbers.percent(value);
      }
      return switch (metric.table().format()) {
        case FIXED2 -> Numbers.fixed(value, 2);
        case COUNT -> Numbers.fixed(value, countDecimals);
        case PERCENT -> Numbers.percent(value);
        case WITH_UNIT -> Numbers.rate(value, progressUnit);
      };
    }
  }

  static List<Column> of(Report report) {
    String cpuWait = cpuWaitName(report);
    List<Column> columns = new ArrayList<>();
    for (Metric metric : MetricCatalog.inColumnOrder()) {
      Metric.Table table = metric.table();
      if (table == null) {
        continue;
      }
      String header = table.header().replace(Metric.Table.CPU_WAIT, cpuWait);
      if (table.alone()) {
        columns.add(
            new Column(String.format(java.util.Locale.ROOT, header, "alone"), metric, Side.ALONE));
        columns.add(
            new Column(
                String.format(java.util.Locale.ROOT, header, "shared"), metric, Side.SHARED));
        if (metric.comparison().kind() == Metric.Comparison.Kind.DROP) {
          columns.add(new Column(HEADLINE_HEADER, metric, Side.DEGRADATION));
        }
      } else {
        columns.add(new Column(header, metric, Side.SHARED));
      }
    }
    return columns;
  }

  /**
   * The platforms' own words for a runnable vCPU waiting for a core, in the order the tenants'
   * platforms first appear, joined with "/" when the report mixes platforms that word it apart.
   */
  static String cpuWaitName(Report report) {
    Set<String> words = new LinkedHashSet<>();
    for (TenantReport tenant : report.tenants()) {
      words.add(
          Platforms.byId(tenant.platform())
              .map(kind -> Platforms.of(kind).cpuWaitName())
              .orElse("cpu wait"));
    }
    return words.isEmpty() ? "cpu wait" : String.join("/", words);
  }
}
