package dev.oversold.cli;

import dev.oversold.report.model.Report;
import dev.oversold.report.rendering.AtomicOutput;
import dev.oversold.report.rendering.ReportFormats;
import dev.oversold.report.rendering.ReportWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Writes a report in every registered format and returns the text of the one chosen for stdout. */
final class ReportOutput {
  private ReportOutput() {}

  static void checkFormat(String format, List<String> allowed) throws BadInputException {
    if (!allowed.contains(format)) {
      throw new BadInputException(
          "unknown --format " + format + " (expected one of " + String.join(", ", allowed) + ")");
    }
  }

  /** Files for every format of {@code report}, keyed by file name. */
  static Map<String, AtomicOutput.Content> files(Report report) {
    Map<String, AtomicOutput.Content> files = new LinkedHashMap<>();
    for (ReportWriter writer : ReportFormats.all()) {
      files.put(writer.fileName(), out -> writer.write(report, out));
    }
    return files;
  }

  /**
   * Files for every format of {@code report}, as {@link #files}, where the file of {@code format}
   * also keeps its text in {@code printed}: the format printed on standard output is rendered once,
   * for its file and the terminal alike (a 1,000-tenant JSON report is 1.3 MB).
   */
  static Map<String, AtomicOutput.Content> files(
      Report report, String format, AtomicReference<String> printed) {
    Map<String, AtomicOutput.Content> files = files(report);
    ReportWriter chosen = ReportFormats.find(format).orElseThrow();
    files.put(
        chosen.fileName(),
        out -> {
          String text = render(report, format);
          printed.set(text);
          out.write(text);
        });
    return files;
  }

  /** The names of the files {@link #files} writes. */
  static List<String> fileNames() {
    return ReportFormats.all().stream().map(ReportWriter::fileName).toList();
  }

  /** The report rendered in one format. */
  static String render(Report report, String format) throws IOException {
    StringWriter text = new StringWriter();
    ReportFormats.find(format).orElseThrow().write(report, text);
    return text.toString();
  }

  static Path defaultDir(String scenario, String... more) {
    return Path.of("out", scenario).resolve(String.join("/", more));
  }
}
