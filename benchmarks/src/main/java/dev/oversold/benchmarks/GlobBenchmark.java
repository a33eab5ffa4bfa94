package dev.oversold.benchmarks;

import dev.oversold.core.model.Scenario;
import dev.oversold.runner.Membership;
import dev.oversold.scenarios.ScenarioException;
import dev.oversold.scenarios.ScenarioLoader;
import java.util.List;

/**
 * Issue 18's glob reproducer, timed: 10,000 tenants named {@code aaaa...a-N} and groups whose globs
 * are runs of {@code *a} ending in {@code b} (a backtracking regex needs time exponential in the
 * stars; 7 stars took 43 s on 100 tenants). Loads the scenario (each glob checked against every
 * tenant) and assigns every tenant to its group, then prints the wall time. Bound: 2 s for the
 * worst glob, where a linear matcher needs milliseconds; exits 1 past it. Run with {@code java -cp
 * benchmarks/target/oversold-benchmarks.jar dev.oversold.benchmarks.GlobBenchmark}.
 */
public final class GlobBenchmark {
  private static final double BOUND_SECONDS = 2.0;

  private GlobBenchmark() {}

  public static void main(String[] args) {
    boolean over = false;
    for (int stars : new int[] {7, 9, 49}) {
      String text = scenario(stars);
      long start = System.nanoTime();
      int rows;
      try {
        Scenario scenario = ScenarioLoader.parse(text, "glob.yaml", null, List.of());
        rows = Membership.rows(scenario).size();
      } catch (ScenarioException e) {
        throw new IllegalStateException("the benchmark scenario is invalid: " + e.getMessage(), e);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      over |= seconds > BOUND_SECONDS;
      System.out.println(
          Benchmarks.format(
              "glob with %d stars, 10000 tenants: load + membership %.3f s (%d rows; bound %.0f s)",
              stars, seconds, rows, BOUND_SECONDS));
    }
    if (over) {
      // The launcher turns an exception into a non-zero exit: a bound missed fails the command.
      throw new IllegalStateException("OVER BOUND: group matching took more than the bound");
    }
  }

  private static String scenario(int stars) {
    String glob = "*a".repeat(stars - 1) + "*b";
    return String.join(
        "\n",
        "scenario: glob",
        "duration: 10s",
        "hosts:",
        "  - { name: h, platform: kvm, cpu: { cores: 8 }, memory: { ram: 4TiB } }",
        "plans: { p: { memory: { ram: 256MiB } } }",
        "tenants:",
        "  - { name: '" + "a".repeat(60) + "-{1..9999}', plan: p, workload: { kind: idle } }",
        "  - { name: xb, plan: p, workload: { kind: idle } }",
        "report: { interference: groups, groups: { g: '" + glob + "', x: 'x*' } }",
        "");
  }
}
