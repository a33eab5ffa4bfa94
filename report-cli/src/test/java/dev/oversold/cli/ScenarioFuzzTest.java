package dev.oversold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.runner.SimulationEngine;
import dev.oversold.scenarios.ScenarioLibrary;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzz harness of issue 18: 300 seeded mutations of the bundled scenario files, among them the
 * hostile values the issue found by hand (backtracking globs, a 1 ns sample interval, huge rates
 * and counts, terminal escapes, unknown tags, paths out of the folder), each checked with {@code
 * oversold validate} as a user would run it. Every one must exit 0 or 2 (never 1), print no stack
 * trace, and give a location on every error line. Prints the counts, the slowest file and the
 * largest allocation for the closing note.
 */
final class ScenarioFuzzTest {
  private static final int FILES = 300;
  private static final Pattern LOCATED = Pattern.compile("^[^\\n]*?:\\d+:\\d+: .*");

  private static final String[] HOSTILE = {
    "\"*a*a*a*a*a*a*a*a*b\"",
    "1ns",
    "1e12/s",
    "!foo 8",
    "\"\\e[31mred\\a\"",
    "../../../../etc/passwd",
    "106751d",
    "2000000",
    "100Tbit/s",
    "web-{1..10000}",
    "'x-{1..9999}'",
    "200/s",
    "0",
    "-1",
    "1e999",
    "99999999999999999999999",
    "[]",
    "{}",
    "[1, 2",
    "~",
    "xyz",
    "*nope",
    "&a x",
    "!!binary AAAA",
    "{1..999999}",
    "kind: idle",
    ".nan",
    "20m",
    "2TiB",
    "\t",
  };

  @TempDir Path dir;

  @Test
  @SuppressForbidden(
      reason =
          "HotSpot's per-thread allocation counter reports the harness's worst memory per file")
  void mutatedBundledFiles_exit0Or2_neverAStackTrace_alwaysALocation() throws IOException {
    List<String> originals = new ArrayList<>();
    ScenarioLibrary.list().forEach(entry -> originals.add(ScenarioLibrary.text(entry)));
    TreeMap<Integer, Integer> codes = new TreeMap<>();
    long worstNanos = 0;
    String worstFile = "";
    long worstBytes = 0;
    String hungriest = "";
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    for (int i = 0; i < FILES; i++) {
      Random random = new Random(i);
      String text = originals.get(random.nextInt(originals.size()));
      int mutations = 1 + random.nextInt(3);
      for (int m = 0; m < mutations; m++) {
        text = mutate(text, random);
      }
      Path file = dir.resolve("m" + i + ".yaml");
      Files.writeString(file, text);
      long allocatedBefore = threads.getThreadAllocatedBytes(self);
      long start = System.nanoTime();
      CliHarness.Outcome outcome =
          CliHarness.run(
              new LoaderScenarioSource(), SimulationEngine.SIMULATOR, "validate", file.toString());
      long nanos = System.nanoTime() - start;
      long bytes = threads.getThreadAllocatedBytes(self) - allocatedBefore;
      if (nanos > worstNanos) {
        worstNanos = nanos;
        worstFile = file.getFileName().toString();
      }
      if (bytes > worstBytes) {
        worstBytes = bytes;
        hungriest = file.getFileName().toString();
      }
      codes.merge(outcome.code(), 1, Integer::sum);
      String context = "\n--- " + file.getFileName() + " ---\n" + text + "\n--- stderr ---\n";
      assertTrue(outcome.code() == 0 || outcome.code() == 2, outcome.err() + context);
      assertFalse(outcome.err().contains("\tat "), "stack trace" + context + outcome.err());
      assertFalse(outcome.err().contains("internal error"), context + outcome.err());
      for (String line : outcome.err().split("\n", -1)) {
        if (!line.isEmpty()) {
          assertTrue(LOCATED.matcher(line).matches(), "no location: " + line + context);
          assertTrue(line.chars().noneMatch(c -> c < 0x20 && c != '\t'), "raw control: " + line);
        }
      }
    }
    assertEquals(FILES, codes.values().stream().mapToInt(Integer::intValue).sum());
    System.out.printf(
        Locale.ROOT,
        "fuzz: %d files; exit codes %s; slowest %s %.0f ms; largest allocation %s %.1f MiB%n",
        FILES,
        codes,
        worstFile,
        worstNanos / 1e6,
        hungriest,
        worstBytes / 1048576.0);
  }

  private static String mutate(String text, Random random) {
    List<String> lines = new ArrayList<>(text.lines().toList());
    if (lines.isEmpty()) {
      return "x";
    }
    int at = random.nextInt(lines.size());
    String line = lines.get(at);
    switch (random.nextInt(6)) {
      case 0 -> lines.remove(at);
      case 1, 2 -> { // a value replaced, often by a hostile one
        int colon = line.lastIndexOf(": ");
        String replacement = HOSTILE[random.nextInt(HOSTILE.length)];
        lines.set(
            at, colon < 0 ? line + " " + replacement : line.substring(0, colon + 2) + replacement);
      }
      case 3 -> { // garbage, control characters included
        StringBuilder garbage = new StringBuilder();
        for (int i = 0; i < 1 + random.nextInt(6); i++) {
          garbage.append((char) random.nextInt(0x250));
        }
        int position = random.nextInt(line.length() + 1);
        lines.set(at, line.substring(0, position) + garbage + line.substring(position));
      }
      case 4 -> lines.add(at, line);
      default -> { // a key the format does not have, or a group with a hostile glob
        lines.add(
            random.nextBoolean()
                ? "report: { interference: groups, groups: { g: "
                    + HOSTILE[random.nextInt(3)]
                    + " } }"
                : "x-note: " + HOSTILE[random.nextInt(HOSTILE.length)]);
      }
    }
    return String.join("\n", lines) + "\n";
  }
}
