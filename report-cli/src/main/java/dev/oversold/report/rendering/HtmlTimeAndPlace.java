package dev.oversold.report.rendering;

import dev.oversold.core.model.MeasurementWindow;
import dev.oversold.report.calculation.Stats;
import dev.oversold.report.model.HostReport;
import dev.oversold.report.model.Report;
import dev.oversold.report.model.TenantReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * When and where it hurt, in report.html: the services' latency percentiles per sample interval,
 * the hosts' disk and network utilisation and queues over time, and a table per measurement window
 * ({@code report.windows}).
 */
final class HtmlTimeAndPlace {
  private HtmlTimeAndPlace() {}

  static void charts(StringBuilder page, Report report) {
    String windows = windowsText(report);
    HtmlReportWriter.section(
        page,
        "latency-over-time",
        "p99 latency over time",
        "99th percentile of the requests each service completed in each sample interval"
            + " (HdrHistogram interval histograms; warm-up included; a gap is an interval that"
            + " completed no request), the services with the highest p99."
            + windows,
        latencyChart(report, "latency_p99_ms", "p99"));
    HtmlReportWriter.section(
        page,
        "median-over-time",
        "Median latency over time",
        "Median (p50) of the requests each service completed in each sample interval." + windows,
        latencyChart(report, "latency_p50_ms", "p50"));
    HtmlReportWriter.section(
        page,
        "devices",
        "Disk and network utilisation over time",
        "Per host: the disk's busy fraction (device-seconds served per second) and the network"
            + " interface's transmit utilisation (bytes sent over the line rate), per sample"
            + " interval."
            + windows,
        deviceChart(report, "utilization", "utilisation (%)", v -> Numbers.percent(v) + " %"));
    HtmlReportWriter.section(
        page,
        "queues",
        "Disk and network queues over time",
        "Per host: I/Os in the disk and packets in the network qdisc (waiting or in"
            + " service) at each sample instant.",
        deviceChart(report, "queue", "requests in the device", v -> Numbers.fixed(v, 1)));
  }

  /** One table per measurement window, same columns as the tenants' table. */
  static void windowTables(StringBuilder page, Report report) {
    for (MeasurementWindow window : report.windows()) {
      HtmlTenantTable.render(
          page,
          "window-" + window.name(),
          "Window " + window.name() + ": " + span(window),
          "Every figure over this window only (windows."
              + window.name()
              + " in report.json), alone and shared over the same stretch.",
          report,
          report.tenants().stream().map(t -> TableColumns.Row.of(t, window.name())).toList());
    }
  }

  private static String windowsText(Report report) {
    if (report.windows().isEmpty()) {
      return "";
    }
    List<String> spans = new ArrayList<>();
    for (MeasurementWindow window : report.windows()) {
      spans.add(window.name() + " " + span(window));
    }
    return " Measurement windows: " + String.join(", ", spans) + ".";
  }

  private static String span(MeasurementWindow window) {
    return String.format(
        Locale.ROOT,
        "%s s .. %s s",
        Numbers.machine(window.from().nanos() / 1e9),
        Numbers.machine(window.to().nanos() / 1e9));
  }

  private static String latencyChart(Report report, String series, String which) {
    List<TimeCharts.Line> lines = new ArrayList<>();
    for (TenantReport t : report.tenants()) {
      double[] values = t.series().get(series);
      if (values.length > 0) {
        lines.add(new TimeCharts.Line(t.name(), values));
      }
    }
    List<TimeCharts.Line> shown =
        lines.stream()
            .sorted(Comparator.comparingDouble((TimeCharts.Line l) -> -definedMean(l.values())))
            .limit(TimeCharts.MAX_SERIES)
            .toList();
    if (shown.isEmpty()) {
      return Charts.placeholder(which + " latency over time", "No service tenants");
    }
    return TimeCharts.linesOverTime(
        which + " latency over time",
        shown,
        HtmlReportWriter.interval(report),
        which + " latency (ms)",
        v -> Numbers.fixed(v, v < 10 ? 1 : 0) + " ms");
  }

  private static String deviceChart(
      Report report, String what, String yTitle, java.util.function.DoubleFunction<String> format) {
    List<TimeCharts.Line> lines = new ArrayList<>();
    for (HostReport host : report.hosts()) {
      lines.add(new TimeCharts.Line(host.name() + " disk", host.series().get("disk_" + what)));
      lines.add(
          new TimeCharts.Line(host.name() + " network tx", host.series().get("network_" + what)));
    }
    return TimeCharts.linesOverTime(
        "disk and network " + what + " over time",
        lines,
        report.hosts().isEmpty() ? 1 : report.hosts().get(0).series().intervalSeconds(),
        yTitle,
        format);
  }

  /** The mean of the defined values; 0 when none is. */
  private static double definedMean(double[] values) {
    double[] defined = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    return defined.length == 0 ? 0 : Stats.mean(defined);
  }
}
