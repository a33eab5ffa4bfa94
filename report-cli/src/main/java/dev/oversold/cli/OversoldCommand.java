package dev.oversold.cli;

import dev.oversold.report.rendering.AtomicOutput;
import dev.oversold.runner.SimulationEngine;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code oversold} command line. Subcommands are registered in {@link Subcommands}, not in the
 * annotation: picocli builds a command's model by reflection when it is added, so a command line
 * that names one subcommand registers only that one (see {@link #needed}).
 */
@Command(
    name = "oversold",
    mixinStandardHelpOptions = true,
    version = OversoldCommand.VERSION,
    description = "Simulates oversold VPS hosts and reports how much tenants interfere.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:internal error",
      "2:bad input (problems printed as FILE:LINE:COL: key.path: message)",
      "130:interrupted"
    })
public final class OversoldCommand implements Callable<Integer> {
  static final String VERSION = "oversold 0.1.0";

  /**
   * Every subcommand by name, in the order the usage lists them. In a holder class so that the
   * commands answered without picocli ({@code --version}, {@link QuickCommands}) neither link its
   * eight lambdas (each bootstraps a class at run time through java.lang.invoke) nor load the
   * command classes they name (docs/performance.md).
   */
  private static final class Subcommands {
    static final Map<String, Supplier<Object>> ALL = new LinkedHashMap<>();

    static {
      ALL.put("run", RunCommand::new);
      ALL.put("compare", CompareCommand::new);
      ALL.put("sweep", SweepCommand::new);
      ALL.put("plan", PlanCommand::new);
      ALL.put("validate", ValidateCommand::new);
      ALL.put("list", ListCommand::new);
      ALL.put("schema", SchemaCommand::new);
      // A lambda, not CommandLine.HelpCommand::new: Java 25's AOT cache cannot hold picocli's Java
      // 5 classes, and an archived method reference to one crashed its writer (docs/performance.md)
      ALL.put("help", () -> new CommandLine.HelpCommand());
    }

    private Subcommands() {}
  }

  private static final AtomicBoolean SHUTTING_DOWN = new AtomicBoolean();
  private static final AtomicBoolean RUNNING = new AtomicBoolean();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  final ScenarioSource source;
  final SimulationEngine engine;
  final boolean terminal;

  /** The whole command line, for a {@link Handover} to run again. */
  List<String> args = List.of();

  public OversoldCommand(ScenarioSource source, SimulationEngine engine, boolean terminal) {
    this.source = source;
    this.engine = engine;
    this.terminal = terminal;
  }

  @SuppressForbidden(reason = "the process entry point: a bare --version prints to stdout directly")
  public static void main(String[] args) {
    if (versionOnly(args)) {
      // picocli's classes are Java 5 bytecode, which no class-data archive holds: building the
      // command line would be nine tenths of the time this answer takes
      System.out.println(VERSION);
      return;
    }
    mainWith(args, new LoaderScenarioSource(), SimulationEngine.SIMULATOR);
  }

  /** A bare {@code --version} or {@code -V}, answered as picocli would without building it. */
  static boolean versionOnly(String[] args) {
    return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
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
    int code;
    try {
      code =
          QuickCommands.handles(args)
              ? QuickCommands.run(args, source, engine, terminal, out, err)
              : parseAndExecute(args, source, engine, terminal, out, err);
    } catch (OutOfMemoryError e) {
      err.println(OutOfMemory.message()); // picocli lets errors through; no stack trace either
      code = ExitCodes.INTERNAL_ERROR;
    }
    out.flush();
    err.flush();
    return code;
  }

  /** Runs the command line through picocli, whatever it is; returns the exit code. */
  static int parseAndExecute(
      String[] args,
      ScenarioSource source,
      SimulationEngine engine,
      boolean terminal,
      PrintWriter out,
      PrintWriter err) {
    OversoldCommand root = new OversoldCommand(source, engine, terminal);
    root.args = List.of(args);
    CommandLine commandLine = new CommandLine(root);
    for (Map.Entry<String, Supplier<Object>> subcommand : Subcommands.ALL.entrySet()) {
      if (needed(args, subcommand.getKey())) {
        commandLine.addSubcommand(subcommand.getKey(), subcommand.getValue().get());
      }
    }
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(new ErrorHandler(args));
    return commandLine.execute(args);
  }

  /**
   * Whether parsing {@code args} needs the subcommand {@code name}: when the first word that is not
   * an option names a subcommand, only that one (all of them for {@code help}); with no such word,
   * none for a bare {@code --version}; in every other case (usage, help, a mistyped name to suggest
   * for) all of them.
   */
  static boolean needed(String[] args, String name) {
    boolean version = false;
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        // `help COMMAND` documents another subcommand, so it needs them all
        return !Subcommands.ALL.containsKey(arg) || arg.equals("help") || arg.equals(name);
      }
      if (arg.equals("-h") || arg.equals("--help")) {
        return true;
      }
      version |= arg.equals("-V") || arg.equals("--version");
    }
    return !version;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.OK;
  }
}
