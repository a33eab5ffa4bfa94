package dev.oversold.cli;

import dev.oversold.scenarios.ScenarioLibrary;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code oversold} command line. */
@Command(
    name = "oversold",
    mixinStandardHelpOptions = true,
    version = "oversold 0.1.0",
    description = "Simulates oversold VPS hosts and reports how much tenants interfere.",
    subcommands = {OversoldCommand.ListCommand.class})
public final class OversoldCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new OversoldCommand()).execute(args));
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** {@code oversold list}: the bundled scenarios with their descriptions. */
  @Command(name = "list", description = "Lists the bundled scenarios.")
  static final class ListCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      var entries = ScenarioLibrary.list();
      if (entries.isEmpty()) {
        out.println("No bundled scenarios yet.");
      }
      for (var entry : entries) {
        out.printf("%-40s %s%n", entry.name(), entry.description());
      }
      out.flush();
      return 0;
    }
  }
}
