package dev.oversold.core.model;

import java.util.Objects;

/**
 * One VPS: a container or VM with a plan, on a host, running a workload.
 *
 * @param name unique within the scenario
 * @param host the name of the host it runs on
 * @param plan what it was sold
 * @param workload what runs inside it
 */
public record TenantSpec(String name, String host, PlanSpec plan, WorkloadSpec workload) {
  public TenantSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(workload, "workload");
  }
}
