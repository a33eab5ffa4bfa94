package dev.oversold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.ReportSettings;
import dev.oversold.core.model.Scenario;
import dev.oversold.runner.SimulationEngine;
import dev.oversold.testing.FixedScenarioSource;
import dev.oversold.testing.TestScenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, item 5: an output folder that cannot take the reports is bad input (exit 2 with the
 * reason), found before anything is simulated; the engine here counts the simulations it is asked
 * for, which must be none.
 */
final class OutputDirectoryTest {
  @TempDir Path dir;

  private static final Scenario NOISY =
      TestScenarios.noisy(PlatformKind.OPENVZ, ReportSettings.DEFAULT, 8);
  private final AtomicInteger simulated = new AtomicInteger();
  private final SimulationEngine counting =
      scenario -> {
        simulated.incrementAndGet();
        return SimulationEngine.SIMULATOR.run(scenario);
      };

  private CliHarness.Outcome run(String... args) {
    return CliHarness.run(FixedScenarioSource.of("noisy", NOISY), counting, args);
  }

  @Test
  void run_outIsAnExistingFile_exit2BeforeSimulating() throws IOException {
    Path file = Files.writeString(dir.resolve("afile"), "x");
    var outcome = run("run", "noisy", "--out", file.toString());
    assertEquals(2, outcome.code());
    assertEquals(
        "oversold: --out " + file + " is a file, not a folder (expected a folder)\n",
        outcome.err());
    assertEquals(0, simulated.get());
    assertEquals("x", Files.readString(file));
  }

  @Test
  void run_outIsADevice_exit2BeforeSimulating() {
    var outcome = run("run", "noisy", "--out", "/dev/null");
    assertEquals(2, outcome.code());
    assertEquals(
        "oversold: --out /dev/null is a device or special file, not a folder (expected a"
            + " folder)\n",
        outcome.err());
    assertEquals(0, simulated.get());
  }

  @Test
  void run_outEmpty_exit2InsteadOfWritingIntoTheCurrentFolder() {
    var outcome = run("run", "noisy", "--out", "");
    assertEquals(2, outcome.code());
    assertEquals(
        "oversold: --out is empty (expected a folder such as --out reports)\n", outcome.err());
    assertEquals(0, simulated.get());
  }

  @Test
  void run_outBelowAFile_exit2WithTheReason() throws IOException {
    Path file = Files.writeString(dir.resolve("afile"), "x");
    Path below = file.resolve("reports");
    var outcome = run("run", "noisy", "--out", below.toString());
    assertEquals(2, outcome.code());
    assertEquals(
        "oversold: --out " + below + ": " + file + " is a file, not a folder (expected a folder)\n",
        outcome.err());
    assertEquals(0, simulated.get());
  }

  @Test
  void run_aReportNameTakenByAFolder_exit2AndNothingReplaced() throws IOException {
    Files.createDirectories(dir.resolve("report.csv").resolve("x"));
    Files.writeString(dir.resolve("report.txt"), "old");
    var outcome = run("run", "noisy", "--out", dir.toString());
    assertEquals(2, outcome.code());
    assertEquals(
        "oversold: --out "
            + dir
            + ": report.csv exists and is a folder; it would not be replaced (expected a regular"
            + " file or nothing there)\n",
        outcome.err());
    assertEquals(0, simulated.get());
    assertEquals("old", Files.readString(dir.resolve("report.txt")));
    assertFalse(Files.exists(dir.resolve("report.json")));
  }

  @Test
  void sweepAndCompare_checkTheirFoldersToo() throws IOException {
    Path file = Files.writeString(dir.resolve("afile"), "x");
    assertEquals(2, run("compare", "noisy", "--out", file.toString()).code());
    assertEquals(2, run("sweep", "noisy", "--set", "seed=1,2", "--out", file.toString()).code());
    assertEquals(0, simulated.get());
  }
}
