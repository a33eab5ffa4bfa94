package dev.oversold.cli;

import dev.oversold.core.model.Scenario;
import dev.oversold.report.calculation.ReportBuilder;
import dev.oversold.report.model.Variant;
import dev.oversold.runner.ExperimentPlan;
import dev.oversold.runner.ExperimentResult;
import dev.oversold.runner.Experiments;
import dev.oversold.runner.ParallelRunner;
import dev.oversold.scenarios.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oversold sweep FILE|NAME --set KEY=V1,V2,... [--set ...]}: every combination of the given
 * values (the first {@code --set} varies slowest), each loaded through the scenario loader with
 * those overrides, all simulated in one parallel batch; one row per point.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "sweep",
    description = "Runs a grid of scenario variants, one row per point.")
final class SweepCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.ParentCommand OversoldCommand root;

  @Parameters(index = "0", paramLabel = "FILE|NAME", description = "Scenario file or bundled name.")
  String scenarioName;

  @Option(
      names = "--set",
      required = true,
      paramLabel = "KEY=V1,V2,...",
      description =
          "A scenario key (e.g. hosts[0].cpu.cores) and the values to try; repeat for a grid.")
  List<String> sets;

  @CommandLine.Mixin ExecutionOptions options;

  /** One {@code --set}: a key and its values. */
  record Axis(String key, List<String> values) {}

  static Axis parse(String set) throws BadInputException {
    int eq = set.indexOf('=');
    if (eq <= 0 || eq == set.length() - 1) {
      throw new BadInputException("--set " + set + " must look like KEY=V1,V2,...");
    }
    List<String> values = new ArrayList<>();
    for (String value : set.substring(eq + 1).split(",", -1)) {
      if (value.isBlank()) {
        throw new BadInputException("--set " + set + " has an empty value");
      }
      values.add(value.strip());
    }
    return new Axis(set.substring(0, eq).strip(), values);
  }

  /** The cartesian product of the axes, first axis outermost. */
  static List<List<ScenarioLoader.Override>> grid(List<Axis> axes) {
    List<List<ScenarioLoader.Override>> points = new ArrayList<>();
    points.add(List.of());
    for (Axis axis : axes) {
      List<List<ScenarioLoader.Override>> next = new ArrayList<>();
      for (List<ScenarioLoader.Override> point : points) {
        for (String value : axis.values()) {
          List<ScenarioLoader.Override> extended = new ArrayList<>(point);
          extended.add(new ScenarioLoader.Override(axis.key(), value));
          next.add(extended);
        }
      }
      points = next;
    }
    return points;
  }

  @Override
  public Integer call() throws Exception {
    ReportOutput.checkFormat(options.format, VariantOutput.FORMATS);
    int threads = options.threads();
    int replications = options.replications();
    List<Axis> axes = new ArrayList<>();
    for (String set : sets) {
      axes.add(parse(set));
    }
    List<List<ScenarioLoader.Override>> points = grid(axes);
    List<ExperimentPlan> plans = new ArrayList<>();
    for (List<ScenarioLoader.Override> point : points) {
      Scenario scenario = root.source.resolve(scenarioName, point);
      if (options.seed != null) {
        scenario = scenario.withSeed(options.seed);
      }
      plans.add(ExperimentPlan.of(scenario, replications));
    }
    String name = plans.get(0).scenario().name();
    Path dir = options.out != null ? options.out : ReportOutput.defaultDir(name, "sweep");
    CostCheck.check(
        scenarioName,
        plans.stream().map(ExperimentPlan::scenario).toList(),
        replications,
        threads,
        options.force);
    OutputDirectory.check(dir, VariantOutput.fileNames("sweep"));
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = new Progress(err, root.terminal && !options.quiet);
    List<ExperimentResult> results;
    try {
      results = Experiments.run(plans, new ParallelRunner(threads, root.engine, progress));
    } finally {
      progress.finish();
    }
    List<Variant> variants = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      variants.add(
          new Variant(
              points.get(i).stream().map(ScenarioLoader.Override::value).toList(),
              ReportBuilder.build(results.get(i))));
    }
    VariantOutput output =
        new VariantOutput(axes.stream().map(Axis::key).toList(), variants, false);
    output.write(dir, "sweep");
    PrintWriter out = spec.commandLine().getOut();
    out.print(output.render(options.format));
    out.flush();
    if (root.terminal && !options.quiet) {
      err.println("Reports: " + dir.resolve("sweep.txt"));
    }
    return ExitCodes.OK;
  }
}
