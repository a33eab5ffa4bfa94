package dev.oversold.cli;

import dev.oversold.report.rendering.AtomicOutput;
import dev.oversold.runner.SimulationEngine;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code oversold} command line. */
@Command(
    name = "oversold",
    mixinStandardHelpOptions = true,
    version = "oversold 0.1.0",
    description = "Simulates oversold VPS hosts and reports how much tenants interfere.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:internal error",
      "2:bad input (problems printed as FILE:LINE:COL: key.path: message)",
      "130:interrupted"
    },
    subcommands = {
      RunCommand.class,
      CompareCommand.class,
      SweepCommand.class,
      PlanCommand.class,
      ValidateCommand.class,
      ListCommand.class,
      SchemaCommand.class,
      CommandLine.HelpCommand.class
    })
public final class OversoldCommand implements Callable<Integer> {
  private static final AtomicBoolean SHUTTING_DOWN = new AtomicBoolean();
  private static final AtomicBoolean RUNNING = new AtomicBoolean();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  final ScenarioSource source;
  final SimulationEngine engine;
  final boolean terminal;

  public OversoldCommand(ScenarioSource source, SimulationEngine engine, boolean terminal) {
    this.source = source;
    this.engine = engine;
    this.terminal = terminal;
  }

  public static void main(String[] args) {
    mainWith(args, new LoaderScenarioSource(), SimulationEngine.SIMULATOR);
  }

  /**
   * What {@link #main} does, with the collaborators given: installs the Ctrl-C hook, runs the
   * command on the terminal's streams and exits with its code.
   */
  @SuppressForbidden(reason = "the process entry point: owns stdout, stderr and the exit status")
  public static void mainWith(String[] args, ScenarioSource source, SimulationEngine engine) {
    Thread main = Thread.currentThread();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (!RUNNING.get()) {
                    return; // a normal exit: the command has finished
                  }
                  // Ctrl-C: stop the work, let the command delete its temporary files and say so
                  SHUTTING_DOWN.set(true);
                  main.interrupt();
                  try {
                    main.join(5_000);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  AtomicOutput.deleteLeftovers();
                },
                "oversold-shutdown"));
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    RUNNING.set(true);
    int code = execute(args, source, engine, Progress.terminalAttached(), out, err);
    RUNNING.set(false);
    if (!SHUTTING_DOWN.get()) {
      System.exit(code);
    }
    // the JVM is already exiting on a signal (status 130); returning lets the hook finish
  }

  /** Runs the command line with the given collaborators; returns the exit code. */
  public static int execute(
      String[] args,
      ScenarioSource source,
      SimulationEngine engine,
      boolean terminal,
      PrintWriter out,
      PrintWriter err) {
    CommandLine commandLine = new CommandLine(new OversoldCommand(source, engine, terminal));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(new ErrorHandler(args));
    int code;
    try {
      code = commandLine.execute(args);
    } catch (OutOfMemoryError e) {
      err.println(OutOfMemory.message()); // picocli lets errors through; no stack trace either
      code = ExitCodes.INTERNAL_ERROR;
    }
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.OK;
  }
}
