package dev.oversold.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code oversold schema}: the JSON Schema of scenario files, for editors and CI checks. */
@Command(
    mixinStandardHelpOptions = true,
    name = "schema",
    description = "Prints the JSON Schema of scenario files.")
final class SchemaCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.ParentCommand OversoldCommand root;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String schema = root.source.schema();
    out.print(schema.endsWith("\n") ? schema : schema + "\n");
    out.flush();
    return ExitCodes.OK;
  }
}
