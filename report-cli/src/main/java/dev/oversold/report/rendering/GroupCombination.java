package dev.oversold.report.rendering;

import dev.oversold.report.model.Metric;
import dev.oversold.report.model.MetricCatalog;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a group row's figures combine its members, in words, from the metrics' declared {@link
 * Metric#groups()} rules: {@code groups[].combined} in report.json and the note under the console's
 * group table.
 */
final class GroupCombination {
  /** The group row's figure names to how each combines the members. */
  static final Map<String, String> RULES = rules();

  private GroupCombination() {}

  private static Map<String, String> rules() {
    Map<String, String> rules = new LinkedHashMap<>();
    rules.put("good_per_s", word(MetricCatalog.GOOD));
    rules.put("p99_ms", word(MetricCatalog.LATENCY_P99));
    rules.put("steal_fraction", word(MetricCatalog.CPU_WAIT));
    rules.put("failed", word(MetricCatalog.FAILED));
    rules.put("refusals", word(MetricCatalog.REFUSALS));
    rules.put("oom_kills", word(MetricCatalog.OOM_KILLS));
    rules.put("progress_per_s", word(MetricCatalog.PROGRESS));
    rules.put(
        "degradation_headline",
        "the members' headline rule applied to the combined figures, per replication");
    return java.util.Collections.unmodifiableMap(rules);
  }

  /** The rule of {@code metric} as the docs word it. */
  static String word(Metric metric) {
    return switch (metric.groups()) {
      case SUM -> "sum";
      case MEAN, MEAN_CI95 -> "mean";
      case MAX -> "max";
      case POOLED -> "pooled";
    };
  }

  /** One line for the console: every column's rule. */
  static String note() {
    StringBuilder text = new StringBuilder("Group rows combine their members:");
    String sep = " ";
    for (Metric metric : MetricCatalog.inColumnOrder()) {
      if (metric.table() != null) {
        text.append(sep)
            .append(metric.csv().column())
            .append(' ')
            .append(word(metric).toUpperCase(Locale.ROOT));
        sep = ", ";
      }
    }
    return text.append(
            " (POOLED: percentiles of all the members' requests together; headline degradation:"
                + " the members' rule over the combined figures)\n")
        .toString();
  }
}
