package dev.oversold.report.rendering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oversold.core.result.LatencyDistribution;
import dev.oversold.core.result.Series;
import dev.oversold.core.result.TenantMetrics;
import dev.oversold.report.model.InterferenceReport;
import dev.oversold.report.model.Metric;
import dev.oversold.report.model.MetricCatalog;
import dev.oversold.report.model.Metrics;
import dev.oversold.report.model.Report;
import dev.oversold.report.model.Summary;
import dev.oversold.report.model.TenantReport;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every declared metric reaches report.json, report.csv and report.html. The input is built by
 * hand: a service and a batch tenant whose core figures are all different numbers, and the expected
 * value of each metric key is written out below from those numbers, not read through the catalog.
 */
final class DeclaredMetricsTest {
  /** The hand-set core figures, by report.json key; services own latency, batch tenants jobs. */
  private static final Map<String, Double> EXPECTED =
      Map.ofEntries(
          Map.entry("throughput_per_s", 11.0),
          Map.entry("good_per_s", 12.0),
          Map.entry("progress_per_s", 13.0),
          Map.entry("failed", 14.0),
          Map.entry("rejected", 15.0),
          Map.entry("latency_ms.mean", 21.0),
          Map.entry("latency_ms.p50", 22.0),
          Map.entry("latency_ms.p95", 23.0),
          Map.entry("latency_ms.p99", 24.0),
          Map.entry("latency_ms.max", 25.0),
          Map.entry("jobs.completed", 31.0),
          Map.entry("jobs.makespan_s", 32.0),
          Map.entry("jobs.mean_completion_s", 33.0),
          Map.entry("cpu.used_core_s", 41.0),
          Map.entry("cpu.steal_fraction", 0.42),
          Map.entry("cpu.throttled_s", 44.0),
          Map.entry("cpu.costop_fraction", 0.45),
          Map.entry("cpu.wakeup_delay_ms.p50", 47.0),
          Map.entry("cpu.wakeup_delay_ms.p99", 48.0),
          Map.entry("memory.resident", 51.0),
          Map.entry("memory.swapped", 52.0),
          Map.entry("memory.major_faults", 53.0),
          Map.entry("memory.cache_hits", 55.0),
          Map.entry("memory.cache_misses", 45.0),
          // 55 hits of 55 + 45 = 100 buffered page reads (a ratio every writer prints exactly)
          Map.entry("memory.cache_hit_ratio", 0.55),
          Map.entry("memory.reclaim_stalls", 54.0),
          Map.entry("memory.reclaim_stall_ms.total", 56.0),
          Map.entry("memory.reclaim_stall_ms.p99", 57.0),
          Map.entry("memory.swap_in", 58.0),
          Map.entry("memory.swap_out", 59.0),
          Map.entry("refusals", 61.0),
          Map.entry("first_refusal_s", 63.0),
          Map.entry("oom_kills", 62.0),
          Map.entry("first_oom_kill_s", 64.0));

  private static TenantMetrics core() {
    return new TenantMetrics(
        11,
        12,
        13,
        "requests",
        14,
        15,
        new TenantMetrics.Latency(21, 22, 23, 24, 25),
        new TenantMetrics.Jobs(31, 32, 33),
        // throttled fraction 0.43, ready 0 and mean wake-up 46 ms are not report figures
        new TenantMetrics.Cpu(41, 0.42, 0.43, 44, 0, 0.45, 46, 47, 48),
        new TenantMetrics.Memory(51, 52, 53, 55, 45, 54, 56, 57, 58, 59),
        61,
        62,
        63,
        64);
  }

  private static TenantReport tenant(String name, String workload) {
    return new TenantReport(
        name,
        "node1",
        "kvm",
        workload,
        true,
        Metrics.of(core(), workload),
        null,
        null,
        null,
        Series.EMPTY,
        LatencyDistribution.EMPTY,
        LatencyDistribution.EMPTY);
  }

  private static Report report() {
    return new Report(
        "declared",
        1,
        1,
        10,
        0,
        false,
        List.of(),
        List.of(tenant("svc", "service"), tenant("job", "batch")),
        List.of(),
        new InterferenceReport("none", List.of(), new double[0][0]),
        new Summary(2, Double.NaN, Double.NaN, "", Double.NaN, null, null, ""),
        List.of());
  }

  private static String render(ReportWriter writer) throws IOException {
    StringWriter out = new StringWriter();
    writer.write(report(), out);
    return out.toString();
  }

  /** The tenant that has the metric: the batch tenant for jobs figures, the service otherwise. */
  private static int row(Metric metric) {
    return metric.key().startsWith("jobs.") ? 1 : 0;
  }

  @Test
  void expectedValues_coverExactlyTheDeclaredMetrics() {
    assertEquals(
        EXPECTED.keySet(),
        MetricCatalog.ALL.stream().map(Metric::key).collect(Collectors.toSet()),
        "a declared metric needs its hand-set value here");
  }

  @Test
  void everyDeclaredMetric_isInReportJsonAtItsKey() throws IOException {
    JsonNode tenants = new ObjectMapper().readTree(render(new JsonReportWriter())).get("tenants");
    for (Metric metric : MetricCatalog.ALL) {
      JsonNode node = tenants.get(row(metric)).get("metrics");
      for (String part : metric.key().split("\\.", -1)) {
        node = node.get(part);
        assertNotNull(node, metric.key());
      }
      assertEquals(EXPECTED.get(metric.key()), node.asDouble(), 1e-12, metric.key());
    }
    // a figure that does not apply to the workload is undefined, its whole group null
    assertTrue(tenants.get(0).get("metrics").get("jobs").isNull(), "a service has no jobs");
    assertTrue(tenants.get(1).get("metrics").get("latency_ms").isNull(), "batch has no latency");
  }

  @Test
  void everyDeclaredMetric_hasItsColumnInReportCsv() throws IOException {
    List<String> lines = render(new CsvReportWriter()).lines().toList();
    List<String> header = List.of(lines.get(0).split(",", -1));
    for (Metric metric : MetricCatalog.ALL) {
      int column = header.indexOf(metric.csv().column());
      assertTrue(column >= 0, metric.key() + " has no column " + metric.csv().column());
      String cell = lines.get(1 + row(metric)).split(",", -1)[column];
      assertEquals(EXPECTED.get(metric.key()), Double.parseDouble(cell), 1e-12, metric.key());
    }
  }

  @Test
  void everyDeclaredMetric_isInTheHtmlFiguresOfItsTenant() throws IOException {
    String html = render(new HtmlReportWriter());
    String[] tenants = html.split("<details>", -1);
    for (Metric metric : MetricCatalog.ALL) {
      String block = tenants[1 + row(metric)];
      Matcher cell =
          Pattern.compile(
                  "<tr><td>" + Pattern.quote(metric.key()) + "</td><td class=\"num\">([0-9.]+)")
              .matcher(block);
      assertTrue(cell.find(), metric.key() + " missing from its tenant's figures");
      double shown = Double.parseDouble(cell.group(1));
      // fractions print as percentages
      double expected =
          EXPECTED.get(metric.key()) * (metric.unit() == Metric.Unit.FRACTION ? 100 : 1);
      assertEquals(expected, shown, 1e-9, metric.key());
      assertTrue(html.contains("<td>" + metric.key() + "</td><td>" + metric.unit().symbol()));
    }
  }

  @Test
  void tableHeader_usesThePlatformsWordForTheCpuWait() throws IOException {
    // both tenants are on KVM, whose guests read the wait as steal
    String table = render(new TableReportWriter());
    assertTrue(table.contains("steal %"), table);
    assertTrue(
        table.lines().anyMatch(l -> l.toLowerCase(Locale.ROOT).contains("throttled s")), table);
  }
}
