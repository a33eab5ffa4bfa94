package dev.oversold.report.rendering;

import dev.oversold.report.model.Metric;
import dev.oversold.report.model.MetricCatalog;
import dev.oversold.report.model.Report;
import dev.oversold.report.model.TenantReport;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * report.csv: one row per tenant, columns in a fixed order, each name carrying its unit (RFC 4180
 * quoting, LF line ends). Undefined figures are empty cells.
 */
public final class CsvReportWriter implements ReportWriter {
  private record Column(String name, Function<TenantReport, String> value) {}

  private static final List<Column> COLUMNS = columns();

  /** The identity columns, then every declared metric in its column order. */
  private static List<Column> columns() {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("tenant", TenantReport::name));
    columns.add(new Column("host", TenantReport::host));
    columns.add(new Column("platform", TenantReport::platform));
    columns.add(new Column("workload", TenantReport::workload));
    columns.add(new Column("victim", t -> Boolean.toString(t.victim())));
    record Placed(double position, Column column) {}
    List<Placed> placed = new ArrayList<>();
    for (Metric metric : MetricCatalog.ALL) {
      Metric.Csv csv = metric.csv();
      placed.add(new Placed(csv.position(), number(csv.column(), t -> t.metrics().get(metric))));
      if (metric.unit() == Metric.Unit.PROGRESS_PER_SECOND) {
        placed.add(
            new Placed(
                csv.position() + 0.1,
                new Column(Metric.WORKLOAD_UNIT_FIELD, t -> t.metrics().progressUnit())));
      }
      if (!metric.comparison().none()) {
        // After any metric column of the same position.
        placed.add(
            new Placed(
                csv.baselinePosition() + 0.2,
                number(
                    "baseline_" + csv.column(),
                    t -> t.baseline() == null ? Double.NaN : t.baseline().get(metric))));
        placed.add(
            new Placed(
                csv.baselinePosition() + 0.3,
                number(
                    metric.comparison().csvColumn(),
                    t -> t.degradation() == null ? Double.NaN : t.degradation().get(metric))));
      }
    }
    placed.sort(Comparator.comparingDouble(Placed::position));
    placed.forEach(p -> columns.add(p.column()));
    return List.copyOf(columns);
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

  private static Column number(String name, ToDoubleFunction<TenantReport> value) {
    return new Column(name, t -> cell(value.applyAsDouble(t)));
  }

  private static String cell(double value) {
    String text = Numbers.machine(value);
    return text == null ? "" : text;
  }
}
