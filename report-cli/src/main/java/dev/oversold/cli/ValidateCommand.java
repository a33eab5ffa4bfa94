package dev.oversold.cli;

import dev.oversold.core.model.Scenario;
import dev.oversold.runner.CostEstimate;
import dev.oversold.runner.ParallelRunner;
import dev.oversold.scenarios.Problem;
import dev.oversold.scenarios.ScenarioException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code oversold validate FILE...}: checks every file, prints every problem, simulates nothing.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "validate",
    description = "Checks scenario files without simulating; exit 0 when all are valid, 2 if not.")
final class ValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.ParentCommand OversoldCommand root;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (or names).")
  List<String> files;

  @CommandLine.Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  @CommandLine.Option(
      names = "--cost",
      description = "Also print each file's cost estimate (simulations, events, memory).")
  boolean showCost;

  @Override
  public Integer call() {
    return check(
        root.source, files, showCost, spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /**
   * Checks every file and prints the verdicts; the whole command, also run without picocli.
   *
   * @return the exit code: 0 when all are valid, 2 if not
   */
  static int check(
      ScenarioSource source,
      List<String> files,
      boolean showCost,
      PrintWriter out,
      PrintWriter err) {
    boolean allValid = true;
    for (String file : files) {
      try {
        Scenario scenario = source.resolve(file, List.of());
        CostEstimate cost =
            CostCheck.check(
                file, List.of(scenario), 1, ParallelRunner.defaultThreads(), /* force= */ false);
        out.printf(
            Locale.ROOT,
            "%s: valid (%d tenants on %d hosts)%n",
            file,
            scenario.tenants().size(),
            scenario.hosts().size());
        if (showCost) {
          out.printf(Locale.ROOT, "%s: cost: %s%n", file, cost.summary());
        }
      } catch (ScenarioException e) {
        allValid = false;
        for (Problem problem : e.problems()) {
          err.println(problem);
        }
      }
    }
    out.flush();
    err.flush();
    return allValid ? ExitCodes.OK : ExitCodes.BAD_INPUT;
  }
}
