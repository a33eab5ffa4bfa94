package dev.oversold.benchmarks;

import dev.oversold.cli.SuppressForbidden;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Benchmark commands that print figures. Run with {@code java -jar
 * benchmarks/target/oversold-benchmarks.jar NAME [args]} after {@code mvn -B -DskipTests package}.
 * Figures are wall-clock on whatever machine runs them; they belong in notes, never in tests.
 */
public final class Benchmarks {
  private static final Map<String, Consumer<String[]>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("engine", EngineBenchmark::main);
    COMMANDS.put("ps-peer", ProcessorSharingPeerBenchmark::main);
    COMMANDS.put("million-jobs", MillionJobsBenchmark::main);
    COMMANDS.put("mm1", Mm1Figures::main);
    COMMANDS.put("web-host", WebHostBenchmark::main);
    COMMANDS.put("glob", GlobBenchmark::main);
    COMMANDS.put("memory", TenantMemory::main);
    COMMANDS.put("memory-host", MemoryHostBenchmark::main);
    COMMANDS.put("network-host", NetworkHostBenchmark::main);
    COMMANDS.put("disk-host", DiskHostBenchmark::main);
    COMMANDS.put("peer", dev.oversold.benchmarks.peer.PeerComparison::main);
    COMMANDS.put("suite", Suite::main);
  }

  private Benchmarks() {}

  @SuppressForbidden(reason = "the benchmark launcher's entry point: usage errors exit with 2")
  public static void main(String[] args) {
    if (args.length == 0 || !COMMANDS.containsKey(args[0])) {
      System.out.println("usage: java -jar oversold-benchmarks.jar NAME [args]; NAME is one of:");
      COMMANDS.keySet().forEach(name -> System.out.println("  " + name));
      System.exit(args.length == 0 ? 0 : 2);
    }
    String[] rest = new String[args.length - 1];
    System.arraycopy(args, 1, rest, 0, rest.length);
    COMMANDS.get(args[0]).accept(rest);
  }

  static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
