package dev.oversold.report.rendering;

import static dev.oversold.report.rendering.Svg.escape;

import dev.oversold.report.model.Metric;
import dev.oversold.report.model.MetricCatalog;
import dev.oversold.report.model.Metrics;
import dev.oversold.report.model.Report;
import dev.oversold.report.model.TenantReport;

/**
 * The "All figures" section of report.html: what each declared metric means, then every tenant's
 * figures (shared, alone and compared) in a collapsed block, so the page carries everything
 * report.json does without widening the tenant table.
 */
final class HtmlFigures {
  private HtmlFigures() {}

  static void section(StringBuilder page, Report report) {
    page.append("<section id=\"figures\">\n<h2>All figures</h2>\n")
        .append("<p class=\"explain\">")
        .append(
            escape(
                "Every figure of report.json per tenant. Figures are means over the measured"
                    + " window (after the warm-up); with several replications, means over them."))
        .append("</p>\n<table>\n<thead><tr><th>figure</th><th>unit</th><th>meaning</th>")
        .append("<th>vs alone</th></tr></thead>\n<tbody>\n");
    for (Metric metric : MetricCatalog.ALL) {
      page.append("<tr><td>")
          .append(escape(metric.key()))
          .append("</td><td>")
          .append(escape(metric.unit().symbol()))
          .append("</td><td>")
          .append(escape(metric.meaning() + applies(metric)))
          .append("</td><td>")
          .append(escape(comparison(metric)))
          .append("</td></tr>\n");
    }
    page.append("</tbody>\n</table>\n");
    for (TenantReport t : report.tenants()) {
      tenant(page, t, report.replications() == 1 ? 0 : 1);
    }
    page.append("</section>\n");
  }

  private static String applies(Metric metric) {
    return metric.workloads().isEmpty()
        ? ""
        : " (" + String.join(", ", metric.workloads().stream().sorted().toList()) + " only)";
  }

  private static String comparison(Metric metric) {
    return switch (metric.comparison().kind()) {
      case NONE -> "-";
      case DROP -> "degradation." + metric.comparison().jsonKey() + " = 1 - shared / alone";
      case RATIO -> "degradation." + metric.comparison().jsonKey() + " = shared / alone";
    };
  }

  private static void tenant(StringBuilder page, TenantReport t, int countDecimals) {
    page.append("<details><summary>")
        .append(escape(t.name()))
        .append(" (")
        .append(escape(t.workload()))
        .append(")</summary>\n<table>\n<thead><tr><th>figure</th><th>shared</th>")
        .append("<th>alone</th><th>vs alone</th></tr></thead>\n<tbody>\n");
    for (Metric metric : MetricCatalog.ALL) {
      if (!metric.appliesTo(t.workload())) {
        continue;
      }
      double compared =
          metric.comparison().none() || t.degradation() == null
              ? Double.NaN
              : t.degradation().get(metric);
      page.append("<tr><td>")
          .append(escape(metric.key()))
          .append("</td><td class=\"num\">")
          .append(escape(value(metric, t.metrics(), countDecimals)))
          .append("</td><td class=\"num\">")
          .append(escape(value(metric, t.baseline(), countDecimals)))
          .append("</td><td class=\"num\">")
          .append(escape(compared(metric, compared)))
          .append("</td></tr>\n");
    }
    page.append("</tbody>\n</table>\n</details>\n");
  }

  /** A figure for people, with its unit; "-" where undefined. */
  static String value(Metric metric, Metrics metrics, int countDecimals) {
    double v = metrics == null ? Double.NaN : metrics.get(metric);
    if (Double.isNaN(v)) {
      return "-";
    }
    return switch (metric.unit()) {
      case FRACTION -> Numbers.percent(v) + " %";
      case BYTES -> Numbers.bytes(v);
      case COUNT -> Numbers.fixed(v, countDecimals);
      case PROGRESS_PER_SECOND -> Numbers.fixed(v, 2) + " " + metrics.progressUnit() + "/s";
      case MILLISECONDS -> Numbers.fixed(v, 3) + " ms";
      case PER_SECOND, SECONDS, CORE_SECONDS -> Numbers.fixed(v, 2) + " " + metric.unit().symbol();
    };
  }

  private static String compared(Metric metric, double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    return metric.comparison().kind() == Metric.Comparison.Kind.DROP
        ? Numbers.percent(value) + " %"
        : Numbers.fixed(value, 2) + "x";
  }
}
