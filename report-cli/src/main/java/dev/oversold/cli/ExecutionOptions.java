package dev.oversold.cli;

import dev.oversold.runner.ParallelRunner;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Options shared by the commands that simulate: run, compare, sweep. */
final class ExecutionOptions {
  /** {@code --format}'s default, also what {@link QuickCommands} gives a plain {@code run}. */
  static final String DEFAULT_FORMAT = "table";

  /** {@code --replications}'s default, as picocli reads it from the annotation. */
  static final String DEFAULT_REPLICATIONS = "1";

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Folder for the report files (default: out/<scenario>/...).")
  Path out;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = DEFAULT_FORMAT,
      description =
          "What to print on standard output: table, json, csv (run also: html); default table.")
  String format;

  @Option(names = "--seed", paramLabel = "N", description = "Seed (default: the scenario's).")
  Long seed;

  @Option(
      names = "--replications",
      paramLabel = "R",
      defaultValue = DEFAULT_REPLICATIONS,
      description = "Runs seeds seed..seed+R-1 and reports means with 95%% confidence intervals.")
  int replications;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Simulations run in parallel (default: available processors).")
  Integer threads;

  @Option(
      names = "--force",
      description = "Simulate even when the cost estimate is past the budget (see validate).")
  boolean force;

  @Option(names = "--quiet", description = "No progress line, even on a terminal.")
  boolean quiet;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  /**
   * The options of a command line that names none of them, as picocli's parsing leaves them (the
   * annotations' defaults), with {@code --out}, {@code --format} and {@code --quiet} as given.
   */
  static ExecutionOptions of(@Nullable Path out, @Nullable String format, boolean quiet) {
    ExecutionOptions options = new ExecutionOptions();
    options.out = out;
    options.format = format == null ? DEFAULT_FORMAT : format;
    options.replications = Integer.parseInt(DEFAULT_REPLICATIONS);
    options.quiet = quiet;
    return options;
  }

  int threads() throws BadInputException {
    int n = threads == null ? ParallelRunner.defaultThreads() : threads;
    if (n < 1) {
      throw new BadInputException("--threads must be at least 1, got " + n);
    }
    return n;
  }

  int replications() throws BadInputException {
    if (replications < 1) {
      throw new BadInputException("--replications must be at least 1, got " + replications);
    }
    return replications;
  }
}
