package dev.oversold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oversold.runner.SimulationEngine;
import dev.oversold.scenarios.ScenarioLibrary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Regression guard for refactoring: every bundled scenario, run exactly as {@code oversold run
 * NAME} runs it, must reproduce the reports recorded in {@code src/test/resources/golden/NAME/}.
 *
 * <p>The recorded files are the output of main before the second-wave refactoring; they are not
 * expected values derived from theory (the model tests carry those), only a record that a change
 * meant to be behaviour-neutral is. Fields may be added: report.json must contain every recorded
 * field with the recorded value, report.csv every recorded column with the recorded cells. The
 * table (report.txt) must match byte for byte. A change that is meant to move the numbers rewrites
 * the files with {@code mvn -pl report-cli test -Dtest=BundledGoldenOutputTest
 * -Dgolden.update=true}, and its commit says why they moved.
 */
final class BundledGoldenOutputTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<String> bundled() {
    return ScenarioLibrary.list().stream().map(ScenarioLibrary.Entry::name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bundled")
  void bundledScenario_reproducesRecordedReports(String name, @TempDir Path out)
      throws IOException {
    CliHarness.Outcome outcome =
        CliHarness.run(
            new LoaderScenarioSource(),
            SimulationEngine.SIMULATOR,
            "run",
            name,
            "--out",
            out.toString(),
            "--quiet");
    assertEquals(0, outcome.code(), () -> "exit code; stderr: " + outcome.err());
    Path golden = GOLDEN.resolve(name);
    if (UPDATE) {
      Files.createDirectories(golden);
      for (String file : List.of("report.txt", "report.json", "report.csv")) {
        Files.copy(
            out.resolve(file),
            golden.resolve(file),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      return;
    }
    assertTrue(Files.isDirectory(golden), () -> "no recorded output for " + name + " in " + golden);
    assertEquals(
        read(golden.resolve("report.txt")), read(out.resolve("report.txt")), name + " report.txt");
    assertJsonContains(
        name + " report.json",
        new ObjectMapper().readTree(read(golden.resolve("report.json"))),
        new ObjectMapper().readTree(read(out.resolve("report.json"))));
    assertCsvContains(
        name + " report.csv",
        Csv.parse(read(golden.resolve("report.csv"))),
        Csv.parse(read(out.resolve("report.csv"))));
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /**
   * Every field of {@code recorded} is in {@code actual} with the same value; more may be added.
   */
  static void assertJsonContains(String path, JsonNode recorded, JsonNode actual) {
    if (recorded.isObject()) {
      if (!actual.isObject()) {
        fail(path + ": expected an object, got " + actual);
      }
      for (Map.Entry<String, JsonNode> field : recorded.properties()) {
        JsonNode value = actual.get(field.getKey());
        if (value == null) {
          fail(path + "." + field.getKey() + ": missing");
        }
        assertJsonContains(path + "." + field.getKey(), field.getValue(), value);
      }
    } else if (recorded.isArray()) {
      if (!actual.isArray() || actual.size() != recorded.size()) {
        fail(path + ": expected an array of " + recorded.size() + ", got " + actual);
      }
      for (int i = 0; i < recorded.size(); i++) {
        assertJsonContains(path + "[" + i + "]", recorded.get(i), actual.get(i));
      }
    } else {
      assertEquals(recorded, actual, path);
    }
  }

  /** Same rows; every recorded column present with the recorded cells; columns may be added. */
  static void assertCsvContains(
      String what, List<List<String>> recorded, List<List<String>> actual) {
    assertEquals(recorded.size(), actual.size(), what + ": rows");
    List<String> recordedHeader = recorded.get(0);
    List<String> actualHeader = actual.get(0);
    for (int column = 0; column < recordedHeader.size(); column++) {
      String name = recordedHeader.get(column);
      int at = actualHeader.indexOf(name);
      assertTrue(at >= 0, what + ": column " + name + " missing");
      for (int row = 1; row < recorded.size(); row++) {
        assertEquals(
            recorded.get(row).get(column),
            actual.get(row).get(at),
            what + ": row " + row + " column " + name);
      }
    }
  }

  /** RFC 4180 reader: quoted cells may hold commas, quotes (doubled) and line ends. */
  static final class Csv {
    private Csv() {}

    static List<List<String>> parse(String text) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            cell.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          row.add(cell.toString());
          cell.setLength(0);
        } else if (c == '\n') {
          row.add(cell.toString());
          cell.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
        } else if (c != '\r') {
          cell.append(c);
        }
      }
      if (cell.length() > 0 || !row.isEmpty()) {
        row.add(cell.toString());
        rows.add(row);
      }
      return rows;
    }
  }
}
