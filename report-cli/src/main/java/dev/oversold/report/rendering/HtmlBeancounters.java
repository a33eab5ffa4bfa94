package dev.oversold.report.rendering;

import static dev.oversold.report.rendering.Svg.escape;

import dev.oversold.core.result.BeancounterFigures;
import dev.oversold.report.model.Report;
import dev.oversold.report.model.TenantReport;

/**
 * The "Beancounters" section of report.html: each OpenVZ tenant's user beancounters as
 * /proc/user_beancounters shows them, a failcnt above zero highlighted. Absent when no tenant has
 * beancounters.
 */
final class HtmlBeancounters {
  private HtmlBeancounters() {}

  static void section(StringBuilder page, Report report) {
    if (report.tenants().stream().allMatch(t -> t.beancounters().isEmpty())) {
      return;
    }
    page.append("<section id=\"beancounters\">\n<h2>Beancounters</h2>\n")
        .append("<p class=\"explain\">")
        .append(
            escape(
                "OpenVZ user beancounters at the end of the run (first replication): held,"
                    + " maxheld, barrier, limit and failcnt, the allocations each refused. Bytes,"
                    + " except counts for num* and 4 KiB pages for privvmpages."))
        .append("</p>\n<table>\n<thead><tr><th>tenant</th><th>resource</th><th>held</th>")
        .append("<th>maxheld</th><th>barrier</th><th>limit</th><th>failcnt</th></tr></thead>\n")
        .append("<tbody>\n");
    for (TenantReport t : report.tenants()) {
      for (BeancounterFigures c : t.beancounters()) {
        page.append("<tr><td>")
            .append(escape(t.name()))
            .append("</td><td>")
            .append(escape(c.name()))
            .append("</td><td>")
            .append(c.held())
            .append("</td><td>")
            .append(c.maxHeld())
            .append("</td><td>")
            .append(amount(c.barrier()))
            .append("</td><td>")
            .append(amount(c.limit()))
            .append(c.failCount() > 0 ? "</td><td class=\"bad\">" : "</td><td>")
            .append(c.failCount())
            .append("</td></tr>\n");
      }
    }
    page.append("</tbody>\n</table>\n</section>\n");
  }

  private static String amount(long value) {
    return value == Long.MAX_VALUE ? "unlimited" : Long.toString(value);
  }
}
