package dev.oversold.planner;

import dev.oversold.report.rendering.AtomicOutput;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/** The files {@code oversold plan} writes, and the text it prints in each format. */
public final class PlanFiles {
  private PlanFiles() {}

  public static Map<String, AtomicOutput.Content> all(PlanReport plan) {
    Map<String, AtomicOutput.Content> files = new LinkedHashMap<>();
    files.put("plan.txt", out -> PlanTableWriter.write(plan, out));
    files.put("plan.json", out -> PlanJsonWriter.write(plan, out));
    files.put("plan.csv", out -> PlanCsvWriter.write(plan, out));
    files.put("plan.html", out -> PlanHtmlWriter.write(plan, out));
    return files;
  }

  public static void render(PlanReport plan, String format, Writer out) throws IOException {
    switch (format) {
      case "json" -> PlanJsonWriter.write(plan, out);
      case "csv" -> PlanCsvWriter.write(plan, out);
      default -> PlanTableWriter.write(plan, out);
    }
  }
}
