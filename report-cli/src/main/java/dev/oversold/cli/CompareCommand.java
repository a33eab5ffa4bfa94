package dev.oversold.cli;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.platform.AdmissionException;
import dev.oversold.core.platform.Platforms;
import dev.oversold.core.runtime.Simulator;
import dev.oversold.report.calculation.ReportBuilder;
import dev.oversold.report.model.Report;
import dev.oversold.report.model.Variant;
import dev.oversold.report.rendering.AtomicOutput;
import dev.oversold.runner.CostEstimate;
import dev.oversold.runner.ExperimentPlan;
import dev.oversold.runner.ExperimentResult;
import dev.oversold.runner.Experiments;
import dev.oversold.runner.ParallelRunner;
import dev.oversold.scenarios.ScenarioException;
import java.io.PrintWriter;
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
 * {@code oversold compare FILE|NAME --platforms openvz,kvm,xen,vmware}: the same scenario with
 * every host switched to each platform ({@link Platforms#onPlatform}: a host already on it keeps
 * its options, the others get the host's {@code platform-options} for it or that platform's
 * defaults), side by side. Each platform also gets its full report in {@code DIR/<platform>/}.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "compare",
    description = "Runs a scenario once per platform, side by side.")
final class CompareCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.ParentCommand OversoldCommand root;

  @Parameters(index = "0", paramLabel = "FILE|NAME", description = "Scenario file or bundled name.")
  String scenarioName;

  @Option(
      names = "--platforms",
      split = ",",
      paramLabel = "P",
      description =
          "Platforms to compare (default: every registered virtualization platform; bare-metal,"
              + " the reference, only when named).")
  List<String> platforms;

  @CommandLine.Mixin ExecutionOptions options;

  @Override
  public Integer call() throws Exception {
    ReportOutput.checkFormat(options.format, VariantOutput.FORMATS);
    int threads = options.threads();
    int replications = options.replications();
    List<PlatformKind> kinds = new ArrayList<>(PlatformList.resolve(platforms));
    Scenario scenario = root.source.resolve(scenarioName, List.of());
    if (options.seed != null) {
      scenario = scenario.withSeed(options.seed);
    }
    PrintWriter err = spec.commandLine().getErr();
    List<ExperimentPlan> plans = new ArrayList<>();
    List<PlatformKind> refused = new ArrayList<>();
    // printed once it is known that this process simulates (a handed-over one prints them)
    List<String> skipped = new ArrayList<>();
    for (PlatformKind kind : kinds) {
      List<HostSpec> hosts =
          scenario.hosts().stream().map(h -> Platforms.onPlatform(h, kind)).toList();
      Scenario onPlatform = scenario.withHosts(hosts);
      try {
        Simulator.checkAdmission(onPlatform);
      } catch (AdmissionException e) {
        // A platform that cannot host the scenario at all (Xen does not overcommit memory) is a
        // finding of the comparison, not a reason to abandon the others.
        skipped.add("oversold: " + kind.id() + " skipped: " + e.getMessage());
        refused.add(kind);
        continue;
      }
      plans.add(ExperimentPlan.of(onPlatform, replications));
    }
    kinds.removeAll(refused);
    if (kinds.isEmpty()) {
      skipped.forEach(err::println);
      throw new BadInputException("no platform in --platforms can host this scenario");
    }
    Path dir =
        options.out != null ? options.out : ReportOutput.defaultDir(scenario.name(), "compare");
    CostEstimate estimate;
    try {
      estimate =
          CostCheck.check(
              scenarioName,
              plans.stream().map(ExperimentPlan::scenario).toList(),
              replications,
              threads,
              options.force);
    } catch (ScenarioException e) {
      skipped.forEach(err::println);
      throw e;
    }
    OptionalInt handedOver = Handover.ifWorthIt(estimate.longestRunWorkloadEvents(), root.args);
    if (handedOver.isPresent()) {
      return handedOver.getAsInt();
    }
    skipped.forEach(err::println);
    OutputDirectory.check(dir, VariantOutput.fileNames("compare"));
    for (PlatformKind kind : kinds) {
      OutputDirectory.check(dir.resolve(kind.id()), ReportOutput.fileNames());
    }
    Progress progress = new Progress(err, root.terminal && !options.quiet);
    List<ExperimentResult> results;
    try {
      results = Experiments.run(plans, new ParallelRunner(threads, root.engine, progress));
    } finally {
      progress.finish();
    }
    List<Variant> variants = new ArrayList<>();
    for (int i = 0; i < kinds.size(); i++) {
      // each platform's own report says which platform it is, in every title
      Report report =
          ReportBuilder.build(results.get(i))
              .withScenario(scenario.name() + " on " + kinds.get(i).id());
      AtomicOutput.writeAll(dir.resolve(kinds.get(i).id()), ReportOutput.files(report));
      variants.add(new Variant(List.of(kinds.get(i).id()), report));
    }
    VariantOutput output = new VariantOutput(List.of("platform"), variants, true, true);
    output.write(dir, "compare");
    PrintWriter out = spec.commandLine().getOut();
    out.print(output.render(options.format));
    out.flush();
    if (root.terminal && !options.quiet) {
      err.println("Reports: " + dir.resolve("compare.txt") + " and one folder per platform");
    }
    return ExitCodes.OK;
  }
}
