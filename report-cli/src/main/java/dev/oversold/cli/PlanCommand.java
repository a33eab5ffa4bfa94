package dev.oversold.cli;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.platform.Platforms;
import dev.oversold.planner.CapacitySearch;
import dev.oversold.planner.PlanFiles;
import dev.oversold.planner.PlanLimits;
import dev.oversold.planner.PlanReport;
import dev.oversold.planner.Population;
import dev.oversold.planner.SearchResult;
import dev.oversold.planner.SearchSettings;
import dev.oversold.planner.SimulatedOutcomes;
import dev.oversold.planner.TenantFamily;
import dev.oversold.report.rendering.AtomicOutput;
import dev.oversold.runner.ParallelRunner;
import dev.oversold.runner.ProgressListener;
import dev.oversold.scenarios.units.Percent;
import dev.oversold.scenarios.units.TimeSpan;
import dev.oversold.scenarios.units.UnitException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oversold plan FILE|NAME}: the largest count of one tenant definition at which every victim
 * meets the limits, per platform (see {@link CapacitySearch}); writes plan.json, plan.csv, plan.txt
 * and plan.html.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "plan",
    description = "Finds how many tenants of one definition a host can take, per platform.")
final class PlanCommand implements Callable<Integer> {
  /** Replications run at every count tried: two give the first confidence interval. */
  static final int MIN_REPLICATIONS = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.ParentCommand OversoldCommand root;

  @Parameters(index = "0", paramLabel = "FILE|NAME", description = "Scenario file or bundled name.")
  String scenarioName;

  @Option(
      names = "--tenant",
      paramLabel = "NAME",
      description =
          "The tenant definition to count: web picks web-{1..n} (default: the first service).")
  String tenant;

  @Option(
      names = "--mix",
      paramLabel = "T=S,...",
      description =
          "Counts a mix of definitions by shares instead of one: idle=70%%,web=25%%,noisy=5%%"
              + " (or weights, idle=14,web=5,noisy=1; or file: every definition as the file has"
              + " it). The count is the mix's total; each share rounds by Sainte-Lague.")
  String mix;

  @Option(
      names = "--p99",
      paramLabel = "D",
      description =
          "Largest p99 latency of every service, e.g. 200ms (default: each service's SLO).")
  String p99;

  @Option(
      names = "--max-degradation",
      paramLabel = "P",
      description = "Largest drop of any victim's good responses, e.g. 5%% (default: 5%%).")
  String maxDegradation;

  @Option(
      names = "--platforms",
      split = ",",
      paramLabel = "P",
      description =
          "Platforms to plan for (default: every registered virtualization platform; bare-metal,"
              + " the reference, only when named).")
  List<String> platforms;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Folder for plan.json, plan.csv, plan.txt, plan.html (default: out/<scenario>/plan/).")
  Path out;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "What to print on standard output: table, json, csv; default table.")
  String format;

  @Option(names = "--seed", paramLabel = "N", description = "Seed (default: the scenario's).")
  Long seed;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Overrides one scenario key (e.g. hosts[0].cpu.cores=32); repeatable.")
  List<String> sets = List.of();

  @Option(
      names = "--replications-max",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "Replications at most at one count; past it the means decide, with a warning (default 10).")
  int replicationsMax;

  @Option(
      names = "--max-tenants",
      paramLabel = "N",
      defaultValue = "1024",
      description =
          "Largest count tried; reaching it ends the search with a warning (default 1024).")
  int maxTenants;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Simulations run in parallel (default: available processors).")
  Integer threads;

  @Option(names = "--quiet", description = "No progress lines, even on a terminal.")
  boolean quiet;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  @Override
  public Integer call() throws Exception {
    ReportOutput.checkFormat(format, List.of("table", "json", "csv"));
    int threadCount = threads == null ? ParallelRunner.defaultThreads() : threads;
    if (threadCount < 1) {
      throw new BadInputException("--threads must be at least 1, got " + threadCount);
    }
    if (replicationsMax < MIN_REPLICATIONS) {
      throw new BadInputException(
          "--replications-max must be at least " + MIN_REPLICATIONS + ", got " + replicationsMax);
    }
    if (maxTenants < 1) {
      throw new BadInputException("--max-tenants must be at least 1, got " + maxTenants);
    }
    List<PlatformKind> kinds = platformKinds();
    Scenario scenario = root.source.resolve(scenarioName, Overrides.parse(sets));
    if (seed != null) {
      scenario = scenario.withSeed(seed);
    }
    refuseSharedGuests(scenario);
    Population family;
    try {
      family =
          mix == null
              ? TenantFamily.find(scenario, Optional.ofNullable(tenant))
              : MixOption.parse(scenario, mix, tenant != null);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    PlanLimits limits = limits(scenario, family);
    PrintWriter err = spec.commandLine().getErr();
    List<String> differing = family.differing(scenario);
    if (!differing.isEmpty()) {
      String model =
          family instanceof TenantFamily one
              ? one.template().name()
              : "the first tenant of their definition";
      err.println(
          "oversold: warning: "
              + String.join(", ", differing)
              + " differ from "
              + model
              + "; every planned tenant is a copy of "
              + model);
    }
    boolean progress = root.terminal && !quiet;
    ParallelRunner runner = new ParallelRunner(threadCount, root.engine, ProgressListener.NONE);
    List<PlanReport.PlatformPlan> plans = new ArrayList<>();
    int start = Math.min(Math.max(1, family.fileCount()), maxTenants);
    for (PlatformKind kind : kinds) {
      long began = System.nanoTime();
      SimulatedOutcomes outcomes =
          new SimulatedOutcomes(onPlatform(scenario, kind), family, limits, runner::runAll);
      SearchResult result =
          CapacitySearch.run(
              new SearchSettings(
                  limits.asList(), start, maxTenants, MIN_REPLICATIONS, replicationsMax),
              (count, from, to) -> {
                var observed = outcomes.observe(count, from, to);
                if (progress) {
                  err.printf(
                      Locale.ROOT,
                      "  %s: %d tenants, replications %d..%d done%n",
                      kind.id(),
                      count,
                      from + 1,
                      to);
                }
                return observed;
              });
      double wall = (System.nanoTime() - began) / 1e9;
      plans.add(new PlanReport.PlatformPlan(kind.id(), result, outcomes.simulations(), wall));
      if (progress) {
        err.printf(
            Locale.ROOT,
            "  %s: %d tenants, %d simulations, %.1f s%n",
            kind.id(),
            result.tenants(),
            outcomes.simulations(),
            wall);
      }
    }
    PlanReport plan =
        new PlanReport(scenario.name(), scenario.seed(), limits, family.name(), plans);
    Path dir = out != null ? out : ReportOutput.defaultDir(scenario.name(), "plan");
    AtomicOutput.writeAll(dir, PlanFiles.all(plan));
    PrintWriter stdout = spec.commandLine().getOut();
    StringWriter text = new StringWriter();
    PlanFiles.render(plan, format, text);
    stdout.print(text);
    stdout.flush();
    if (!format.equals("table")) {
      // the table carries the warnings; with json or csv on stdout they go to stderr
      for (PlanReport.PlatformPlan p : plans) {
        for (String warning : p.search().warnings()) {
          err.println("oversold: warning: " + p.platform() + ": " + warning);
        }
      }
    }
    if (progress) {
      err.println("Reports: " + dir.resolve("plan.txt") + ", plan.json, plan.csv, plan.html");
    }
    return ExitCodes.OK;
  }

  /**
   * Planning copies a tenant into guests of its own; a tenant running in another's guest has no
   * plan of its own to copy, and copying a guest with its guest-mates is not modelled: refused.
   */
  private static void refuseSharedGuests(Scenario scenario) throws BadInputException {
    List<String> sharing =
        scenario.tenants().stream()
            .filter(TenantSpec::sharesGuest)
            .map(t -> t.name() + " (in " + t.guest() + "'s guest)")
            .toList();
    if (!sharing.isEmpty()) {
      throw new BadInputException(
          "oversold plan does not support tenants that share a guest: "
              + String.join(", ", sharing)
              + "; run or compare the scenario, or plan a copy without shares-guest");
    }
  }

  private List<PlatformKind> platformKinds() throws BadInputException {
    return PlatformList.resolve(platforms);
  }

  private PlanLimits limits(Scenario scenario, Population family) throws BadInputException {
    double degradation = PlanLimits.DEFAULT_MAX_DEGRADATION;
    if (maxDegradation != null) {
      try {
        degradation = Percent.parse(maxDegradation).fraction().doubleValue();
      } catch (UnitException e) {
        throw new BadInputException(
            "--max-degradation " + e.getMessage() + " (" + e.expected() + ")");
      }
    }
    if (p99 != null) {
      try {
        double ms = TimeSpan.parse(p99).secondsValue() * 1000;
        if (!(ms > 0)) {
          throw new BadInputException("--p99 must be longer than 0, got " + p99);
        }
        return new PlanLimits(ms, false, degradation);
      } catch (UnitException e) {
        throw new BadInputException("--p99 " + e.getMessage() + " (" + e.expected() + ")");
      }
    }
    // Each service is held to its own SLO; the figure is put on the planned tenant's scale.
    Optional<WorkloadSpec.Service> reference =
        family.template().workload() instanceof WorkloadSpec.Service own
            ? Optional.of(own)
            : scenario.tenants().stream()
                .map(TenantSpec::workload)
                .filter(w -> w instanceof WorkloadSpec.Service)
                .map(w -> (WorkloadSpec.Service) w)
                .findFirst();
    double drop = degradation;
    return reference
        .map(s -> new PlanLimits(s.slo().nanos() / 1e6, true, drop))
        .orElse(new PlanLimits(null, false, drop));
  }

  /**
   * Every host switched to {@code kind} as {@code compare} switches it ({@link
   * Platforms#onPlatform}: its own options, its {@code platform-options} for {@code kind}, or the
   * platform's defaults).
   */
  private static Scenario onPlatform(Scenario scenario, PlatformKind kind) {
    List<HostSpec> hosts =
        scenario.hosts().stream().map(h -> Platforms.onPlatform(h, kind)).toList();
    return scenario.withHosts(hosts);
  }
}
