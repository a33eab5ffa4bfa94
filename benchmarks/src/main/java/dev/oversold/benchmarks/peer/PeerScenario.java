package dev.oversold.benchmarks.peer;

/**
 * Prints the peer workload as an Oversold scenario file, for scripts that time {@code oversold run}
 * on it (benchmarks/scripts/peer-interleaved.sh).
 *
 * <p>Usage: {@code PeerScenario vms cloudlets seed}.
 */
public final class PeerScenario {
  private PeerScenario() {}

  public static void main(String[] args) {
    System.out.print(
        PeerWorkload.generate(
                Integer.parseInt(args[0]), Integer.parseInt(args[1]), Long.parseLong(args[2]))
            .scenarioYaml());
  }
}
