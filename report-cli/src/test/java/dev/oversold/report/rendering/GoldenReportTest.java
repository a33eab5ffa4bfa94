package dev.oversold.report.rendering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.model.ReportSettings;
import dev.oversold.report.calculation.ReportBuilder;
import dev.oversold.report.model.Report;
import dev.oversold.testing.HandBuilt;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
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
    assertGolden(writer.fileName(), text, localeTag);
  }

  /**
   * The table with groups (web = web-1 + web-2: 110 of 160 good/s alone, 31.3 %; worst p99 900 ms;
   * failed 3 + 3) and with three replications (offsets 0, 10, 20: web-2's degradation per seed 0.5,
   * 0.428571, 0.375, mean 0.434524 -> "43.5"; half-width t(0.975, 2) * s / sqrt(3) with s =
   * 0.062712 -> 0.155786 -> "+-15.6"; Jain per seed 0.949438, 0.969432, 0.980000 -> 0.966).
   */
  @ParameterizedTest(name = "{0} under {1}")
  @CsvSource({"groups, und", "groups, de-DE", "replications, und", "replications, de-DE"})
  void table_withGroupsOrReplications_matchesGoldenFile(String variant, String localeTag)
      throws IOException {
    Locale saved = Locale.getDefault();
    String text;
    try {
      Locale.setDefault(Locale.forLanguageTag(localeTag));
      var experiment =
          variant.equals("groups")
              ? HandBuilt.experiment(
                  new ReportSettings(
                      ReportSettings.Baseline.ISOLATED,
                      ReportSettings.Interference.GROUPS,
                      Map.of("web", "web-*")))
              : HandBuilt.experiment(ReportSettings.DEFAULT, new double[] {0, 10, 20});
      StringWriter out = new StringWriter();
      new TableReportWriter().write(ReportBuilder.build(experiment), out);
      text = out.toString();
    } finally {
      Locale.setDefault(saved);
    }
    assertGolden("report-" + variant + ".txt", text, localeTag);
  }

  private static void assertGolden(String name, String text, String localeTag) throws IOException {
    Path golden = GOLDEN.resolve(name);
    if (Boolean.getBoolean("golden.update") && localeTag.equals("und")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, text, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), text);
  }
}
