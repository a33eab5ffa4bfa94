package dev.oversold.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Hands a long simulation over from the JVM the launcher starts {@code run}, {@code compare} and
 * {@code sweep} in, with the C1 compiler only, to a JVM with the full tiered JIT.
 *
 * <p>C1 alone halves the CPU of a short run (the CloudSim Plus peer, budget-vps-node), where C2
 * compiles code that is hot for a moment and never repays it; a long simulation needs C2 (a single
 * 40-minute noisy-disk-hog took a quarter to a half more CPU under C1). The launcher passes the JIT
 * options a tiered JVM would take in the system property {@value #PROPERTY}; once the scenario is
 * read and bound, the command asks {@link #ifWorthIt} with the workload events of the batch's
 * longest simulation ({@link dev.oversold.runner.CostEstimate#longestRunWorkloadEvents}), and from
 * {@link #THRESHOLD_EVENTS} on the same command runs again in a tiered JVM (same java, JVM options,
 * class path, arguments, working directory and streams; the environment marker {@value #MARKER} so
 * that it never hands over again), whose exit code becomes this process's. Nothing has been written
 * to stdout, stderr or the output folder when it hands over. The threshold is the crossover
 * measured in docs/performance.md (peer3).
 */
final class Handover {
  /**
   * Set by the launcher, with {@code -XX:TieredStopAtLevel=1}: the options (separated by spaces)
   * that replace both in the handed-over JVM.
   */
  static final String PROPERTY = "oversold.handover";

  /** Replaces {@link #THRESHOLD_EVENTS} (events): for tests and for measuring the crossover. */
  static final String THRESHOLD_PROPERTY = "oversold.handover.events";

  /** Set in the handed-over process's environment: it never hands over again. */
  static final String MARKER = "OVERSOLD_HANDED_OVER";

  /** The only JIT option of the launcher's that the handed-over JVM drops. */
  static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

  /**
   * Workload events of the longest simulation ({@link
   * dev.oversold.runner.CostEstimate#longestRunWorkloadEvents}) from which a run under the tiered
   * JIT, after a second JVM start and a second read of the scenario, takes less CPU than the whole
   * run under C1: the crossover measured on noisy-disk-hog as one simulation of 10, 20 and 40
   * simulated minutes (1.3e7, 2.7e7, 5.3e7 events) lies between 2e7 and 2.7e7. Batches of many
   * shorter simulations were cheaper under C1 however large their total (budget-vps-node,
   * noisy-net-flood, openvz-noisy-neighbour: longest runs 4.4e6, 9.2e6, 2.4e7) and stay below
   * (docs/performance.md, peer3).
   */
  static final double THRESHOLD_EVENTS = 2.5e7;

  private Handover() {}

  /**
   * Whether a run of {@code events} estimated events should go to a tiered JVM: from {@code
   * threshold} on.
   */
  static boolean worthIt(double events, double threshold) {
    return events >= threshold;
  }

  /**
   * The JVM options of the handed-over process: this one's in order, with {@link #C1_ONLY} dropped
   * and {@code -D}{@value #PROPERTY}{@code =...} replaced by the options it holds. Every other
   * option, the user's included, is kept where it was.
   */
  static List<String> jvmOptions(List<String> own, String tiered) {
    List<String> options = new ArrayList<>();
    String property = "-D" + PROPERTY + "=";
    for (String option : own) {
      if (option.startsWith(property)) {
        options.addAll(words(tiered));
      } else if (!option.equals(C1_ONLY)) {
        options.add(option);
      }
    }
    return options;
  }

  /** The words of {@code text} between runs of whitespace; none for blank text. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean space = i == text.length() || Character.isWhitespace(text.charAt(i));
      if (space && start >= 0) {
        words.add(text.substring(start, i));
        start = -1;
      } else if (!space && start < 0) {
        start = i;
      }
    }
    return words;
  }

  /**
   * The handed-over command line: {@code java}, the options from {@link #jvmOptions}, then {@code
   * -jar JAR} when this JVM was started with {@code -jar} (its class path is the jar and its
   * command starts with it), else {@code -cp CLASSPATH} and the main class; then {@code args}
   * unchanged.
   */
  static List<String> command(
      String java,
      List<String> ownOptions,
      String tiered,
      String classPath,
      String javaCommand,
      List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions(ownOptions, tiered));
    boolean jar =
        !classPath.isEmpty()
            && (javaCommand.equals(classPath) || javaCommand.startsWith(classPath + " "));
    if (jar) {
      command.add("-jar");
      command.add(classPath);
    } else {
      command.add("-cp");
      command.add(classPath);
      command.add(OversoldCommand.class.getName());
    }
    command.addAll(args);
    return command;
  }

  /**
   * Runs the command again in a tiered JVM when the launcher asked for it ({@value #PROPERTY} set),
   * this process is not itself handed over ({@value #MARKER} unset) and {@code events} is past the
   * threshold; returns its exit code, or empty when this process should simulate itself.
   */
  static OptionalInt ifWorthIt(double events, List<String> args)
      throws IOException, InterruptedException {
    String tiered = System.getProperty(PROPERTY);
    if (tiered == null || System.getenv(MARKER) != null) {
      return OptionalInt.empty();
    }
    String threshold = System.getProperty(THRESHOLD_PROPERTY);
    if (!worthIt(
        events, threshold == null ? THRESHOLD_EVENTS : Double.parseDouble(threshold.strip()))) {
      return OptionalInt.empty();
    }
    List<String> command =
        command(
            Path.of(property("java.home"), "bin", "java").toString(),
            ManagementFactory.getRuntimeMXBean().getInputArguments(),
            tiered,
            property("java.class.path"),
            property("sun.java.command"),
            args);
    return OptionalInt.of(run(command));
  }

  private static String property(String name) {
    @Nullable String value = System.getProperty(name);
    return value == null ? "" : value;
  }

  /**
   * Runs {@code command} on this process's standard streams with the marker set and returns its
   * exit code. When this process is interrupted (Ctrl-C or a termination signal: the shutdown hook
   * interrupts the main thread), the child is asked to terminate too and given the time the hook
   * waits to finish; it reports the interruption itself, so this process prints nothing.
   */
  static int run(List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    Map<String, String> environment = builder.environment();
    environment.put(MARKER, "1");
    // the java launcher folded these into this JVM's options, which the child gets on its command
    // line: read again, they would apply twice and their "Picked up" note would print twice
    environment.remove("JDK_JAVA_OPTIONS");
    environment.remove("JAVA_TOOL_OPTIONS");
    Process child = builder.start();
    try {
      return child.waitFor();
    } catch (InterruptedException e) {
      child.destroy();
      try {
        if (child.waitFor(4, TimeUnit.SECONDS)) {
          return child.exitValue();
        }
      } catch (InterruptedException again) {
        // fall through: the JVM is exiting
      }
      Thread.currentThread().interrupt();
      return ExitCodes.INTERRUPTED;
    }
  }
}
