package dev.oversold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.ReportSettings;
import dev.oversold.core.model.Scenario;
import dev.oversold.runner.SimulationEngine;
import dev.oversold.scenarios.ScenarioLibrary;
import dev.oversold.scenarios.ScenarioLoader;
import dev.oversold.testing.FixedScenarioSource;
import dev.oversold.testing.TestScenarios;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code list}, {@code validate FILE...} and a plain {@code run} without picocli must be
 * indistinguishable from the picocli path: the expected outcome of each command line is what
 * picocli's parsing of the same line produces ({@link OversoldCommand#parseAndExecute}), an
 * independent route to the same commands.
 */
final class QuickCommandsTest {
  private static final Scenario NOISY =
      TestScenarios.noisy(PlatformKind.OPENVZ, ReportSettings.DEFAULT, 8);
  private static final ScenarioSource SOURCE = FixedScenarioSource.of("noisy", NOISY);

  @Test
  void handles_onlyPlainListAndValidateWithFiles() {
    assertTrue(QuickCommands.handles(new String[] {"list"}));
    assertTrue(QuickCommands.handles(new String[] {"validate", "a.yaml"}));
    assertTrue(QuickCommands.handles(new String[] {"validate", "a.yaml", "noisy", "run"}));
    for (String[] args :
        List.of(
            new String[] {},
            new String[] {"list", "extra"},
            new String[] {"list", "--help"},
            new String[] {"--debug", "list"},
            new String[] {"validate"},
            new String[] {"validate", "--cost", "a.yaml"},
            new String[] {"validate", "a.yaml", "--debug"},
            new String[] {"validate", "--", "a.yaml"},
            new String[] {"validate", "@args.txt"},
            new String[] {"run"},
            new String[] {"schema"})) {
      assertFalse(QuickCommands.handles(args), String.join(" ", args));
    }
  }

  @Test
  void handles_runWithOneScenarioAndAtMostOutFormatQuiet() {
    for (String[] args :
        List.of(
            new String[] {"run", "a.yaml"},
            new String[] {"run", "a.yaml", "--out", "d", "--format", "json", "--quiet"},
            new String[] {"run", "--quiet", "--format", "csv", "a.yaml", "--out", "d"})) {
      assertTrue(QuickCommands.handles(args), String.join(" ", args));
    }
    assertEquals(
        new QuickCommands.RunLine("a.yaml", "d", "csv", true),
        QuickCommands.runLine(
            new String[] {"run", "--quiet", "--format", "csv", "a.yaml", "--out", "d"}));
    assertEquals(
        new QuickCommands.RunLine("a.yaml", null, null, false),
        QuickCommands.runLine(new String[] {"run", "a.yaml"}));
    for (String[] args :
        List.of(
            new String[] {"run", "a.yaml", "b.yaml"},
            new String[] {"run", "--out", "d"},
            new String[] {"run", "a.yaml", "--out"},
            new String[] {"run", "a.yaml", "--out", "d", "--out", "e"},
            new String[] {"run", "a.yaml", "--format", "json", "--format", "csv"},
            new String[] {"run", "a.yaml", "--quiet", "--quiet"},
            new String[] {"run", "a.yaml", "--out", "--quiet"},
            new String[] {"run", "a.yaml", "--out=d"},
            new String[] {"run", "a.yaml", "--format", "@f"},
            new String[] {"run", "a.yaml", "--seed", "3"},
            new String[] {"run", "a.yaml", "--threads", "1"},
            new String[] {"run", "a.yaml", "--set", "seed=3"},
            new String[] {"run", "a.yaml", "--debug"},
            new String[] {"run", "a.yaml", "-h"},
            new String[] {"run", "--", "a.yaml"},
            new String[] {"run", "@args.txt"},
            new String[] {"--debug", "run", "a.yaml"})) {
      assertFalse(QuickCommands.handles(args), String.join(" ", args));
    }
  }

  /**
   * Each plain run gives what picocli's parsing of the same line gives: exit code, standard output
   * and error, and every report file byte for byte (the default --format is picocli's "table").
   */
  @Test
  void run_sameOutcomeAndReportFilesAsThroughPicocli(@TempDir Path dir) throws IOException {
    for (List<String> options :
        List.<List<String>>of(
            List.<String>of(),
            List.of("--format", "json", "--quiet"),
            List.of("--quiet", "--format", "csv"),
            List.of("--format", "pdf"))) {
      String name = "case" + options.size() + options.hashCode();
      Path viaQuick = dir.resolve(name + "-quick");
      Path viaPicocli = dir.resolve(name + "-picocli");
      String[] quickArgs = runArgs(viaQuick, options);
      assertTrue(QuickCommands.handles(quickArgs), String.join(" ", quickArgs));
      CliHarness.Outcome quick = quick(SOURCE, quickArgs);
      CliHarness.Outcome picocli = picocli(SOURCE, runArgs(viaPicocli, options));
      assertEquals(picocli, quick, String.join(" ", quickArgs));
      for (String file : List.of("report.txt", "report.json", "report.csv", "report.html")) {
        assertEquals(
            Files.exists(viaPicocli.resolve(file)), Files.exists(viaQuick.resolve(file)), file);
        if (Files.exists(viaPicocli.resolve(file))) {
          assertEquals(-1L, Files.mismatch(viaPicocli.resolve(file), viaQuick.resolve(file)), file);
        }
      }
    }
    String[] missing = {"run", "missing.yaml", "--out", dir.resolve("missing").toString()};
    assertTrue(QuickCommands.handles(missing));
    CliHarness.Outcome quick = quick(SOURCE, missing);
    assertEquals(picocli(SOURCE, missing), quick);
    assertEquals(2, quick.code());
  }

  private static String[] runArgs(Path out, List<String> options) {
    List<String> args = new ArrayList<>(List.of("run", "noisy", "--out", out.toString()));
    args.addAll(options);
    return args.toArray(String[]::new);
  }

  @Test
  void listAndValidate_sameOutputAndExitCodeAsThroughPicocli() {
    for (String[] args :
        List.of(
            new String[] {"list"},
            new String[] {"validate", "noisy"},
            new String[] {"validate", "noisy", "broken.yaml", "noisy"},
            new String[] {"validate", "missing.yaml"})) {
      assertTrue(QuickCommands.handles(args));
      assertEquals(picocli(SOURCE, args), quick(SOURCE, args), String.join(" ", args));
    }
  }

  @Test
  void internalError_sameMessageAndExit1AsThroughPicocli() {
    ScenarioSource broken =
        new ScenarioSource() {
          @Override
          public Scenario resolve(String fileOrName, List<ScenarioLoader.Override> overrides) {
            throw new IllegalStateException("loader bug");
          }

          @Override
          public List<ScenarioLibrary.Entry> bundled() {
            throw new IllegalStateException("index bug");
          }

          @Override
          public String schema() {
            return "{}";
          }
        };
    for (String[] args :
        List.of(
            new String[] {"list"},
            new String[] {"validate", "a.yaml"},
            new String[] {"run", "a.yaml", "--out", "unused"})) {
      CliHarness.Outcome quick = quick(broken, args);
      assertEquals(picocli(broken, args), quick, String.join(" ", args));
      assertEquals(1, quick.code());
      assertTrue(quick.err().startsWith("oversold: internal error: "), quick.err());
    }
  }

  private static CliHarness.Outcome quick(ScenarioSource source, String[] args) {
    return CliHarness.run(source, SimulationEngine.SIMULATOR, args);
  }

  private static CliHarness.Outcome picocli(ScenarioSource source, String[] args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        OversoldCommand.parseAndExecute(
            args,
            source,
            SimulationEngine.SIMULATOR,
            false,
            new PrintWriter(out),
            new PrintWriter(err));
    return new CliHarness.Outcome(code, out.toString(), err.toString());
  }
}
