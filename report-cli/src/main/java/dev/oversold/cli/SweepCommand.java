package dev.oversold.cli;

import dev.oversold.core.model.Scenario;
import dev.oversold.report.model.Variant;
import dev.oversold.report.rendering.AtomicOutput;
import dev.oversold.runner.CostEstimate;
import dev.oversold.runner.ExperimentPlan;
import dev.oversold.runner.ParallelRunner;
import dev.oversold.scenarios.ScenarioLoader;
import dev.oversold.sweep.MixScale;
import dev.oversold.sweep.PointCollector;
import dev.oversold.sweep.PointOutcome;
import dev.oversold.sweep.SweepAxis;
import dev.oversold.sweep.SweepGrid;
import dev.oversold.sweep.SweepPoint;
import dev.oversold.sweep.SweepProgress;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oversold sweep FILE|NAME --set KEY=V1,V2,... [--scale GROUP=a..b] ...}: every combination
 * of the axes (the first varies slowest), each point loaded through the scenario loader with its
 * overrides, all simulated in one parallel batch. Each point's report is written to {@code
 * DIR/points/NAME/} as soon as its last run finishes, with one progress line on stderr; the
 * one-row-per-point tables come last.
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
      paramLabel = "KEY=V1,V2,...",
      description =
          "A scenario key (hosts[0].cpu.cores, hosts[node1].cpu.cores, tenants[web].count) and"
              + " the values to try; repeat for a grid.")
  List<String> sets = List.of();

  @Option(
      names = "--scale",
      paramLabel = "GROUP=a..b",
      description =
          "Scales the templates of a report group, one template, or all of them together, keeping"
              + " their proportions: GROUP=a..b, a..b:step or a,b,c (totals); repeatable.")
  List<String> scales = List.of();

  @CommandLine.Mixin ExecutionOptions options;

  /** Name of the folder under DIR that holds one report folder per finished point. */
  static final String POINTS = "points";

  @Override
  public Integer call() throws Exception {
    ReportOutput.checkFormat(options.format, VariantOutput.FORMATS);
    int threads = options.threads();
    int replications = options.replications();
    if (sets.isEmpty() && scales.isEmpty()) {
      throw new BadInputException("sweep needs at least one --set KEY=V1,V2,... or --scale");
    }
    List<SweepAxis> axes = axes();
    List<SweepPoint> points = SweepGrid.points(axes);
    List<ExperimentPlan> plans = new ArrayList<>();
    for (SweepPoint point : points) {
      Scenario scenario = root.source.resolve(scenarioName, point.overrides());
      if (options.seed != null) {
        scenario = scenario.withSeed(options.seed);
      }
      plans.add(ExperimentPlan.of(scenario, replications));
    }
    String name = plans.get(0).scenario().name();
    Path dir = options.out != null ? options.out : ReportOutput.defaultDir(name, "sweep");
    CostEstimate estimate =
        CostCheck.check(
            scenarioName,
            plans.stream().map(ExperimentPlan::scenario).toList(),
            replications,
            threads,
            options.force);
    OptionalInt handedOver = Handover.ifWorthIt(estimate.longestRunWorkloadEvents(), root.args);
    if (handedOver.isPresent()) {
      return handedOver.getAsInt();
    }
    OutputDirectory.check(dir, VariantOutput.fileNames("sweep"));
    Path pointsDir = dir.resolve(POINTS);
    // the points folder only: a point's own folder appears when its report is written, so an
    // interrupted sweep leaves no empty folders for the points it did not finish
    OutputDirectory.check(pointsDir, List.of());
    PrintWriter err = spec.commandLine().getErr();
    UnreadBlocks.warnings(
            points.stream().flatMap(point -> point.overrides().stream()).toList(),
            plans.stream().map(ExperimentPlan::scenario).toList())
        .forEach(err::println);
    double[] weights = new double[plans.size()];
    for (int p = 0; p < plans.size(); p++) {
      weights[p] = CostEstimate.of(List.of(plans.get(p).scenario()), replications, 1).events();
    }
    SweepProgress progress =
        new SweepProgress(
            options.quiet ? new PrintWriter(Writer.nullWriter()) : err,
            root.terminal,
            System::nanoTime,
            points.stream().map(SweepPoint::name).toList(),
            weights);
    PointCollector collector =
        new PointCollector(
            points,
            plans,
            progress,
            (point, report) ->
                AtomicOutput.writeAll(pointsDir.resolve(point.name()), ReportOutput.files(report)));
    List<Scenario> runs = new ArrayList<>();
    plans.forEach(plan -> plan.runs().forEach(run -> runs.add(run.scenario())));
    try {
      new ParallelRunner(threads, root.engine, progress).runAll(runs, collector);
    } catch (Exception e) {
      progress.finish();
      if (ErrorHandler.interrupted(e)) {
        err.println("oversold: interrupted; " + kept(collector.finished(), points, pointsDir));
        err.flush();
        return ExitCodes.INTERRUPTED;
      }
      throw e;
    }
    progress.finish();
    List<Variant> variants = new ArrayList<>();
    List<PointOutcome> outcomes = collector.outcomes();
    for (PointOutcome outcome : outcomes) {
      variants.add(new Variant(outcome.point().labels(), outcome.report()));
    }
    List<String> labels = axes.stream().map(SweepAxis::label).toList();
    VariantOutput output =
        new VariantOutput(
            labels,
            variants,
            false,
            VariantOutput.hostOptionsDiffer(labels, variants),
            outcomes.stream().map(PointOutcome::tails).toList());
    output.write(dir, "sweep");
    PrintWriter out = spec.commandLine().getOut();
    out.print(output.render(options.format));
    out.flush();
    if (root.terminal && !options.quiet) {
      err.println("Reports: " + dir.resolve("sweep.txt") + "; each point's in " + pointsDir);
    }
    return ExitCodes.OK;
  }

  private List<SweepAxis> axes() throws Exception {
    List<SweepAxis> axes = new ArrayList<>();
    try {
      for (String set : sets) {
        axes.add(SweepAxis.ofSet(set));
      }
      if (!scales.isEmpty()) {
        Scenario base = root.source.resolve(scenarioName, List.<ScenarioLoader.Override>of());
        for (String scale : scales) {
          axes.add(MixScale.axis(base, scale));
        }
      }
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    return axes;
  }

  /** What an interrupted sweep kept, for its last message. */
  static String kept(List<SweepPoint> finished, List<SweepPoint> points, Path pointsDir) {
    if (finished.isEmpty()) {
      return "no point had finished, no report was written";
    }
    return finished.size()
        + " of "
        + points.size()
        + " points had finished; their reports are in "
        + pointsDir
        + " ("
        + String.join(", ", finished.stream().map(SweepPoint::name).toList())
        + "); no sweep table was written";
  }
}
