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
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code list} and {@code validate FILE...} without picocli must be indistinguishable from the
 * picocli path: the expected outcome of each command line is what picocli's parsing of the same
 * line produces ({@link OversoldCommand#parseAndExecute}), an independent route to the same
 * commands.
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
            new String[] {"run", "a.yaml"},
            new String[] {"schema"})) {
      assertFalse(QuickCommands.handles(args), String.join(" ", args));
    }
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
    for (String[] args : List.of(new String[] {"list"}, new String[] {"validate", "a.yaml"})) {
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
