package dev.oversold.scenarios.integration;

import dev.oversold.core.model.Scenario;
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.result.TenantMetrics;
import dev.oversold.core.result.TenantResult;
import dev.oversold.core.runtime.Simulator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Group figures of a run and the run of the same scenario without some tenants. */
final class Figures {
  private Figures() {}

  /** The scenario without the tenants whose names start with {@code prefix}. */
  static SimulationResult runWithout(Scenario scenario, String prefix) {
    return Simulator.run(scenario.withTenants(t -> !t.name().startsWith(prefix)));
  }

  static List<TenantResult> group(SimulationResult result, String prefix) {
    List<TenantResult> group =
        result.tenants().stream().filter(t -> t.name().startsWith(prefix)).toList();
    if (group.isEmpty()) {
      throw new IllegalArgumentException("no tenant named " + prefix + "*");
    }
    return group;
  }

  static double meanP99(SimulationResult result, String prefix) {
    return group(result, prefix).stream()
        .mapToDouble(t -> t.metrics().latencyMs().p99())
        .average()
        .orElseThrow();
  }

  static double meanLatency(SimulationResult result, String prefix) {
    return group(result, prefix).stream()
        .mapToDouble(t -> t.metrics().latencyMs().mean())
        .average()
        .orElseThrow();
  }

  static double goodPerSecond(SimulationResult result, String prefix) {
    return group(result, prefix).stream().mapToDouble(t -> t.metrics().goodPerSecond()).sum();
  }

  static long majorFaults(SimulationResult result, String prefix) {
    return group(result, prefix).stream().mapToLong(t -> t.metrics().memory().majorFaults()).sum();
  }

  static double swappedBytes(SimulationResult result, String prefix) {
    return group(result, prefix).stream()
        .mapToDouble(t -> t.metrics().memory().swappedBytes())
        .sum();
  }

  static long failed(SimulationResult result, String prefix) {
    return group(result, prefix).stream().mapToLong(t -> t.metrics().failed()).sum();
  }

  static double hostSwappedBytes(SimulationResult result) {
    return result.hosts().get(0).memorySwappedBytes();
  }

  /** A latency figure averaged over the group, NaN for workloads without requests. */
  private static double orNaN(
      SimulationResult result, String prefix, ToDoubleFunction<TenantMetrics.Latency> figure) {
    return group(result, prefix).stream()
        .filter(t -> t.metrics().latencyMs() != null)
        .mapToDouble(t -> figure.applyAsDouble(t.metrics().latencyMs()))
        .average()
        .orElse(Double.NaN);
  }

  static String line(String label, SimulationResult result, String prefix) {
    return String.format(
        Locale.ROOT,
        "%s: p99 %.2f ms, mean %.6f ms, good %.2f/s, faults %d, swapped %.0f B, host swap %.0f B",
        label,
        orNaN(result, prefix, l -> l.p99()),
        orNaN(result, prefix, l -> l.mean()),
        goodPerSecond(result, prefix),
        majorFaults(result, prefix),
        swappedBytes(result, prefix),
        hostSwappedBytes(result));
  }
}
