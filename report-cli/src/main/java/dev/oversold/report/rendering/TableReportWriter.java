package dev.oversold.report.rendering;

import dev.oversold.core.model.MeasurementWindow;
import dev.oversold.report.model.GroupReport;
import dev.oversold.report.model.HostReport;
import dev.oversold.report.model.InterferenceReport;
import dev.oversold.report.model.Interval;
import dev.oversold.report.model.Report;
import dev.oversold.report.model.Summary;
import dev.oversold.report.model.Warning;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The console table: a header line, the hosts, one row per tenant (or per group when {@code
 * report.groups} is set), the victims' summary and the largest entries of the interference matrix.
 * Units are in the column headers; numbers use {@link Numbers}, never the default locale.
 */
public final class TableReportWriter implements ReportWriter {
  /** Interference entries listed under the table; the HTML report shows the whole matrix. */
  static final int TOP_PAIRS = 5;

  @Override
  public String format() {
    return "table";
  }

  @Override
  public String fileName() {
    return "report.txt";
  }

  @Override
  public void write(Report report, Writer out) throws IOException {
    out.write(header(report));
    out.write(warnings(report));
    for (HostReport host : report.hosts()) {
      out.write(
          String.format(
              java.util.Locale.ROOT,
              "Host %s: %s, %d cores; sold %sx vCPUs/core, %sx RAM; CPU busy %s %%,"
                  + " memory %s resident, %s swapped; disk busy %s %% (queue %s I/Os),"
                  + " network tx busy %s %% (queue %s packets)%n",
              host.name(),
              host.platform(),
              host.cores(),
              Numbers.fixed(host.oversellCpu(), 2),
              Numbers.fixed(host.oversellMemory(), 2),
              Numbers.percent(host.cpuUtilization()),
              Numbers.bytes(host.memoryUsedBytes()),
              Numbers.bytes(host.memorySwappedBytes()),
              Numbers.percent(host.disk().utilization()),
              Numbers.fixed(host.disk().queue(), 2),
              Numbers.percent(host.network().utilization()),
              Numbers.fixed(host.network().queue(), 2)));
    }
    out.write('\n');
    out.write(report.groups().isEmpty() ? tenantTable(report) : groupTable(report));
    out.write(windowTables(report));
    out.write('\n');
    out.write(summary(report));
    out.write(whoHurtsWhom(report.interference()));
  }

  private static String header(Report report) {
    return String.format(
        java.util.Locale.ROOT,
        "Scenario %s: seed %d, %s s simulated (warm-up %s s), %d replication%s%n",
        report.scenario(),
        report.seed(),
        Numbers.machine(report.durationS()),
        Numbers.machine(report.warmupS()),
        report.replications(),
        report.replications() == 1 ? "" : "s (95% intervals shown as +-)");
  }

  /** One line per warning, above everything else a reader might take at face value. */
  static String warnings(Report report) {
    StringBuilder text = new StringBuilder();
    for (Warning w : report.warnings()) {
      text.append("Warning [").append(w.code()).append("] ").append(w.message()).append('\n');
    }
    return text.toString();
  }

  private static String tenantTable(Report report) {
    return rowTable(report, report.tenants().stream().map(TableColumns.Row::of).toList());
  }

  /** The tenants' figures in each measurement window, a table per window. */
  private static String windowTables(Report report) {
    StringBuilder text = new StringBuilder();
    for (MeasurementWindow window : report.windows()) {
      text.append('\n')
          .append(
              String.format(
                  java.util.Locale.ROOT,
                  "Window %s: %s s .. %s s (%s s)%n",
                  window.name(),
                  Numbers.machine(window.from().nanos() / 1e9),
                  Numbers.machine(window.to().nanos() / 1e9),
                  Numbers.machine(window.seconds())))
          .append(
              rowTable(
                  report,
                  report.tenants().stream()
                      .map(t -> TableColumns.Row.of(t, window.name()))
                      .toList()));
    }
    return text.toString();
  }

  private static String rowTable(Report report, List<TableColumns.Row> rows) {
    List<TableColumns.Column> columns = TableColumns.of(report);
    TextTable table = table("tenant", columns);
    int countDecimals = report.replications() == 1 ? 0 : 1;
    for (TableColumns.Row row : rows) {
      List<String> cells = new ArrayList<>(List.of(row.name(), row.workload()));
      for (TableColumns.Column column : columns) {
        double value = row.value(column);
        String text = column.text(value, countDecimals, row.metrics().progressUnit());
        Interval ci = row.headlineInterval(column);
        if (ci != null) {
          text += " +-" + Numbers.percent((ci.high() - ci.low()) / 2);
        }
        cells.add(text);
      }
      table.add(cells.toArray(String[]::new));
    }
    return table.render();
  }

  private static String groupTable(Report report) {
    List<TableColumns.Column> columns = TableColumns.of(report);
    TextTable table = table("group", columns);
    int countDecimals = report.replications() == 1 ? 0 : 1;
    for (GroupReport g : report.groups()) {
      List<String> cells =
          new ArrayList<>(List.of(g.name() + " (" + g.tenants().size() + ")", g.workloads()));
      for (TableColumns.Column column : columns) {
        double value = column.value(g.metrics(), g.baseline(), m -> g.degradationHeadline());
        cells.add(column.text(value, countDecimals, g.metrics().progressUnit()));
      }
      table.add(cells.toArray(String[]::new));
    }
    return table.render() + GroupCombination.note();
  }

  private static TextTable table(String first, List<TableColumns.Column> columns) {
    List<String> header = new ArrayList<>(List.of(first, "workload"));
    columns.forEach(c -> header.add(c.header()));
    return new TextTable(2, header.toArray(String[]::new));
  }

  private static String summary(Report report) {
    Summary s = report.summary();
    if (!report.baselines()) {
      return "Victims: " + s.victims() + " (no baselines: report.baseline is none)\n";
    }
    if (s.victims() == 0) {
      return "Victims: none (no service or batch tenants)\n";
    }
    String mean = Numbers.percent(s.victimDegradationMean()) + " %";
    if (s.degradationMeanCi95() != null) {
      Interval ci = s.degradationMeanCi95();
      mean += " (95% CI " + Numbers.percent(ci.low()) + " .. " + Numbers.percent(ci.high()) + ")";
    }
    return "Victims ("
        + s.victims()
        + "): mean headline degradation "
        + mean
        + ", worst "
        + Numbers.percent(s.victimDegradationMax())
        + " %"
        + (s.worstVictim().isEmpty() ? "" : " (" + s.worstVictim() + ")")
        + "; Jain's fairness "
        + Numbers.fixed(s.jainFairness(), 3)
        + "\nHeadline degradation: "
        + s.headlineMetric()
        + "\n";
  }

  private static String whoHurtsWhom(InterferenceReport interference) {
    if (interference.isEmpty()) {
      return "";
    }
    record Pair(int victim, int neighbour, double value) {}
    List<Pair> pairs = new ArrayList<>();
    int m = interference.members().size();
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        double v = interference.get(i, j);
        if (i != j && Double.isFinite(v) && v > 0) {
          pairs.add(new Pair(i, j, v));
        }
      }
    }
    if (pairs.isEmpty()) {
      return "Who hurts whom: no member adds to another's headline degradation\n";
    }
    pairs.sort(
        Comparator.comparingDouble(Pair::value)
            .reversed()
            .thenComparingInt(Pair::victim)
            .thenComparingInt(Pair::neighbour));
    TextTable table = new TextTable(2, "neighbour", "hurts", "headline degradation caused %");
    for (Pair p : pairs.subList(0, Math.min(TOP_PAIRS, pairs.size()))) {
      table.add(
          interference.members().get(p.neighbour()),
          interference.members().get(p.victim()),
          Numbers.percent(p.value()));
    }
    return "\n" + table.render();
  }
}
