package dev.oversold.core.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One VPS customer's workload: it runs in a guest (a container or VM with a plan, on a host). A
 * tenant usually has a guest of its own, named after it; several tenants may run in one guest (the
 * attacker's VM that also serves a web site), each with its own workload and report row, sharing
 * the guest's vCPUs, memory, page cache, disk queue and vNIC.
 *
 * @param name unique within the scenario
 * @param host the name of the host it runs on
 * @param plan what its guest was sold (the same plan for every tenant of one guest)
 * @param workload what runs inside it
 * @param guest the name of the guest it runs in: its own name, or the name of the tenant whose
 *     guest it shares ({@code shares-guest})
 */
public record TenantSpec(
    String name, String host, PlanSpec plan, WorkloadSpec workload, String guest) {
  public TenantSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(guest, "guest");
  }

  /** A tenant in a guest of its own. */
  public TenantSpec(String name, String host, PlanSpec plan, WorkloadSpec workload) {
    this(name, host, plan, workload, name);
  }

  /** Whether it runs in another tenant's guest. */
  public boolean sharesGuest() {
    return !guest.equals(name);
  }

  /**
   * One tenant per guest among {@code tenants}, in the order guests first appear: the guest's owner
   * (the tenant it is named after) when present, else its first tenant. This is what platform
   * admission, plan sums and per-guest host structures count, since a guest's plan is placed once
   * however many tenants run in it.
   */
  public static List<TenantSpec> onePerGuest(List<TenantSpec> tenants) {
    Map<String, TenantSpec> guests = new LinkedHashMap<>();
    for (TenantSpec tenant : tenants) {
      TenantSpec chosen = guests.get(tenant.guest());
      if (chosen == null || (chosen.sharesGuest() && !tenant.sharesGuest())) {
        guests.put(tenant.guest(), tenant);
      }
    }
    return List.copyOf(guests.values());
  }
}
