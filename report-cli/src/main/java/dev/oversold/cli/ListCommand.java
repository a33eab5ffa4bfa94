package dev.oversold.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code oversold list}: the bundled scenarios with their descriptions. */
@Command(
    mixinStandardHelpOptions = true,
    name = "list",
    description = "Lists the bundled scenarios.")
final class ListCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.ParentCommand OversoldCommand root;

  /** Descriptions wrap to this many columns, the width of a classic terminal. */
  static final int LINE_WIDTH = 100;

  /** Word-wraps {@code text} to {@code width} columns, indenting continuation lines. */
  static String wrap(String text, int width, int indent) {
    StringBuilder result = new StringBuilder();
    int column = 0;
    for (String word : text.strip().split("\\s+", -1)) {
      if (column > 0 && column + 1 + word.length() > Math.max(20, width)) {
        result.append('\n').append(" ".repeat(indent));
        column = 0;
      } else if (column > 0) {
        result.append(' ');
        column++;
      }
      result.append(word);
      column += word.length();
    }
    return result.toString();
  }

  @Override
  public Integer call() {
    return print(root.source, spec.commandLine().getOut());
  }

  /**
   * Prints the bundled scenarios of {@code source}; the whole command, also run without picocli.
   */
  static int print(ScenarioSource source, PrintWriter out) {
    var entries = source.bundled();
    if (entries.isEmpty()) {
      out.println("No bundled scenarios yet.");
    }
    int width = entries.stream().mapToInt(e -> e.name().length()).max().orElse(0) + 2;
    for (var entry : entries) {
      // Name in a column, the description wrapped beside it: readable at 100 columns.
      out.println(
          entry.name()
              + " ".repeat(width - entry.name().length())
              + wrap(entry.description().strip(), LINE_WIDTH - width, width));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
