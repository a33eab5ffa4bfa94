package dev.oversold.core.result;

import java.util.List;

/**
 * What one simulation produced: per-host and per-tenant figures over the measured window {@code
 * [warmup, duration)}.
 *
 * @param scenario the scenario's name
 * @param seed the seed used
 * @param durationSeconds simulated time
 * @param warmupSeconds ignored prefix
 * @param sampleIntervalSeconds spacing of the time series
 * @param hosts per host, in scenario order
 * @param tenants per tenant, in scenario order
 * @param eventsRun engine events processed (a cost figure)
 */
public record SimulationResult(
    String scenario,
    long seed,
    double durationSeconds,
    double warmupSeconds,
    double sampleIntervalSeconds,
    List<HostResult> hosts,
    List<TenantResult> tenants,
    long eventsRun) {
  public SimulationResult {
    hosts = List.copyOf(hosts);
    tenants = List.copyOf(tenants);
  }

  public TenantResult tenant(String name) {
    // a plain loop: the report looks every tenant up by name, and a stream pipeline per lookup
    // (1,000 of them over 1,000 tenants in the CloudSim Plus peer) cost more than the comparisons
    for (TenantResult t : tenants) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no tenant " + name);
  }
}
