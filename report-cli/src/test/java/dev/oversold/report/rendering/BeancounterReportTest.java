package dev.oversold.report.rendering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oversold.core.result.BeancounterFigures;
import dev.oversold.core.result.LatencyDistribution;
import dev.oversold.core.result.Series;
import dev.oversold.core.result.TenantMetrics;
import dev.oversold.report.model.InterferenceReport;
import dev.oversold.report.model.Metrics;
import dev.oversold.report.model.Report;
import dev.oversold.report.model.Summary;
import dev.oversold.report.model.TenantReport;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OpenVZ tenants' beancounters reach report.json and report.html; other tenants have none. */
final class BeancounterReportTest {
  private static final List<BeancounterFigures> COUNTERS =
      List.of(
          new BeancounterFigures("numproc", 25, 26, 240, 240, 3),
          new BeancounterFigures("kmemsize", 1_024_000, 1_064_960, 1_048_576, 1_153_433, 975),
          new BeancounterFigures("tcpsndbuf", 0, 0, Long.MAX_VALUE, Long.MAX_VALUE, 0));

  private static TenantReport tenant(String name, String platform, List<BeancounterFigures> ubc) {
    var metrics =
        new TenantMetrics(
            1,
            1,
            1,
            "forks",
            0,
            0,
            null,
            null,
            new TenantMetrics.Cpu(1, 0),
            new TenantMetrics.Memory(0, 0, 0),
            978,
            0,
            0.03,
            Double.NaN);
    return new TenantReport(
        name,
        "node1",
        platform,
        "fork-bomb",
        false,
        Metrics.of(metrics, "fork-bomb"),
        null,
        null,
        null,
        Series.EMPTY,
        LatencyDistribution.EMPTY,
        LatencyDistribution.EMPTY,
        Map.of(),
        ubc,
        name);
  }

  private static Report report() {
    return new Report(
        "ubc",
        1,
        1,
        10,
        0,
        false,
        List.of(),
        List.of(tenant("ct", "openvz", COUNTERS), tenant("vm", "kvm", List.of())),
        List.of(),
        new InterferenceReport("none", List.of(), new double[0][0]),
        new Summary(0, Double.NaN, Double.NaN, "", Double.NaN, null, null, ""),
        List.of());
  }

  private static String render(ReportWriter writer) throws IOException {
    StringWriter out = new StringWriter();
    writer.write(report(), out);
    return out.toString();
  }

  @Test
  void json_hasEachCounterWithItsFiveFigures_onlyForTheOpenVzTenant() throws IOException {
    JsonNode tenants = new ObjectMapper().readTree(render(new JsonReportWriter())).get("tenants");
    JsonNode kmem = tenants.get(0).get("beancounters").get("kmemsize");
    assertEquals(1_024_000, kmem.get("held").asLong());
    assertEquals(1_064_960, kmem.get("maxheld").asLong());
    assertEquals(1_048_576, kmem.get("barrier").asLong());
    assertEquals(1_153_433, kmem.get("limit").asLong());
    assertEquals(975, kmem.get("failcnt").asLong());
    assertEquals(
        List.of("numproc", "kmemsize", "tcpsndbuf"),
        iterable(tenants.get(0).get("beancounters").fieldNames()));
    // Unlimited exactly as the kernel prints it, not rounded to 9 digits.
    assertEquals(
        Long.MAX_VALUE, tenants.get(0).get("beancounters").get("tcpsndbuf").get("limit").asLong());
    assertFalse(tenants.get(1).has("beancounters"));
  }

  @Test
  void html_listsTheCounters_failcntAboveZeroMarked() throws IOException {
    String html = render(new HtmlReportWriter());
    assertTrue(html.contains("<section id=\"beancounters\">"));
    assertTrue(html.contains("<td>kmemsize</td><td>1024000</td><td>1064960</td><td>1048576</td>"));
    assertTrue(html.contains("<td class=\"bad\">975</td>"));
    assertTrue(html.contains("<td>unlimited</td><td>unlimited</td><td>0</td>"));
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    List<String> list = new java.util.ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
