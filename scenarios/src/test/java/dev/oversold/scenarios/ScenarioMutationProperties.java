package dev.oversold.scenarios;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Random damage to valid files (deleted lines and keys, wrong types, bad units, garbage bytes,
 * truncation) always ends in a valid scenario or a {@link ScenarioException} whose problems all
 * have a line number, never in another exception or an internal error.
 */
final class ScenarioMutationProperties {
  private static final List<String> VALID = validFiles();

  private static final String[] REPLACEMENTS = {
    "",
    "~",
    "-1",
    "0",
    "1e999",
    "99999999999999999999999",
    "[]",
    "{}",
    "[1, 2",
    "{a: 1}",
    "10",
    "10GiB",
    "20/s",
    "50%",
    "1Gbit/s",
    "xyz",
    "\"\"",
    "true",
    "*nope",
    "&a x",
    "0.0000001ns",
    "@",
    "'",
    "{1..999999}",
    "web-{1..5}",
    "kind: idle",
    "\t",
    "!!binary AAAA",
    "? x"
  };

  @Property(tries = 300)
  void mutatedFiles_endInAScenarioOrLocatedProblems(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int mutations) {
    Random random = new Random(seed);
    String text = VALID.get(random.nextInt(VALID.size()));
    for (int i = 0; i < mutations; i++) {
      text = mutate(text, random);
    }
    try {
      ScenarioLoader.parse(text, "m.yaml", null, List.of());
    } catch (ScenarioException e) {
      assertFalse(e.problems().isEmpty());
      for (Problem problem : e.problems()) {
        assertTrue(problem.line() > 0, problem + "\n--- in ---\n" + text);
        assertFalse(problem.message().startsWith("internal error"), problem + "\n" + text);
      }
    }
  }

  static String mutate(String text, Random random) {
    List<String> lines = new ArrayList<>(text.lines().toList());
    if (lines.isEmpty()) {
      return "x";
    }
    int at = random.nextInt(lines.size());
    String line = lines.get(at);
    switch (random.nextInt(7)) {
      case 0 -> lines.remove(at); // a deleted key or list item
      case 1 -> { // a value replaced by something of another type or unit
        int colon = line.indexOf(": ");
        String replacement = REPLACEMENTS[random.nextInt(REPLACEMENTS.length)];
        lines.set(at, colon < 0 ? replacement : line.substring(0, colon + 2) + replacement);
      }
      case 2 -> { // a unit swapped
        lines.set(
            at,
            line.replace("GiB", "Gbit")
                .replace("ms", "m")
                .replace("/s", "")
                .replace("%", "")
                .replace("MB/s", "MiB"));
      }
      case 3 -> { // garbage bytes
        StringBuilder garbage = new StringBuilder();
        for (int i = 0; i < 1 + random.nextInt(8); i++) {
          garbage.append((char) random.nextInt(0x3000));
        }
        int position = random.nextInt(line.length() + 1);
        lines.set(at, line.substring(0, position) + garbage + line.substring(position));
      }
      case 4 -> lines.add(at, line); // a duplicated key
      case 5 -> { // truncated (anywhere in the joined text, which may be shorter than the input)
        String joined = String.join("\n", lines);
        return joined.substring(0, random.nextInt(joined.length() + 1));
      }
      default -> { // indentation broken
        lines.set(at, " ".repeat(random.nextInt(6)) + line.strip());
      }
    }
    return String.join("\n", lines) + "\n";
  }

  static List<String> validFiles() {
    List<String> files = new ArrayList<>();
    ScenarioLibrary.list().forEach(entry -> files.add(ScenarioLibrary.text(entry)));
    files.add(ScenarioLoaderTest.MINIMAL);
    try (InputStream in =
        ScenarioMutationProperties.class.getResourceAsStream("/contract-example.yaml")) {
      String contract = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // The jobs file needs a folder; the inline form keeps the rest of the example.
      files.add(contract.replace("jobs-file: jobs.csv", "jobs: { count: 3, cpu: 10s }"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return List.copyOf(files);
  }
}
