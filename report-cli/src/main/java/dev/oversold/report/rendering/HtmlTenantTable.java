package dev.oversold.report.rendering;

import static dev.oversold.report.rendering.Svg.escape;

import dev.oversold.report.model.Interval;
import dev.oversold.report.model.Report;
import java.util.List;

/** A table of tenant rows in report.html: the whole run's, or one measurement window's. */
final class HtmlTenantTable {
  private HtmlTenantTable() {}

  /** A section {@code id} titled {@code title}, {@code explain} under it when not empty. */
  static void render(
      StringBuilder page,
      String id,
      String title,
      String explain,
      Report report,
      List<TableColumns.Row> rows) {
    List<TableColumns.Column> columns = TableColumns.of(report);
    page.append("<section id=\"")
        .append(escape(id))
        .append("\">\n<h2>")
        .append(escape(title))
        .append("</h2>\n");
    if (!explain.isEmpty()) {
      page.append("<p class=\"explain\">").append(escape(explain)).append("</p>\n");
    }
    page.append("<table>\n<thead><tr><th>tenant</th><th>workload</th>");
    for (TableColumns.Column column : columns) {
      page.append("<th>").append(escape(column.header())).append("</th>");
    }
    page.append("</tr></thead>\n<tbody>\n");
    int countDecimals = report.replications() == 1 ? 0 : 1;
    for (TableColumns.Row row : rows) {
      page.append("<tr><td>")
          .append(escape(row.name()))
          .append(row.victim() ? "" : " <span class=\"tag\">suspect</span>")
          .append("</td><td>")
          .append(escape(row.workload()))
          .append("</td>");
      for (TableColumns.Column column : columns) {
        double value = row.value(column);
        String text = column.text(value, countDecimals, row.metrics().progressUnit());
        String tone = "";
        if (column.side() == TableColumns.Side.DEGRADATION) {
          tone = !Double.isFinite(value) ? "" : value > 0.2 ? "bad" : value > 0.05 ? "warn" : "ok";
          Interval ci = row.headlineInterval(column);
          if (ci != null) {
            text += " ± " + Numbers.percent((ci.high() - ci.low()) / 2);
          }
        }
        cell(page, text + (column.percent() && Double.isFinite(value) ? " %" : ""), tone);
      }
      page.append("</tr>\n");
    }
    page.append("</tbody>\n</table>\n</section>\n");
  }

  private static void cell(StringBuilder page, String text, String tone) {
    page.append("<td class=\"num")
        .append(tone.isEmpty() ? "" : " " + tone)
        .append("\">")
        .append(escape(text))
        .append("</td>");
  }
}
