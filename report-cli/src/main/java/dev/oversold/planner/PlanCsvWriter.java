package dev.oversold.planner;

import java.io.IOException;
import java.io.Writer;

/**
 * plan.csv: one row per count tried on each platform, with that platform's answer repeated on every
 * row, so a spreadsheet can plot the curves and filter the answers.
 */
public final class PlanCsvWriter {
  private PlanCsvWriter() {}

  public static void write(PlanReport plan, Writer out) throws IOException {
    out.write(
        "platform,answer_tenants,margin,binding_resource,deciding_metric,runs,"
            + "tenants,value,ci95_low,ci95_high,replications\n");
    for (PlanReport.PlatformPlan p : plan.platforms()) {
      SearchResult s = p.search();
      for (SearchResult.CurvePoint point : s.curve()) {
        out.write(
            String.join(
                    ",",
                    p.platform(),
                    Integer.toString(s.tenants()),
                    cell(s.margin()),
                    s.bindingResource(),
                    s.decidingMetric(),
                    Integer.toString(p.runs()),
                    Integer.toString(point.tenants()),
                    cell(point.value()),
                    cell(point.low()),
                    cell(point.high()),
                    Integer.toString(point.replications()))
                + "\n");
      }
    }
  }

  private static String cell(double value) {
    String text = PlanNumbers.machine(value);
    return text == null ? "" : text;
  }
}
