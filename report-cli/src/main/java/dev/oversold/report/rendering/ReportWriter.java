package dev.oversold.report.rendering;

import dev.oversold.report.model.Report;
import java.io.IOException;
import java.io.Writer;

/**
 * One output format of the report. Adding a format is one class implementing this plus one line in
 * {@link ReportFormats}.
 */
public interface ReportWriter {
  /** The name given to {@code --format}. */
  String format();

  /** The file the report is always written to in the output folder. */
  String fileName();

  /** Writes the whole report. Numbers never depend on the default locale. */
  void write(Report report, Writer out) throws IOException;
}
