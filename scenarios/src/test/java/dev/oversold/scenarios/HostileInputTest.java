package dev.oversold.scenarios;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile files end in a clear {@link ScenarioException}, never another exception or a hang. The
 * 30-second limits are hang guards (each case takes milliseconds), not speed targets.
 */
final class HostileInputTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(30);

  @TempDir Path folder;

  private static List<Problem> rejected(String text) {
    return assertTimeoutPreemptively(
        HANG_GUARD,
        () ->
            assertThrows(
                    ScenarioException.class,
                    () -> ScenarioLoader.parse(text, "h.yaml", null, List.of()))
                .problems());
  }

  private static void assertMentions(List<Problem> problems, String words) {
    assertFalse(problems.isEmpty());
    assertTrue(
        problems.stream().anyMatch(p -> p.toString().contains(words)),
        "no problem mentions '" + words + "': " + problems);
    assertTrue(problems.stream().allMatch(p -> p.line() > 0), problems.toString());
  }

  @Test
  void aliasBomb_isStoppedAtTheExpansionBudget() {
    // Ten levels of ten aliases each: 10^10 values if expanded.
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int level = 1; level <= 10; level++) {
      String previous = "*a" + (level - 1);
      bomb.append("a").append(level).append(": &a").append(level).append(" [");
      bomb.append(String.join(", ", java.util.Collections.nCopies(10, previous))).append("]\n");
    }
    assertMentions(rejected(bomb.toString()), "alias bomb");
  }

  @Test
  void deepNesting_isRefused() {
    assertMentions(rejected("a: " + "[".repeat(20_000) + "]".repeat(20_000)), "nesting");
    assertMentions(rejected("{\"a\": ".repeat(20_000) + "1" + "}".repeat(20_000)), "nesting");
  }

  @Test
  void binaryGarbage_isRefused() throws IOException {
    byte[] garbage = new byte[64 * 1024];
    new Random(42).nextBytes(garbage);
    Path file = folder.resolve("garbage.yaml");
    Files.write(file, garbage);
    List<Problem> problems =
        assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file)).problems();
    assertMentions(problems, "not UTF-8");
    assertMentions(rejected("scenario: x\u0000\u0001\u0002"), "binary data");
    assertFalse(rejected("\u0007\u0008\u000b{{{{[[[[::::").isEmpty());
  }

  @Test
  void emptyFile_isRefused() {
    assertMentions(rejected(""), "the file is empty");
    assertMentions(rejected("   \n\n  "), "the file is empty");
    assertMentions(rejected("# only a comment\n"), "the file is empty");
    assertMentions(rejected("42"), "expected a scenario mapping, found the number 42");
  }

  @Test
  void hugeNumbers_areErrorsNotOverflows() {
    String base = ScenarioLoaderTest.MINIMAL;
    assertMentions(
        rejected(base.replace("seed: 1", "") + "seed: 99999999999999999999999\n"), "out of range");
    assertMentions(rejected(base.replace("cores: 8", "cores: 3000000000")), "out of range");
    assertMentions(rejected(base.replace("duration: 10m", "duration: 1e999d")), "too large");
    assertMentions(rejected(base.replace("ram: 32GiB", "ram: 99999999999TiB")), "too large");
    assertMentions(
        rejected(base.replace("duration: 10m", "duration: " + "9".repeat(5000) + "s")),
        "is too long");
  }

  @Test
  void hugeFile_isRefusedBeforeParsing() throws IOException {
    Path file = folder.resolve("huge.yaml");
    Files.writeString(file, "# " + "x".repeat(5 * 1024 * 1024) + "\n");
    List<Problem> problems =
        assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file)).problems();
    assertMentions(problems, "too large");
    assertMentions(rejected("# " + "x".repeat(5 * 1024 * 1024)), "too large");
  }

  @Test
  void missingFile_isAProblemNotAnIoException() {
    List<Problem> problems =
        assertThrows(
                ScenarioException.class, () -> ScenarioLoader.load(folder.resolve("nope.yaml")))
            .problems();
    assertTrue(problems.get(0).toString().contains("no such file"), problems.toString());
  }

  @Test
  void recursiveAlias_isRefused() {
    assertFalse(rejected("a: &x {b: *x}\n").isEmpty());
    assertMentions(rejected("a: *nothing\n"), "unknown anchor");
  }
}
