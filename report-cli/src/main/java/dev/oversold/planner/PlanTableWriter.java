package dev.oversold.planner;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The plan as a text table: one row per platform, then the warnings. */
public final class PlanTableWriter {
  private static final String[] HEADER = {
    "platform", "tenants", "margin", "binding", "deciding figure", "value at answer", "runs"
  };

  private PlanTableWriter() {}

  public static void write(PlanReport plan, Writer out) throws IOException {
    out.write(
        String.format(
            Locale.ROOT,
            "Plan for %s: how many %s tenants every victim can live with (%s)%n",
            plan.scenario(),
            plan.tenant(),
            describe(plan.limits())));
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (PlanReport.PlatformPlan p : plan.platforms()) {
      SearchResult s = p.search();
      rows.add(
          new String[] {
            p.platform(),
            Integer.toString(s.tenants()),
            Double.isNaN(s.margin()) ? "-" : String.format(Locale.ROOT, "%.1f%%", s.margin() * 100),
            s.bindingResource(),
            s.decidingMetric(),
            Figures.format(s.curveMetric(), valueAt(s, s.tenants())),
            Integer.toString(p.runs())
          });
    }
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        String cell = row[i];
        boolean left = i == 0 || i == 3 || i == 4;
        String padded =
            left
                ? String.format(Locale.ROOT, "%-" + widths[i] + "s", cell)
                : String.format(Locale.ROOT, "%" + widths[i] + "s", cell);
        line.append(i == 0 ? "" : "  ").append(padded);
      }
      out.write(line.toString().stripTrailing() + "\n");
    }
    for (PlanReport.PlatformPlan p : plan.platforms()) {
      for (String warning : p.search().warnings()) {
        out.write("warning: " + p.platform() + ": " + warning + "\n");
      }
    }
  }

  static String describe(PlanLimits limits) {
    List<String> parts = new ArrayList<>();
    if (limits.p99Ms() != null) {
      parts.add(
          "p99 <= "
              + Figures.format(Limit.P99_MS, limits.p99Ms())
              + (limits.ownSlo() ? " (each service's own SLO)" : ""));
    }
    parts.add("degradation <= " + Figures.format(Limit.DEGRADATION, limits.maxDegradation()));
    return String.join(", ", parts);
  }

  private static double valueAt(SearchResult s, int tenants) {
    return s.curve().stream()
        .filter(p -> p.tenants() == tenants)
        .mapToDouble(SearchResult.CurvePoint::value)
        .findFirst()
        .orElse(Double.NaN);
  }
}
