package dev.oversold.benchmarks.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The peer comparison as whole processes, in one run: CloudSim Plus on the time-shared workload in
 * its own JVM, then {@code oversold run} of the same workload through the launcher (with its
 * start-up cache) and through a plain {@code java -jar} on the default java; each timed wall-clock
 * from process start to exit (best of {@code peerRounds} and {@code rounds}), with the processes'
 * CPU time. Oversold's per-tenant mean completion time and makespan are checked against exact
 * processor sharing.
 *
 * <p>Usage: {@code PeerComparison [peerRounds=1] [rounds=3] [vms=1000] [cloudlets=10] [ROOT...]};
 * run from the repository root (it calls {@code ./oversold} and {@code
 * report-cli/target/oversold.jar}). Each ROOT is another checkout's folder (for example main's, to
 * compare before and after a change) whose {@code oversold} launcher runs the same workload against
 * the same CloudSim Plus run.
 */
public final class PeerComparison {
  private static final long SEED = 42;

  private PeerComparison() {}

  public static void main(String[] args) {
    int peerRounds = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int vms = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int cloudlets = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    PeerWorkload workload = PeerWorkload.generate(vms, cloudlets, SEED);
    try {
      Path dir = Files.createTempDirectory("oversold-peer");
      Path scenario = dir.resolve("peer-time-shared.yaml");
      Files.writeString(scenario, workload.scenarioYaml());
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      System.out.printf(
          Locale.ROOT,
          "peer workload: %d VMs x %d cloudlets on %d hosts of 100 cores;"
              + " wall and CPU (user + system) seconds of whole processes%n",
          vms,
          cloudlets,
          workload.hosts());

      Timed peer =
          best(
              peerRounds,
              List.of(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  CloudSimPlusPeer.class.getName(),
                  Integer.toString(vms),
                  Integer.toString(cloudlets),
                  Long.toString(SEED)));
      print(
          "CloudSim Plus 8.5.7 (java " + Runtime.version().feature() + ")", peerRounds, peer, peer);
      System.out.print("    " + peer.out);

      // untimed: builds the jar if the sources changed and records the start-up cache
      best(1, List.of("./oversold", "--version"));
      Path launcherOut = dir.resolve("launcher");
      Timed launcher = best(rounds, oversoldArgs(List.of("./oversold"), scenario, launcherOut));
      print("oversold run via ./oversold", rounds, launcher, peer);
      System.out.printf(
          Locale.ROOT,
          "    max relative error of every tenant's mean completion time and makespan"
              + " vs exact processor sharing: %.1e%n",
          maxRelativeError(workload, launcherOut.resolve("report.json")));

      for (int i = 4; i < args.length; i++) {
        Path rootOut = dir.resolve("root" + i);
        best(1, List.of(args[i] + "/oversold", "--version")); // untimed: its start-up cache
        Timed other = best(rounds, oversoldArgs(List.of(args[i] + "/oversold"), scenario, rootOut));
        print("oversold run via " + args[i] + "/oversold", rounds, other, peer);
        System.out.printf(
            Locale.ROOT,
            "    max relative error vs exact processor sharing: %.1e;"
                + " report.json identical to ./oversold's: %s%n",
            maxRelativeError(workload, rootOut.resolve("report.json")),
            Files.mismatch(launcherOut.resolve("report.json"), rootOut.resolve("report.json"))
                == -1);
      }

      Path plainOut = dir.resolve("plain");
      List<String> plainJava = List.of(java, "-jar", "report-cli/target/oversold.jar");
      Timed plain = best(rounds, oversoldArgs(plainJava, scenario, plainOut));
      print(
          "oversold run via java -jar (java " + Runtime.version().feature() + ", no cache)",
          rounds,
          plain,
          peer);
      System.out.println(
          "    report.json identical to the launcher's: "
              + (Files.mismatch(launcherOut.resolve("report.json"), plainOut.resolve("report.json"))
                  == -1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void print(String what, int rounds, Timed timed, Timed peer) {
    System.out.printf(
        Locale.ROOT,
        "  %-58s best of %d: %7.2f s wall (peer / this %5.1fx), %7.2f s CPU (%5.1fx)%n",
        what,
        rounds,
        timed.seconds,
        peer.seconds / timed.seconds,
        timed.cpuSeconds,
        peer.cpuSeconds / timed.cpuSeconds);
  }

  private static List<String> oversoldArgs(List<String> command, Path scenario, Path out) {
    List<String> args = new ArrayList<>(command);
    args.addAll(
        List.of(
            "run", scenario.toString(), "--out", out.toString(), "--format", "json", "--quiet"));
    return args;
  }

  /**
   * Wall-clock seconds of the fastest of {@code rounds} runs, the CPU seconds (user + system, every
   * thread) of that run, and its first line of output.
   */
  private record Timed(double seconds, double cpuSeconds, String out) {}

  /**
   * Runs the command under bash, whose {@code times} prints the CPU time of its children: on a
   * machine shared with other work, CPU time is the steadier figure.
   */
  public static List<String> withCpuTimes(List<String> command) {
    List<String> wrapped = new ArrayList<>();
    wrapped.addAll(List.of("bash", "-c", "\"$@\"; code=$?; times; exit $code", "timed"));
    wrapped.addAll(command);
    return wrapped;
  }

  /** The children's user and system seconds from the last line of bash's {@code times}. */
  public static double childCpuSeconds(String out) {
    List<String> lines = out.lines().toList();
    String[] fields = lines.get(lines.size() - 1).strip().split("\\s+", -1);
    return minutesSeconds(fields[0]) + minutesSeconds(fields[1]);
  }

  private static double minutesSeconds(String field) {
    int m = field.indexOf('m');
    return Integer.parseInt(field.substring(0, m)) * 60
        + Double.parseDouble(field.substring(m + 1, field.length() - 1));
  }

  private static Timed best(int rounds, List<String> command) throws IOException {
    Timed best = null;
    for (int r = 0; r < rounds; r++) {
      Path log = Files.createTempFile("oversold-peer", ".out");
      long start = System.nanoTime();
      Process process =
          new ProcessBuilder(withCpuTimes(command))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      int code;
      try {
        code = process.waitFor();
      } catch (InterruptedException e) {
        process.destroy();
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      String out = Files.readString(log, StandardCharsets.UTF_8);
      Files.delete(log);
      if (code != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " failed (" + code + "): " + out);
      }
      String firstLine = out.lines().findFirst().orElse("") + "\n";
      if (best == null || seconds < best.seconds) {
        best = new Timed(seconds, childCpuSeconds(out), firstLine);
      }
    }
    return best;
  }

  /**
   * Largest relative error, over tenants, of report.json's mean completion time and makespan
   * against the exact processor-sharing values (mean and last of the exact finish times).
   */
  static double maxRelativeError(PeerWorkload workload, Path reportJson) throws IOException {
    JsonNode tenants = new ObjectMapper().readTree(reportJson.toFile()).get("tenants");
    double max = 0;
    for (int v = 0; v < workload.vms(); v++) {
      JsonNode jobs = tenants.get(v).get("metrics").get("jobs");
      double[] exact = workload.exactFinishSeconds(v);
      double mean = 0;
      for (double f : exact) {
        mean += f / exact.length;
      }
      if (jobs.get("completed").asInt() != workload.cloudlets()) {
        return Double.POSITIVE_INFINITY;
      }
      max = Math.max(max, Math.abs(jobs.get("mean_completion_s").asDouble() - mean) / mean);
      double makespan = exact[exact.length - 1];
      max = Math.max(max, Math.abs(jobs.get("makespan_s").asDouble() - makespan) / makespan);
    }
    return max;
  }
}
