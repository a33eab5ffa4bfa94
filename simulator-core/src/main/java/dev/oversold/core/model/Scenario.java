package dev.oversold.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import dev.oversold.core.engine.SimDuration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A validated, immutable scenario: everything one simulation needs, with every default resolved.
 *
 * @param name {@code [a-z0-9-]+}
 * @param description shown by {@code oversold list}; may be empty
 * @param seed the only source of randomness
 * @param duration simulated time
 * @param warmup metrics ignore {@code [0, warmup)}
 * @param sampleInterval resolution of the time series
 * @param hosts hosts in file order
 * @param tenants tenants in file order (ranges expanded)
 * @param report what the report computes
 */
public record Scenario(
    String name,
    String description,
    long seed,
    SimDuration duration,
    SimDuration warmup,
    SimDuration sampleInterval,
    List<HostSpec> hosts,
    List<TenantSpec> tenants,
    ReportSettings report) {

  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    checkArgument(duration.nanos() > 0, "duration must be > 0");
    checkArgument(warmup.nanos() < duration.nanos(), "warmup must be shorter than the duration");
    checkArgument(sampleInterval.nanos() > 0, "sample interval must be > 0");
    hosts = List.copyOf(hosts);
    tenants = List.copyOf(tenants);
    Objects.requireNonNull(report, "report");
    Set<String> hostNames = new HashSet<>();
    for (HostSpec host : hosts) {
      checkArgument(hostNames.add(host.name()), "duplicate host %s", host.name());
    }
    Set<String> tenantNames = new HashSet<>();
    for (TenantSpec tenant : tenants) {
      checkArgument(tenantNames.add(tenant.name()), "duplicate tenant %s", tenant.name());
      checkArgument(
          hostNames.contains(tenant.host()),
          "tenant %s is on unknown host %s",
          tenant.name(),
          tenant.host());
    }
  }

  public HostSpec host(String hostName) {
    return hosts.stream()
        .filter(h -> h.name().equals(hostName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no host " + hostName));
  }

  /** The same scenario with another seed. */
  public Scenario withSeed(long newSeed) {
    return new Scenario(
        name, description, newSeed, duration, warmup, sampleInterval, hosts, tenants, report);
  }

  /** The same scenario keeping only the tenants that {@code keep} accepts (for baselines). */
  public Scenario withTenants(Predicate<TenantSpec> keep) {
    return new Scenario(
        name,
        description,
        seed,
        duration,
        warmup,
        sampleInterval,
        hosts,
        tenants.stream().filter(keep).toList(),
        report);
  }

  /** The same scenario with other hosts (same names), e.g. another platform. */
  public Scenario withHosts(List<HostSpec> newHosts) {
    return new Scenario(
        name, description, seed, duration, warmup, sampleInterval, newHosts, tenants, report);
  }
}
