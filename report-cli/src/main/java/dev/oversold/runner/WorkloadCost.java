package dev.oversold.runner;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.workload.Workloads;

/**
 * What one tenant's workload costs a simulation, as its kind declares it ({@code
 * dev.oversold.core.workload.CostModel}, next to the mechanism that paces the kind).
 */
final class WorkloadCost {
  private WorkloadCost() {}

  /** Events per simulated second while the workload runs; work items count as events. */
  static double eventsPerSecond(TenantSpec tenant, HostSpec host) {
    return Workloads.of(tenant.workload()).eventsPerSecond(tenant.workload(), host);
  }

  /** Events that do not depend on the run's length (batch jobs). */
  static double eventsInAll(TenantSpec tenant) {
    return Workloads.of(tenant.workload()).eventsInAll(tenant.workload());
  }

  /** Bytes the workload holds at its peak, beyond the tenant's fixed share. */
  static double bytes(TenantSpec tenant) {
    return Workloads.of(tenant.workload()).bytes(tenant);
  }
}
