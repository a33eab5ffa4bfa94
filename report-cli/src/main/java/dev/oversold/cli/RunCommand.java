package dev.oversold.cli;

import dev.oversold.core.model.Scenario;
import dev.oversold.report.calculation.ReportBuilder;
import dev.oversold.report.model.Report;
import dev.oversold.report.rendering.AtomicOutput;
import dev.oversold.report.rendering.ReportFormats;
import dev.oversold.runner.CostEstimate;
import dev.oversold.runner.ExperimentPlan;
import dev.oversold.runner.ExperimentResult;
import dev.oversold.runner.Experiments;
import dev.oversold.runner.ParallelRunner;
import dev.oversold.scenarios.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code oversold run FILE|NAME}: the shared run, every tenant's isolated baseline and the
 * leave-one-out runs of the interference matrix, in parallel; writes report.txt, report.json,
 * report.csv and report.html and prints the chosen format.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "run",
    description = "Simulates a scenario with baselines and interference runs and writes reports.")
final class RunCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.ParentCommand OversoldCommand root;

  @Parameters(index = "0", paramLabel = "FILE|NAME", description = "Scenario file or bundled name.")
  String scenarioName;

  @CommandLine.Mixin ExecutionOptions options;

  @CommandLine.Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Overrides one scenario key (e.g. hosts[0].cpu.cores=16); repeatable.")
  List<String> sets = List.of();

  @Override
  public Integer call() throws Exception {
    return run(
        root,
        scenarioName,
        options,
        sets,
        spec.commandLine().getOut(),
        spec.commandLine().getErr());
  }

  /**
   * The command itself, for picocli's parsing ({@link #call}) and for {@link QuickCommands}, which
   * takes a plain {@code run NAME [--out DIR] [--format F] [--quiet]} without building picocli.
   */
  static int run(
      OversoldCommand root,
      String scenarioName,
      ExecutionOptions options,
      List<String> sets,
      PrintWriter out,
      PrintWriter err)
      throws Exception {
    ReportOutput.checkFormat(options.format, ReportFormats.names());
    int threads = options.threads();
    int replications = options.replications();
    List<ScenarioLoader.Override> overrides = Overrides.parse(sets);
    Scenario scenario = root.source.resolve(scenarioName, overrides);
    if (options.seed != null) {
      scenario = scenario.withSeed(options.seed);
    }
    Path dir = options.out != null ? options.out : ReportOutput.defaultDir(scenario.name());
    CostEstimate estimate =
        CostCheck.check(scenarioName, List.of(scenario), replications, threads, options.force);
    OptionalInt handedOver = Handover.ifWorthIt(estimate.longestRunWorkloadEvents(), root.args);
    if (handedOver.isPresent()) {
      return handedOver.getAsInt();
    }
    OutputDirectory.check(dir, ReportOutput.fileNames());
    UnreadBlocks.warnings(overrides, List.of(scenario)).forEach(err::println);
    Progress progress = new Progress(err, root.terminal && !options.quiet);
    ExperimentResult result;
    try {
      result =
          Experiments.run(
              ExperimentPlan.of(scenario, replications),
              new ParallelRunner(threads, root.engine, progress));
    } finally {
      progress.finish();
    }
    Report report = ReportBuilder.build(result);
    AtomicReference<String> printed = new AtomicReference<>();
    List<Path> written =
        AtomicOutput.writeAll(dir, ReportOutput.files(report, options.format, printed));
    out.print(printed.get());
    out.flush();
    if (root.terminal && !options.quiet) {
      err.println("Reports: " + String.join(", ", written.stream().map(Path::toString).toList()));
    }
    return ExitCodes.OK;
  }
}
