package dev.oversold.report.rendering;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry of report formats: one line per format. */
public final class ReportFormats {
  private static final Map<String, ReportWriter> REGISTRY = new LinkedHashMap<>();

  static {
    register(new TableReportWriter());
    register(new JsonReportWriter());
    register(new CsvReportWriter());
    register(new HtmlReportWriter());
  }

  private ReportFormats() {}

  private static void register(ReportWriter writer) {
    REGISTRY.put(writer.format(), writer);
  }

  /** Every format, in registration order. */
  public static List<ReportWriter> all() {
    return List.copyOf(REGISTRY.values());
  }

  public static Optional<ReportWriter> find(String format) {
    return Optional.ofNullable(REGISTRY.get(format));
  }

  public static List<String> names() {
    return List.copyOf(REGISTRY.keySet());
  }
}
