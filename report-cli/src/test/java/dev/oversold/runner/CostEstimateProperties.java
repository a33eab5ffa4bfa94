package dev.oversold.runner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.Scenario;
import dev.oversold.core.result.HostResult;
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.result.TenantResult;
import dev.oversold.core.runtime.Simulator;
import dev.oversold.scenarios.ScenarioLoader;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated scenarios under the budget run within what the estimate names: no more events than
 * estimated, and no more result memory (every series sample held) than the estimate's share for
 * results. Workloads of every kind with random rates, durations and sample intervals.
 */
final class CostEstimateProperties {
  @Property(tries = 40)
  void underBudget_runsWithinTheEstimatedEventsAndResultMemory(@ForAll("scenarios") String text)
      throws Exception {
    Scenario scenario =
        CostEstimateTest.sharedOnly(ScenarioLoader.parse(text, "g.yaml", null, List.of()));
    CostEstimate estimate = CostEstimate.of(List.of(scenario), 1, 1);
    assertTrue(!estimate.overBudget(Double.MAX_VALUE), estimate.summary());
    SimulationResult result = Simulator.run(scenario);
    assertTrue(
        estimate.events() >= result.eventsRun(),
        estimate.events() + " < " + result.eventsRun() + "\n" + text);
    double held = 0;
    for (TenantResult tenant : result.tenants()) {
      held += tenant.series().values().values().stream().mapToLong(v -> v.length).sum() * 8.0;
    }
    for (HostResult host : result.hosts()) {
      held += host.series().values().values().stream().mapToLong(v -> v.length).sum() * 8.0;
    }
    assertTrue(estimate.peakBytes() >= held, estimate.peakBytes() + " < " + held + "\n" + text);
  }

  @Provide
  Arbitrary<String> scenarios() {
    Arbitrary<String> workload =
        Arbitraries.oneOf(
            Arbitraries.integers()
                .between(1, 300)
                .map(
                    r ->
                        "{ kind: service, arrivals: { process: poisson, rate: "
                            + r
                            + "/s }, request: { cpu: 2ms, disk-reads: 1, network: 8KiB } }"),
            Arbitraries.integers()
                .between(1, 50)
                .map(
                    c ->
                        "{ kind: service, arrivals: { process: closed, clients: "
                            + c
                            + ", think-time: 100ms }, request: { cpu: 5ms } }"),
            Arbitraries.integers().between(1, 2).map(t -> "{ kind: cpu-hog, threads: " + t + " }"),
            Arbitraries.integers()
                .between(1, 200)
                .map(r -> "{ kind: memory-bomb, rate: " + r + "MiB/s }"),
            Arbitraries.integers()
                .between(1, 2000)
                .map(r -> "{ kind: fork-bomb, rate: " + r + "/s }"),
            Arbitraries.of("sequential-write", "random-read")
                .map(p -> "{ kind: disk-hog, pattern: " + p + " }"),
            Arbitraries.integers()
                .between(1, 900)
                .map(r -> "{ kind: net-flood, rate: " + r + "Mbit/s }"),
            Arbitraries.just("{ kind: batch, jobs: { count: 5, cpu: 1s } }"),
            Arbitraries.just("{ kind: idle }"));
    Arbitrary<String> platform = Arbitraries.of("openvz", "kvm", "vmware", "bare-metal");
    return Combinators.combine(
            platform,
            Arbitraries.integers().between(2, 8),
            Arbitraries.of("100ms", "250ms", "1s"),
            workload.list().ofMinSize(1).ofMaxSize(4))
        .as(
            (p, seconds, sample, workloads) -> {
              StringBuilder text =
                  new StringBuilder(
                      "scenario: g\nduration: "
                          + seconds
                          + "s\nsample-interval: "
                          + sample
                          + "\nhosts:\n  - { name: h, platform: "
                          + p
                          + ", cpu: { cores: 4 }, memory: { ram: 64GiB, swap: 8GiB } }\n"
                          + "plans:\n  p: { memory: { ram: 1GiB, swap: 1GiB } }\ntenants:\n");
              for (int i = 0; i < workloads.size(); i++) {
                text.append("  - { name: t")
                    .append(i)
                    .append(", plan: p, workload: ")
                    .append(workloads.get(i))
                    .append(" }\n");
              }
              return text.toString();
            });
  }
}
