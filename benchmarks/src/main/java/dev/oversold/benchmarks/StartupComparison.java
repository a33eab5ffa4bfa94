package dev.oversold.benchmarks;

import dev.oversold.benchmarks.peer.PeerComparison;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Issue 16's start-up targets as ratios to baselines measured in the same run: {@code ./oversold
 * --version}, {@code list} and {@code validate} of a 1,000-tenant file against {@code java
 * -version} and an empty {@code main} started the way the launcher starts a short command (C1 only,
 * the JDK's class-data archive), all on the {@code java} the launcher would pick when neither
 * {@code OVERSOLD_JAVA} nor {@code JAVA_HOME} is set. The commands take turns, round after round,
 * so a change of the machine's load falls on every one alike; each figure is the median of the
 * rounds (wall-clock from process start to exit, and the process tree's user + system CPU).
 *
 * <p>Usage: {@code StartupComparison [rounds=20] [ROOT...]}, from the repository root after {@code
 * ./oversold --version} has built the jar and recorded its start-up cache. Each ROOT is another
 * checkout's folder (for example main's, to compare before and after a change) whose {@code
 * oversold} launcher takes the same turns.
 */
public final class StartupComparison {
  private StartupComparison() {}

  /** An empty program: the baseline of a JVM that loads nothing of its own. */
  public static final class Empty {
    private Empty() {}

    public static void main(String[] args) {
      // nothing: the JVM's own start and exit are the figure
    }
  }

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    try {
      Path tenants = Files.createTempFile("oversold-tenants-1000", ".yaml");
      Process script =
          new ProcessBuilder("bash", "benchmarks/scripts/tenants-1000.sh")
              .redirectOutput(tenants.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      if (script.waitFor() != 0) {
        throw new IllegalStateException("benchmarks/scripts/tenants-1000.sh failed");
      }
      String ownJar =
          Path.of(
                  StartupComparison.class
                      .getProtectionDomain()
                      .getCodeSource()
                      .getLocation()
                      .toURI())
              .toString();
      List<List<String>> commands = new ArrayList<>();
      commands.add(List.of("java", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-version"));
      commands.add(
          List.of(
              "java",
              "-Xshare:auto",
              "-XX:TieredStopAtLevel=1",
              "-cp",
              ownJar,
              Empty.class.getName()));
      List<String> roots = new ArrayList<>();
      for (int i = 1; i < args.length; i++) {
        roots.add(args[i]);
      }
      roots.add(".");
      for (String root : roots) {
        String launcher = root + "/oversold";
        commands.add(List.of(launcher, "--version"));
        commands.add(List.of(launcher, "list"));
        commands.add(List.of(launcher, "validate", tenants.toString()));
      }
      run(commands, rounds, tenants.toString());
      Files.delete(tenants);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void run(List<List<String>> commands, int rounds, String tenants)
      throws IOException, InterruptedException {
    double[][] wall = new double[commands.size()][rounds];
    double[][] cpu = new double[commands.size()][rounds];
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    for (int r = -2; r < rounds; r++) { // two warm-up rounds: page cache, start-up cache
      for (int c = 0; c < commands.size(); c++) {
        double[] timed = once(commands.get(c));
        if (r >= 0) {
          wall[c][r] = timed[0];
          cpu[c][r] = timed[1];
        }
      }
    }
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    System.out.printf(
        Locale.ROOT,
        "start-up, %d rounds (the commands take turns); 1-minute load average %.2f before,"
            + " %.2f after; medians%n",
        rounds,
        loadBefore,
        loadAfter);
    double versionWall = median(wall[0]);
    double emptyWall = median(wall[1]);
    double emptyCpu = median(cpu[1]);
    for (int c = 0; c < commands.size(); c++) {
      System.out.printf(
          Locale.ROOT,
          "  %-58s %6.3f s wall (min %.3f), %6.3f s CPU;"
              + " x%.2f wall of java -version, x%.2f wall and x%.2f CPU of the empty main%n",
          String.join(" ", commands.get(c))
              .replace(tenants, "tenants-1000.yaml")
              .replace(StartupComparison.class.getName() + "$", ""),
          median(wall[c]),
          Arrays.stream(wall[c]).min().orElse(0),
          median(cpu[c]),
          median(wall[c]) / versionWall,
          median(wall[c]) / emptyWall,
          median(cpu[c]) / emptyCpu);
    }
  }

  /** Wall and CPU seconds of one run; output is discarded, a failure stops the benchmark. */
  private static double[] once(List<String> command) throws IOException, InterruptedException {
    File log = File.createTempFile("oversold-startup", ".out");
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(PeerComparison.withCpuTimes(command))
            .redirectErrorStream(true)
            .redirectOutput(log)
            .start();
    int code = process.waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    String out = Files.readString(log.toPath(), StandardCharsets.UTF_8);
    Files.delete(log.toPath());
    if (code != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed (" + code + "): " + out);
    }
    return new double[] {seconds, PeerComparison.childCpuSeconds(out)};
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
