package dev.oversold.cli;

import dev.oversold.report.VariantWriter;
import dev.oversold.report.rendering.AtomicOutput;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the side-by-side table of compare or sweep as NAME.txt, NAME.csv, NAME.json. */
final class VariantOutput {
  static final List<String> FORMATS = List.of("table", "json", "csv");

  private VariantOutput() {}

  /** The names of the files {@link #write} writes. */
  static List<String> fileNames(String name) {
    return List.of(name + ".txt", name + ".csv", name + ".json");
  }

  static List<Path> write(Path dir, String name, VariantWriter writer)
      throws IOException, InterruptedException {
    Map<String, AtomicOutput.Content> files = new LinkedHashMap<>();
    files.put(name + ".txt", writer::writeTable);
    files.put(name + ".csv", writer::writeCsv);
    files.put(name + ".json", writer::writeJson);
    return AtomicOutput.writeAll(dir, files);
  }

  static String render(VariantWriter writer, String format) throws IOException {
    StringWriter text = new StringWriter();
    switch (format) {
      case "json" -> writer.writeJson(text);
      case "csv" -> writer.writeCsv(text);
      default -> writer.writeTable(text);
    }
    return text.toString();
  }
}
