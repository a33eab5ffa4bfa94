package dev.oversold.benchmarks;

import dev.oversold.benchmarks.peer.PeerComparison;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Every figure of docs/performance.md in one run: the JMH benchmarks (hold model against a bare
 * {@code PriorityQueue}, K M/M/1 queues against SSJ, the 1,000-tenant web host), heap bytes per
 * tenant, and the CloudSim Plus peer as whole processes; ends with the ratios.
 *
 * <p>Usage: {@code Suite [quick]}: {@code quick} runs fewer JMH iterations and one peer round.
 */
final class Suite {
  private Suite() {}

  public static void main(String[] args) {
    boolean quick = args.length > 0 && args[0].equals("quick");
    Map<String, Double> events = jmh(quick);
    System.out.println();
    System.out.println("== heap per tenant");
    section(() -> TenantMemory.main(new String[0]));
    System.out.println();
    System.out.println("== CloudSim Plus peer, whole processes");
    section(() -> PeerComparison.main(new String[] {"1", quick ? "1" : "3"}));
    System.out.println();
    System.out.println("== engine ratios (events per second, same run)");
    for (String pending : new String[] {"1000", "100000"}) {
      ratio(
          "hold model, " + pending + " pending: engine / bare PriorityQueue",
          events.get("HoldModelJmh.engine:" + pending),
          events.get("HoldModelJmh.barePriorityQueue:" + pending));
    }
    for (String k : new String[] {"1000", "100000"}) {
      ratio(
          "M/M/1 x " + k + ": Oversold engine / SSJ 3.3.2",
          events.get("Mm1QueuesJmh.oversoldEngine:" + k),
          events.get("Mm1QueuesJmh.ssj:" + k));
    }
    Double web = events.get("WebHostJmh.webHost1000Tenants:" + webSeconds(quick));
    System.out.printf(
        Locale.ROOT, "1,000-tenant web host: %,.0f events/s%n", web == null ? Double.NaN : web);
  }

  /**
   * Simulated seconds per web-host invocation: 5, or 0.5 for {@code quick} (5 took 100-125 s per
   * invocation on the loaded 2-core machine, more than a quick run can spend).
   */
  private static String webSeconds(boolean quick) {
    return quick ? "0.5" : "5";
  }

  /** Runs one section; a failure is printed and the suite goes on to the next. */
  private static void section(Runnable body) {
    try {
      body.run();
    } catch (RuntimeException | OutOfMemoryError e) {
      System.out.println("  failed: " + e);
    }
  }

  private static void ratio(String what, Double ours, Double theirs) {
    if (ours == null || theirs == null) {
      System.out.println(what + ": missing");
      return;
    }
    System.out.printf(
        Locale.ROOT, "%s: %,.0f / %,.0f events/s = %.2f%n", what, ours, theirs, ours / theirs);
  }

  /** Events per second of each benchmark, keyed by {@code Class.method:param}. */
  private static Map<String, Double> jmh(boolean quick) {
    Options options =
        new OptionsBuilder()
            .include(HoldModelJmh.class.getSimpleName())
            .include(Mm1QueuesJmh.class.getSimpleName())
            .include(WebHostJmh.class.getSimpleName())
            .forks(1)
            .warmupIterations(quick ? 2 : 4)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(quick ? 3 : 6)
            .measurementTime(TimeValue.seconds(1))
            .param("seconds", webSeconds(quick))
            .jvmArgsAppend("-Xmx4g")
            .build();
    Collection<RunResult> results;
    try {
      results = new Runner(options).run();
    } catch (RunnerException e) {
      throw new IllegalStateException("JMH failed", e);
    }
    Map<String, Double> events = new TreeMap<>();
    for (RunResult run : results) {
      String name = run.getParams().getBenchmark();
      String simple = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      String param = "";
      for (String key : run.getParams().getParamsKeys()) {
        param = run.getParams().getParam(key);
      }
      Result<?> counter = run.getSecondaryResults().get("events");
      if (counter != null) {
        events.put(simple + ":" + param, counter.getScore());
      }
    }
    return events;
  }
}
