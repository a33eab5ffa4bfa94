package dev.oversold.spark;

import dev.oversold.cli.LoaderScenarioSource;
import dev.oversold.cli.OversoldCommand;
import dev.oversold.cli.SuppressForbidden;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The {@code spark-submit} entry point: runs an {@code oversold} command line ({@code sweep},
 * {@code plan}, {@code compare} or {@code run}) with every simulation as a Spark task. Scenario
 * files are read and reports written on the driver, exactly as the local command does. Without
 * {@code --threads}, as many simulations are kept in flight as the cluster's default parallelism.
 */
public final class SparkOversold {
  private SparkOversold() {}

  @SuppressForbidden(
      reason = "the spark-submit entry point: owns stdout, stderr and the exit status")
  public static void main(String[] args) {
    SparkConf conf = new SparkConf().setAppName("oversold " + String.join(" ", args));
    int code;
    try (JavaSparkContext spark = new JavaSparkContext(conf)) {
      code =
          run(
              spark,
              args,
              new PrintWriter(System.out, true, StandardCharsets.UTF_8),
              new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    }
    System.exit(code);
  }

  /** Runs the command line on {@code spark}; returns the exit code. */
  public static int run(JavaSparkContext spark, String[] args, PrintWriter out, PrintWriter err) {
    return OversoldCommand.execute(
        withThreads(args, spark.defaultParallelism()),
        new LoaderScenarioSource(),
        new SparkEngine(spark),
        false,
        out,
        err);
  }

  /** Adds {@code --threads N} after the subcommand unless the user gave one. */
  static String[] withThreads(String[] args, int threads) {
    List<String> list = new ArrayList<>(List.of(args));
    boolean given =
        list.stream().anyMatch(a -> a.equals("--threads") || a.startsWith("--threads="));
    boolean simulates =
        !list.isEmpty() && List.of("run", "compare", "sweep", "plan").contains(list.get(0));
    if (!given && simulates) {
      list.add(1, "--threads");
      list.add(2, Integer.toString(Math.max(1, threads)));
    }
    return list.toArray(String[]::new);
  }
}
