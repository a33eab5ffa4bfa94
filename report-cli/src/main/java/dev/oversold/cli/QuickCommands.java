package dev.oversold.cli;

import dev.oversold.runner.SimulationEngine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runs the plainest {@code list}, {@code validate FILE...} and {@code run NAME} command lines
 * without building picocli: its command model is built by reflection over Java 5 bytecode that no
 * class-data archive holds, which was most of what these short commands cost at start-up (and about
 * a tenth of the CloudSim Plus peer's {@code run}, docs/performance.md, peer4). Only a command line
 * picocli would parse into exactly these calls is taken here (for {@code run}: one scenario and at
 * most {@code --out DIR}, {@code --format F} and {@code --quiet}, each once, in any order, with no
 * {@code =} form; no {@code @argument-files}); the output, the exit code and the handling of errors
 * are those of the picocli path ({@link ListCommand#print}, {@link ValidateCommand#check}, {@link
 * RunCommand#run}, {@link ErrorHandler#report}).
 */
final class QuickCommands {
  private QuickCommands() {}

  /** A plain {@code run} command line taken apart: what picocli would set. */
  record RunLine(String scenario, @Nullable String out, @Nullable String format, boolean quiet) {}

  /** Whether {@link #run} handles {@code args}; every other command line goes to picocli. */
  static boolean handles(String[] args) {
    if (args.length == 1) {
      return args[0].equals("list");
    }
    if (args.length >= 2 && args[0].equals("run")) {
      return runLine(args) != null;
    }
    if (args.length < 2 || !args[0].equals("validate")) {
      return false;
    }
    for (int i = 1; i < args.length; i++) {
      // options and picocli's @file expansion: left to picocli
      if (args[i].startsWith("-") || args[i].startsWith("@")) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code run NAME} with at most {@code --out DIR}, {@code --format F} and {@code --quiet} (each
   * once, values not starting with {@code -} or {@code @}); null for anything else, which picocli
   * then parses (and, where it is wrong, reports).
   */
  static @Nullable RunLine runLine(String[] args) {
    if (args.length < 2 || !args[0].equals("run")) {
      return null;
    }
    String scenario = null;
    String out = null;
    String format = null;
    boolean quiet = false;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("@")) {
        return null; // picocli expands argument files anywhere on the line
      }
      if (arg.equals("--quiet")) {
        if (quiet) {
          return null;
        }
        quiet = true;
      } else if (arg.equals("--out") || arg.equals("--format")) {
        if (i + 1 == args.length || args[i + 1].startsWith("-") || args[i + 1].startsWith("@")) {
          return null;
        }
        String value = args[++i];
        if (arg.equals("--out")) {
          if (out != null) {
            return null;
          }
          out = value;
        } else {
          if (format != null) {
            return null;
          }
          format = value;
        }
      } else if (arg.startsWith("-") || scenario != null) {
        return null; // another option, "--", or a second positional parameter
      } else {
        scenario = arg;
      }
    }
    return scenario == null ? null : new RunLine(scenario, out, format, quiet);
  }

  /** Runs a command line {@link #handles} accepted; returns the exit code. */
  static int run(
      String[] args,
      ScenarioSource source,
      SimulationEngine engine,
      boolean terminal,
      PrintWriter out,
      PrintWriter err) {
    try {
      if (args[0].equals("list")) {
        return ListCommand.print(source, out);
      }
      if (args[0].equals("run")) {
        RunLine line = runLine(args);
        if (line == null) {
          throw new IllegalArgumentException("not a plain run command line");
        }
        OversoldCommand root = new OversoldCommand(source, engine, terminal);
        root.args = List.of(args);
        ExecutionOptions options =
            ExecutionOptions.of(
                line.out() == null ? null : Path.of(line.out()), line.format(), line.quiet());
        return RunCommand.run(root, line.scenario(), options, List.of(), out, err);
      }
      List<String> files = Arrays.asList(args).subList(1, args.length);
      return ValidateCommand.check(source, files, /* showCost= */ false, out, err);
    } catch (Exception e) {
      return ErrorHandler.report(e, err, /* debug= */ false);
    }
  }
}
