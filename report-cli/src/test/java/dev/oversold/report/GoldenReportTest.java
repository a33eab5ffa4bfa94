package dev.oversold.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.model.ReportSettings;
import dev.oversold.testing.HandBuilt;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden files for the table, JSON and CSV writers, rendered under several default locales: the
 * bytes must not change (de-DE writes 0,5 for 0.5 and fr-FR a narrow space in 1 234 if a writer
 * ever used the default locale). The input is {@link HandBuilt}; its figures are worked out there
 * and in {@link ReportBuilderTest}, e.g. web-1's degradation 0.2, web-2's 0.5, the hog's 0.5, the
 * matrix row web-2 = (0.25, -, 0.45), Jain 1.69 / 1.78 = 0.949438... ("0.949" in the table).
 * Regenerate after an intended change with {@code -Dgolden.update=true} and review the diff.
 */
final class GoldenReportTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @ParameterizedTest(name = "{0} under {1}")
  @CsvSource({
    "table, und",
    "table, de-DE",
    "table, fr-FR",
    "json, und",
    "json, de-DE",
    "json, fr-FR",
    "csv, und",
    "csv, de-DE",
    "csv, fr-FR"
  })
  void writer_matchesGoldenFile_underEveryLocale(String format, String localeTag)
      throws IOException {
    ReportWriter writer = ReportFormats.find(format).orElseThrow();
    Locale saved = Locale.getDefault();
    String text;
    try {
      Locale.setDefault(Locale.forLanguageTag(localeTag));
      Report report = ReportBuilder.build(HandBuilt.experiment(ReportSettings.DEFAULT));
      StringWriter out = new StringWriter();
      writer.write(report, out);
      text = out.toString();
    } finally {
      Locale.setDefault(saved);
    }
    Path golden = GOLDEN.resolve(writer.fileName());
    if (Boolean.getBoolean("golden.update") && localeTag.equals("und")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, text, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), text);
  }
}
