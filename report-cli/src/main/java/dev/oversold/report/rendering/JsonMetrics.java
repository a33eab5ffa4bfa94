package dev.oversold.report.rendering;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.oversold.report.model.Metric;
import dev.oversold.report.model.MetricCatalog;
import dev.oversold.report.model.Metrics;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a {@link Metrics} as the nested {@code metrics} object of report.json, laid out by the
 * metric keys ({@code cpu.wakeup_delay_ms.p99} sits in {@code cpu}, then {@code wakeup_delay_ms}).
 * An inner object none of whose figures is defined is written as null (a service's {@code jobs}, a
 * batch tenant's {@code latency_ms}), so a missing group and a missing figure read alike.
 */
final class JsonMetrics {
  /** The catalog as a tree: a value is either a {@link Metric} or a nested map. */
  private static final Map<String, Object> TREE = tree();

  private JsonMetrics() {}

  private static Map<String, Object> tree() {
    Map<String, Object> root = new LinkedHashMap<>();
    for (Metric metric : MetricCatalog.ALL) {
      Map<String, Object> node = root;
      if (!metric.parent().isEmpty()) {
        for (String part : metric.parent().split("\\.", -1)) {
          node = child(node, part);
        }
      }
      node.put(metric.field(), metric);
    }
    return root;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> node, String name) {
    return (Map<String, Object>) node.computeIfAbsent(name, k -> new LinkedHashMap<>());
  }

  /** The whole object, or null for no figures (no baseline). */
  static void write(JsonGenerator json, Metrics metrics) throws IOException {
    if (metrics == null) {
      json.writeNull();
      return;
    }
    object(json, TREE, metrics);
  }

  @SuppressWarnings("unchecked")
  private static void object(JsonGenerator json, Map<String, Object> node, Metrics metrics)
      throws IOException {
    json.writeStartObject();
    for (Map.Entry<String, Object> entry : node.entrySet()) {
      json.writeFieldName(entry.getKey());
      if (entry.getValue() instanceof Metric metric) {
        JsonReportWriter.value(json, metrics.get(metric));
        if (metric.unit() == Metric.Unit.PROGRESS_PER_SECOND) {
          json.writeStringField(Metric.WORKLOAD_UNIT_FIELD, metrics.progressUnit());
        }
      } else {
        Map<String, Object> child = (Map<String, Object>) entry.getValue();
        if (anyDefined(child, metrics)) {
          object(json, child, metrics);
        } else {
          json.writeNull();
        }
      }
    }
    json.writeEndObject();
  }

  @SuppressWarnings("unchecked")
  private static boolean anyDefined(Map<String, Object> node, Metrics metrics) {
    for (Object value : node.values()) {
      boolean defined =
          value instanceof Metric metric
              ? !Double.isNaN(metrics.get(metric))
              : anyDefined((Map<String, Object>) value, metrics);
      if (defined) {
        return true;
      }
    }
    return false;
  }
}
