package dev.oversold.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code oversold list}: the bundled scenarios with their descriptions. */
@Command(name = "list", description = "Lists the bundled scenarios.")
final class ListCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.ParentCommand OversoldCommand root;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    var entries = root.source.bundled();
    if (entries.isEmpty()) {
      out.println("No bundled scenarios yet.");
    }
    int width = entries.stream().mapToInt(e -> e.name().length()).max().orElse(0);
    for (var entry : entries) {
      out.println(
          entry.name()
              + " ".repeat(width - entry.name().length() + 2)
              + entry.description().strip());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
