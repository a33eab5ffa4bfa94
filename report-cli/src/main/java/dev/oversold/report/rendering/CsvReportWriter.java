package dev.oversold.report.rendering;

import dev.oversold.report.model.Metrics;
import dev.oversold.report.model.Report;
import dev.oversold.report.model.TenantReport;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * report.csv: one row per tenant, columns in a fixed order, each name carrying its unit (RFC 4180
 * quoting, LF line ends). Undefined figures are empty cells.
 */
public final class CsvReportWriter implements ReportWriter {
  private record Column(String name, Function<TenantReport, String> value) {}

  private static final List<Column> COLUMNS = new ArrayList<>();

  static {
    text("tenant", TenantReport::name);
    text("host", TenantReport::host);
    text("platform", TenantReport::platform);
    text("workload", TenantReport::workload);
    text("victim", t -> Boolean.toString(t.victim()));
    shared("good_per_s", Metrics::goodPerS);
    alone("baseline_good_per_s", Metrics::goodPerS);
    num("degradation_good_rate", t -> t.degradation() == null ? nan() : t.degradation().goodRate());
    shared("throughput_per_s", Metrics::throughputPerS);
    alone("baseline_throughput_per_s", Metrics::throughputPerS);
    num(
        "degradation_throughput",
        t -> t.degradation() == null ? nan() : t.degradation().throughput());
    shared("progress_per_s", Metrics::progressPerS);
    text("progress_unit", t -> t.metrics().progressUnit());
    shared("latency_mean_ms", m -> m.latencyMs() == null ? nan() : m.latencyMs().mean());
    shared("latency_p50_ms", m -> m.latencyMs() == null ? nan() : m.latencyMs().p50());
    shared("latency_p95_ms", m -> m.latencyMs() == null ? nan() : m.latencyMs().p95());
    shared("latency_p99_ms", Metrics::p99Ms);
    shared("latency_max_ms", m -> m.latencyMs() == null ? nan() : m.latencyMs().max());
    alone("baseline_latency_p99_ms", Metrics::p99Ms);
    num("p99_ratio", t -> t.degradation() == null ? nan() : t.degradation().p99Ratio());
    shared("jobs_completed", m -> m.jobs() == null ? nan() : m.jobs().completed());
    shared("jobs_makespan_s", m -> m.jobs() == null ? nan() : m.jobs().makespanS());
    shared("cpu_used_core_s", m -> m.cpu().usedCoreS());
    shared("steal_fraction", m -> m.cpu().stealFraction());
    shared("memory_resident_bytes", m -> m.memory().resident());
    shared("memory_swapped_bytes", m -> m.memory().swapped());
    shared("major_faults", m -> m.memory().majorFaults());
    shared("failed", Metrics::failed);
    shared("refusals", Metrics::refusals);
    shared("oom_kills", Metrics::oomKills);
  }

  @Override
  public String format() {
    return "csv";
  }

  @Override
  public String fileName() {
    return "report.csv";
  }

  @Override
  public void write(Report report, Writer out) throws IOException {
    out.write(String.join(",", COLUMNS.stream().map(Column::name).toList()));
    out.write('\n');
    for (TenantReport tenant : report.tenants()) {
      List<String> cells = new ArrayList<>();
      for (Column column : COLUMNS) {
        cells.add(quote(column.value().apply(tenant)));
      }
      out.write(String.join(",", cells));
      out.write('\n');
    }
  }

  /** RFC 4180: quote cells holding a comma, a quote or a line break; double inner quotes. */
  public static String quote(String cell) {
    if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
      return '"' + cell.replace("\"", "\"\"") + '"';
    }
    return cell;
  }

  private static double nan() {
    return Double.NaN;
  }

  private static void text(String name, Function<TenantReport, String> value) {
    COLUMNS.add(new Column(name, value));
  }

  private static void num(String name, java.util.function.ToDoubleFunction<TenantReport> value) {
    COLUMNS.add(new Column(name, t -> cell(value.applyAsDouble(t))));
  }

  private static void shared(String name, java.util.function.ToDoubleFunction<Metrics> value) {
    num(name, t -> value.applyAsDouble(t.metrics()));
  }

  private static void alone(String name, java.util.function.ToDoubleFunction<Metrics> value) {
    num(name, t -> t.baseline() == null ? nan() : value.applyAsDouble(t.baseline()));
  }

  private static String cell(double value) {
    String text = Numbers.machine(value);
    return text == null ? "" : text;
  }
}
