package dev.oversold.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.cli.LoaderScenarioSource;
import dev.oversold.cli.OversoldCommand;
import dev.oversold.runner.SimulationEngine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same command lines through the local thread pool and through Spark on {@code local[2]}: the
 * files they write must be the same bytes. Kept to two commands because a Spark context costs
 * seconds to start.
 */
final class SparkOversoldTest {
  private static JavaSparkContext spark;

  @TempDir Path dir;

  @BeforeAll
  static void startSpark() {
    spark =
        new JavaSparkContext(
            new SparkConf()
                .setMaster("local[2]")
                .setAppName("oversold-test")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.driver.host", "127.0.0.1"));
  }

  @AfterAll
  static void stopSpark() {
    spark.close();
  }

  private String scenario() throws Exception {
    return Path.of(getClass().getResource("/tiny-host.yaml").toURI()).toString();
  }

  private static void assertSameFiles(Path local, Path distributed, List<String> names)
      throws Exception {
    for (String name : names) {
      assertArrayEquals(
          Files.readAllBytes(local.resolve(name)),
          Files.readAllBytes(distributed.resolve(name)),
          name + " differs between the local run and the Spark run");
    }
  }

  private static int local(String... args) {
    StringWriter err = new StringWriter();
    int code =
        OversoldCommand.execute(
            args,
            new LoaderScenarioSource(),
            SimulationEngine.SIMULATOR,
            false,
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(0, code, err.toString());
    return code;
  }

  private static void onSpark(String... args) {
    StringWriter err = new StringWriter();
    int code =
        SparkOversold.run(spark, args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(0, code, err.toString());
  }

  @Test
  void sweep_onSpark_writesTheSameBytesAsTheLocalPool() throws Exception {
    String[] grid = {"--set", "hosts[0].cpu.cores=1,2", "--replications", "2"};
    Path local = dir.resolve("local");
    Path distributed = dir.resolve("spark");
    local(
        concat(
            new String[] {"sweep", scenario(), "--threads", "2", "--out", local.toString()}, grid));
    onSpark(concat(new String[] {"sweep", scenario(), "--out", distributed.toString()}, grid));
    assertSameFiles(local, distributed, List.of("sweep.txt", "sweep.csv", "sweep.json"));
    // not an empty grid: each point names its worst victim, one of the two web services
    assertTrue(Files.readString(local.resolve("sweep.csv")).contains(",web-"));
  }

  @Test
  void plan_onSpark_writesTheSameBytesAsTheLocalPool() throws Exception {
    String[] plan = {
      "--platforms", "kvm", "--p99", "60ms", "--max-tenants", "6", "--replications-max", "3"
    };
    Path local = dir.resolve("local");
    Path distributed = dir.resolve("spark");
    local(
        concat(
            new String[] {"plan", scenario(), "--threads", "1", "--out", local.toString()}, plan));
    onSpark(concat(new String[] {"plan", scenario(), "--out", distributed.toString()}, plan));
    assertSameFiles(local, distributed, List.of("plan.json", "plan.csv", "plan.txt", "plan.html"));
  }

  @Test
  void threads_followTheClusterUnlessGiven() {
    assertArrayEquals(
        new String[] {"sweep", "--threads", "8", "x.yaml"},
        SparkOversold.withThreads(new String[] {"sweep", "x.yaml"}, 8));
    assertArrayEquals(
        new String[] {"sweep", "x.yaml", "--threads", "3"},
        SparkOversold.withThreads(new String[] {"sweep", "x.yaml", "--threads", "3"}, 8));
    assertArrayEquals(new String[] {"list"}, SparkOversold.withThreads(new String[] {"list"}, 8));
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
