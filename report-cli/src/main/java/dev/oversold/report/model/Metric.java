package dev.oversold.report.model;

import dev.oversold.core.result.TenantMetrics;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * One figure of a tenant, declared once in {@link MetricCatalog}: every writer and the calculation
 * read these declarations, so a new figure is one entry there.
 *
 * @param key its path under {@code metrics} in report.json, dots for nesting ({@code
 *     cpu.throttled_s}); the last part is the JSON field name
 * @param unit what one unit of the value is
 * @param workloads the workload kinds that have this figure; empty for every kind. Other kinds
 *     report it as undefined (null in JSON, an empty CSV cell, "-" in the table)
 * @param replications how the replications' values combine into the reported one
 * @param groups how the tenants of a {@code report.groups} group combine into the group's value
 * @param comparison how the shared figure compares with the tenant's baseline
 * @param csv its report.csv column
 * @param table its console and HTML table column; null when the tables leave it out
 * @param meaning one line for docs and the HTML report
 * @param read the value from the core's figures of one run; NaN where undefined
 * @param noneOf for the time of a first event: the count of those events; when it is 0 the figure
 *     is null because nothing happened, which the count says, not because it is undefined; null for
 *     every other metric
 * @param perGuest whether the figure is the tenant's guest's rather than its own (CPU, resident
 *     set, swap, faults, reclaim, OOM kills): guest-mates ({@code shares-guest}) report the same
 *     value, so a group takes it once per guest before combining by {@link #groups}
 */
public record Metric(
    String key,
    Unit unit,
    Set<String> workloads,
    Merge replications,
    Merge groups,
    Comparison comparison,
    Csv csv,
    Table table,
    String meaning,
    ToDoubleFunction<TenantMetrics> read,
    @Nullable Metric noneOf,
    boolean perGuest) {
  public Metric {
    Objects.requireNonNull(key, "key");
    if (key.isBlank() || key.startsWith(".") || key.endsWith(".")) {
      throw new IllegalArgumentException("bad metric key '" + key + "'");
    }
    Objects.requireNonNull(unit, "unit");
    workloads = Set.copyOf(workloads);
    Objects.requireNonNull(replications, "replications");
    Objects.requireNonNull(groups, "groups");
    Objects.requireNonNull(comparison, "comparison");
    Objects.requireNonNull(csv, "csv");
    Objects.requireNonNull(meaning, "meaning");
    Objects.requireNonNull(read, "read");
  }

  /**
   * Whether a null (NaN) value of this figure in {@code metrics} says only that no event happened:
   * its {@link #noneOf} count is 0 there.
   */
  public boolean nullMeansNone(Metrics metrics) {
    return noneOf != null && metrics.get(noneOf) == 0;
  }

  /** Whether tenants running {@code workload} have this figure. */
  public boolean appliesTo(String workload) {
    return workloads.isEmpty() || workloads.contains(workload);
  }

  /**
   * The field (report.json) and column (report.csv) written right after a figure whose unit is the
   * workload's own ({@link Unit#PROGRESS_PER_SECOND}), naming that unit.
   */
  public static final String WORKLOAD_UNIT_FIELD = "progress_unit";

  /**
   * The name of the figure's 95% interval in {@code ci95}: the key at the top level, the field and
   * the unit below it ({@code latency_ms.p99} -> {@code p99_ms}).
   */
  public String intervalName() {
    return parent().isEmpty() ? key : field() + "_" + unit.symbol();
  }

  /** The JSON object the field sits in ({@code cpu.wakeup_delay_ms}), empty at the top level. */
  public String parent() {
    int dot = key.lastIndexOf('.');
    return dot < 0 ? "" : key.substring(0, dot);
  }

  /** The JSON field name: the last part of the key. */
  public String field() {
    return key.substring(key.lastIndexOf('.') + 1);
  }

  /** The unit of a figure; {@code symbol} is what docs and the HTML report print. */
  public enum Unit {
    PER_SECOND("1/s"),
    /** Per second of the workload's own unit, which each tenant names in {@code progress_unit}. */
    PROGRESS_PER_SECOND("progress_unit/s"),
    COUNT("count"),
    MILLISECONDS("ms"),
    SECONDS("s"),
    CORE_SECONDS("reference-core-s"),
    FRACTION("fraction"),
    BYTES("bytes");

    private final String symbol;

    Unit(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  /** How several values of one figure (replications, or a group's tenants) become one. */
  public enum Merge {
    /** Arithmetic mean; undefined if any value is. */
    MEAN,
    /** Arithmetic mean, and its 95% Student-t interval when there are several replications. */
    MEAN_CI95,
    /** Sum; undefined if any value is. */
    SUM,
    /** Largest defined value: the worst tenant. */
    MAX,
    /**
     * Groups only: a latency percentile of all the members' requests together (their pooled
     * histograms), a mean latency weighted by the members' completions. Replications use {@link
     * #MEAN} for these figures.
     */
    POOLED
  }

  /**
   * How a tenant's shared figure compares with its figure alone, and where the comparison is
   * written: {@code degradation.<jsonKey>} in report.json and the {@code csvColumn} column.
   */
  public record Comparison(Kind kind, String jsonKey, String csvColumn) {
    public static final Comparison NONE = new Comparison(Kind.NONE, "", "");

    public Comparison {
      Objects.requireNonNull(kind, "kind");
      if ((kind == Kind.NONE) != jsonKey.isEmpty() || jsonKey.isEmpty() != csvColumn.isEmpty()) {
        throw new IllegalArgumentException("a comparison has names exactly when it is not NONE");
      }
    }

    /** {@code 1 - shared / alone}: the fraction lost (0.05 is a 5% drop). */
    public static Comparison drop(String jsonKey, String csvColumn) {
      return new Comparison(Kind.DROP, jsonKey, csvColumn);
    }

    /**
     * {@code shared / alone} (2.0 is twice as long). For per-request figures, undefined when the
     * shared run completed nothing.
     */
    public static Comparison ratio(String jsonKey, String csvColumn) {
      return new Comparison(Kind.RATIO, jsonKey, csvColumn);
    }

    public boolean none() {
      return kind == Kind.NONE;
    }

    /** The kinds of comparison. */
    public enum Kind {
      NONE,
      DROP,
      RATIO
    }
  }

  /**
   * The report.csv column: its name (with its unit) and its place, kept stable for scripts that
   * index columns (lower first; the identity columns come before every metric). A compared figure
   * also has {@code baseline_<column>} and its comparison's column, placed at {@code
   * baselinePosition}, after any column of the same position.
   */
  public record Csv(String column, int position, int baselinePosition) {
    public Csv {
      Objects.requireNonNull(column, "column");
    }
  }

  /**
   * A column of the console and HTML tables. {@code header} may hold {@link #CPU_WAIT}, replaced by
   * the platforms' own word for the CPU wait. With {@code alone}, {@code header} holds one {@code
   * %s} for "alone" and "shared": the baseline value comes first in its own column, and a {@link
   * Comparison.Kind#DROP} comparison adds a degradation column after the shared one.
   */
  public record Table(String header, Format format, boolean alone) {
    /** Replaced in headers by the platforms' word for the CPU wait (steal, ready, ...). */
    public static final String CPU_WAIT = "{cpu-wait}";

    public Table {
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(format, "format");
    }
  }

  /** How a table cell prints a value. */
  public enum Format {
    /** Two decimals. */
    FIXED2,
    /** A fraction as a percentage with one decimal. */
    PERCENT,
    /** A count: no decimals for one replication, one for a mean over several. */
    COUNT,
    /**
     * A rate in the row's own {@code progress_unit}, printed with it ({@code 68.5 MB/s}, {@code
     * 3.51 core-seconds/s}): never under a header whose unit is requests.
     */
    WITH_UNIT
  }
}
