package dev.oversold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.runner.SimulationEngine;
import dev.oversold.testing.FixedScenarioSource;
import dev.oversold.testing.TestScenarios;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Start-up registers only the subcommands a command line needs; what the user sees must not change.
 * The expected command names and order are the command table of docs/cli.md.
 */
final class SubcommandRegistrationTest {
  private static final List<String> ALL =
      List.of("run", "compare", "sweep", "validate", "list", "schema");

  private static List<String> needed(String... args) {
    return ALL.stream().filter(name -> OversoldCommand.needed(args, name)).toList();
  }

  @Test
  void needed_aNamedSubcommandAlone() {
    assertEquals(List.of("list"), needed("list"));
    assertEquals(List.of("validate"), needed("--debug", "validate", "a.yaml", "run"));
    assertEquals(List.of("run"), needed("run", "--help"));
  }

  @Test
  void needed_noneForABareVersionRequest() {
    assertEquals(List.of(), needed("--version"));
    assertEquals(List.of(), needed("-V"));
    assertEquals(List.of(), needed("--debug", "--version"));
  }

  @Test
  void needed_everyOneForUsageHelpAndUnknownWords() {
    assertEquals(ALL, needed());
    assertEquals(ALL, needed("--help"));
    assertEquals(ALL, needed("-V", "-h"));
    assertEquals(ALL, needed("lst"), "a mistyped name is answered with a suggestion");
    assertEquals(ALL, needed("help", "run"));
  }

  private static CliHarness.Outcome run(String... args) {
    var source =
        FixedScenarioSource.of(
            "noisy",
            TestScenarios.noisy(
                dev.oversold.core.model.PlatformKind.KVM,
                dev.oversold.core.model.ReportSettings.DEFAULT,
                8));
    return CliHarness.run(source, SimulationEngine.SIMULATOR, args);
  }

  @Test
  void usage_stillListsEveryCommandInOrder() {
    var usage = run("--help");
    assertEquals(0, usage.code());
    int previous = -1;
    for (String name : ALL) {
      int at = usage.out().indexOf("\n  " + name + " ");
      assertTrue(at > previous, name + " listed after the one before it:\n" + usage.out());
      previous = at;
    }
  }

  @Test
  void version_printsTheVersionWithoutAnySubcommand() {
    var version = run("--version");
    assertEquals(0, version.code());
    assertEquals("oversold 0.1.0\n", version.out());
  }

  @Test
  void versionOnly_onlyABareVersionOption() {
    assertTrue(OversoldCommand.versionOnly(new String[] {"--version"}));
    assertTrue(OversoldCommand.versionOnly(new String[] {"-V"}));
    assertFalse(OversoldCommand.versionOnly(new String[] {}));
    assertFalse(OversoldCommand.versionOnly(new String[] {"--version", "--help"}));
    assertFalse(OversoldCommand.versionOnly(new String[] {"list", "--version"}));
  }

  @Test
  void mistypedCommand_suggestsTheRightOne_exit2() {
    var typo = run("lst");
    assertEquals(2, typo.code());
    assertTrue(typo.err().contains("Did you mean: oversold list?"), typo.err());
    assertFalse(typo.err().contains("Exception"), typo.err());
  }
}
