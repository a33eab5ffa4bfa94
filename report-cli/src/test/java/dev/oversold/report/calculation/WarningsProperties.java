package dev.oversold.report.calculation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oversold.core.model.ReportSettings;
import dev.oversold.core.result.TenantMetrics;
import dev.oversold.report.model.Metric;
import dev.oversold.report.model.MetricCatalog;
import dev.oversold.report.model.Report;
import dev.oversold.report.model.TenantReport;
import dev.oversold.report.rendering.JsonReportWriter;
import dev.oversold.testing.GeneratedRuns;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the runs measured (zeros included: tenants that never ran, served nothing alone, p99s
 * from a handful of requests), every number in report.json is finite, and every null that is not
 * the report's shape (a figure the workload kind does not have, the matrix's diagonal) is named by
 * a warning: for a tenant's figure, one about that tenant whose message names the field.
 */
final class WarningsProperties {
  @Property(tries = 200)
  void everyNull_isExplainedByAWarning(
      @ForAll("rates") List<Double> rates,
      @ForAll boolean baselines,
      @ForAll @IntRange(min = 1, max = 3) int replications)
      throws Exception {
    ReportSettings settings =
        baselines
            ? ReportSettings.DEFAULT
            : new ReportSettings(
                ReportSettings.Baseline.NONE, ReportSettings.Interference.PAIRWISE, Map.of());
    Iterator<Double> next = new Cycle(rates);
    Report report =
        ReportBuilder.build(
            GeneratedRuns.experiment(
                settings, replications, (run, r, tenant) -> figures(tenant, next)));
    StringWriter out = new StringWriter();
    new JsonReportWriter().write(report, out);
    JsonNode json = new ObjectMapper().readTree(out.toString());
    List<String> problems = new ArrayList<>();
    check(json, "", json, problems);
    assertTrue(problems.isEmpty(), problems + "\n" + out);
  }

  private static TenantMetrics figures(String tenant, Iterator<Double> next) {
    if (tenant.startsWith("web")) {
      return GeneratedRuns.service(
          next.next(), Math.min(1, next.next() / 100), 5 + next.next(), next.next());
    }
    return GeneratedRuns.hog(next.next() / 50, next.next());
  }

  /** Rates with plenty of zeros and tiny values: the cases that make figures undefined. */
  @Provide
  Arbitrary<List<Double>> rates() {
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, Arbitraries.just(0.0)),
            net.jqwik.api.Tuple.of(2, Arbitraries.doubles().between(0.01, 6)),
            net.jqwik.api.Tuple.of(5, Arbitraries.doubles().between(0, 200)))
        .list()
        .ofSize(60);
  }

  private static void check(JsonNode root, String path, JsonNode node, List<String> problems) {
    if (node.isNumber() && !Double.isFinite(node.asDouble())) {
      problems.add(path + " is not finite");
    } else if (node.isNull() && !explained(root, path)) {
      problems.add(path + " is null without a warning naming it");
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        check(root, path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), problems);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        check(root, path + "[" + i + "]", node.get(i), problems);
      }
    }
  }

  private static boolean explained(JsonNode root, String path) {
    if (path.startsWith("tenants[")) {
      int index = Integer.parseInt(path.substring(8, path.indexOf(']')));
      JsonNode tenant = root.get("tenants").get(index);
      String field = ciField(path.substring(path.indexOf(']') + 2));
      if (shape(tenant.get("workload").asText(), field) || noneHappened(tenant, field)) {
        return true;
      }
      String name = tenant.get("name").asText();
      for (JsonNode w : root.get("warnings")) {
        boolean about = w.has("tenant") ? w.get("tenant").asText().equals(name) : true;
        String message = w.get("message").asText();
        if (about && (message.contains(field) || wholeSide(field, message))) {
          return true;
        }
      }
      return false;
    }
    if (path.startsWith("interference.matrix[")) {
      int i = Integer.parseInt(path.substring(20, path.indexOf(']')));
      int j = Integer.parseInt(path.substring(path.lastIndexOf('[') + 1, path.length() - 1));
      String member = root.get("interference").get("members").get(i).asText();
      return i == j || anyWarning(root, member, "interference.matrix");
    }
    if (path.startsWith("summary.")) {
      return anyWarning(root, null, path.substring(path.lastIndexOf('.') + 1));
    }
    return false;
  }

  /**
   * An interval in {@code ci95} is null exactly where its figure is undefined in a replication, and
   * then the replications' mean is undefined too: it is explained with that figure.
   */
  private static String ciField(String field) {
    if (field.equals("ci95." + TenantReport.Confidence.HEADLINE)) {
      return "degradation." + TenantReport.Degradation.HEADLINE;
    }
    for (Metric metric : MetricCatalog.ALL) {
      if (field.equals("ci95." + metric.intervalName())) {
        return "metrics." + metric.key();
      }
      if (!metric.comparison().none()
          && field.equals("ci95." + TenantReport.Confidence.degradationName(metric))) {
        return "degradation." + metric.comparison().jsonKey();
      }
    }
    return field;
  }

  /** A report without baselines has null baseline and degradation objects, said once. */
  private static boolean wholeSide(String field, String message) {
    return (field.startsWith("baseline") || field.startsWith("degradation"))
        && message.contains("report.baseline is none");
  }

  private static boolean anyWarning(JsonNode root, String tenant, String word) {
    for (JsonNode w : root.get("warnings")) {
      boolean about = tenant == null ? !w.has("tenant") : w.path("tenant").asText().equals(tenant);
      if (about && w.get("message").asText().contains(word)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a null at {@code field} is the time of a first event that never happened: the count of
   * those events, beside it in the same object, is 0 (the report says so; no warning is needed).
   */
  private static boolean noneHappened(JsonNode tenant, String field) {
    for (Metric metric : MetricCatalog.ALL) {
      Metric count = metric.noneOf();
      for (String side : List.of("metrics", "baseline")) {
        if (count != null && field.equals(side + "." + metric.key())) {
          JsonNode events = tenant.path(side);
          for (String part : count.key().split("\\.", -1)) {
            events = events.path(part); // a count may sit in a group, as memory.cache_misses
          }
          return events.isNumber() && events.asDouble() == 0;
        }
      }
    }
    return false;
  }

  /** Whether a null at {@code field} of a tenant is the report's shape for this workload kind. */
  private static boolean shape(String workload, String field) {
    for (Metric metric : MetricCatalog.ALL) {
      for (String side : List.of("metrics.", "baseline.")) {
        if ((side + metric.key()).startsWith(field) && !metric.appliesTo(workload)) {
          return true;
        }
      }
      if (!metric.comparison().none()
          && field.equals("degradation." + metric.comparison().jsonKey())
          && !metric.appliesTo(workload)) {
        return true;
      }
    }
    return false;
  }

  /** The generated values, over and over. */
  private static final class Cycle implements Iterator<Double> {
    private final List<Double> values;
    private int at;

    Cycle(List<Double> values) {
      this.values = values;
    }

    @Override
    public boolean hasNext() {
      return true;
    }

    @Override
    public Double next() {
      return values.get(at++ % values.size());
    }
  }
}
