package dev.oversold.report.rendering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.ReportSettings;
import dev.oversold.report.calculation.ReportBuilder;
import dev.oversold.report.model.Report;
import dev.oversold.report.model.TenantReport;
import dev.oversold.testing.HandBuilt;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

final class HtmlReportWriterTest {
  private static final List<String> CHART_SECTIONS =
      List.of(
          "interference",
          "degradation",
          "latency",
          "cpu",
          "steal",
          "memory",
          "latency-over-time",
          "median-over-time",
          "devices",
          "queues");

  private static String html(Report report) throws Exception {
    StringWriter out = new StringWriter();
    new HtmlReportWriter().write(report, out);
    return out.toString();
  }

  /** Strict XML parsing: any unclosed tag, bad entity or stray ampersand fails. */
  private static Document parse(String html) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    var builder = factory.newDocumentBuilder();
    builder.setErrorHandler(null);
    return builder.parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> sections(Document doc) {
    NodeList nodes = doc.getElementsByTagNameNS("*", "section");
    List<Element> result = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      result.add((Element) nodes.item(i));
    }
    return result;
  }

  @Test
  void html_isWellFormedWithOneChartPerSection() throws Exception {
    Document doc = parse(html(ReportBuilder.build(HandBuilt.experiment(ReportSettings.DEFAULT))));
    List<Element> sections = sections(doc);
    List<String> ids = sections.stream().map(s -> s.getAttribute("id")).toList();
    // the hand-built hog completes no operations alone or shared: one warning, listed first
    assertEquals(
        List.of(
            "warnings",
            "interference",
            "degradation",
            "latency",
            "cpu",
            "steal",
            "memory",
            "latency-over-time",
            "median-over-time",
            "devices",
            "queues",
            "tenants",
            "figures"),
        ids);
    for (Element section : sections) {
      int charts = section.getElementsByTagNameNS("*", "svg").getLength();
      int expected = CHART_SECTIONS.contains(section.getAttribute("id")) ? 1 : 0;
      assertEquals(expected, charts, section.getAttribute("id"));
    }
    // the heatmap has one cell per pair: 3 members -> 9 rects plus 21 legend steps
    Element heatmap = (Element) sections.get(1).getElementsByTagNameNS("*", "svg").item(0);
    assertEquals(9 + 21, heatmap.getElementsByTagNameNS("*", "rect").getLength());
  }

  @Test
  void html_withoutBaselinesOrInterference_stillHasOneExplainedChartPerSection() throws Exception {
    var settings =
        new ReportSettings(
            ReportSettings.Baseline.NONE, ReportSettings.Interference.NONE, Map.of());
    String text = html(ReportBuilder.build(HandBuilt.experiment(settings)));
    Document doc = parse(text);
    for (Element section : sections(doc)) {
      if (CHART_SECTIONS.contains(section.getAttribute("id"))) {
        assertEquals(1, section.getElementsByTagNameNS("*", "svg").getLength());
      }
    }
    assertTrue(text.contains("Interference not computed (report.interference: none)"));
  }

  @Test
  void html_withReplications_showsIntervals() throws Exception {
    String text =
        html(
            ReportBuilder.build(
                HandBuilt.experiment(ReportSettings.DEFAULT, new double[] {0, 10, 20})));
    parse(text);
    // the table's degradation column is the headline: web-2's is its p99 term 1 - 100/900 =
    // 88.9 % in every replication (offsets move good rates only), so its interval has no width
    assertTrue(text.contains("88.9 ± 0.0 %"), "interval in the tenant table");
    // the victims' mean headline: the p99 terms (1 - 50/200, 1 - 100/900) outweigh the good-rate
    // drops in every replication (offsets move good rates only), so the mean (0.75 + 8/9) / 2 is
    // the same in each and its interval has no width
    assertTrue(text.contains("95% CI 81.9 .. 81.9 %"), "interval of the victims' mean");
  }

  @Test
  void html_escapesTenantNamesAndFetchesNothing() throws Exception {
    Report report = ReportBuilder.build(HandBuilt.experiment(ReportSettings.DEFAULT));
    List<TenantReport> renamed = new ArrayList<>();
    for (TenantReport t : report.tenants()) {
      renamed.add(
          new TenantReport(
              t.name().equals("hog") ? "<script>alert('x')</script>&\"hog\"" : t.name(),
              t.host(),
              t.platform(),
              t.workload(),
              t.victim(),
              t.metrics(),
              t.baseline(),
              t.degradation(),
              t.ci95(),
              t.series(),
              t.latencyShared(),
              t.latencyAlone()));
    }
    Report hostile =
        new Report(
            report.scenario(),
            report.seed(),
            report.replications(),
            report.durationS(),
            report.warmupS(),
            report.baselines(),
            report.hosts(),
            renamed,
            report.groups(),
            report.interference(),
            report.summary(),
            report.warnings());
    String text = html(hostile);
    parse(text);
    assertFalse(text.contains("<script"), "no raw tag from a tenant name");
    assertTrue(
        text.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;hog&quot;"));
    // self-contained: no external resources of any kind
    for (String fetch : List.of(" src=", " href=", "url(", "@import", "<link", "<script")) {
      assertFalse(text.contains(fetch), fetch);
    }
  }
}
