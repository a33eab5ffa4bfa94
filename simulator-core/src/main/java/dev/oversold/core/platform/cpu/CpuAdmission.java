package dev.oversold.core.platform.cpu;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.platform.Refusal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The CPU admission rules every platform applies: reservations are guarantees, so together they
 * cannot exceed the host's capacity (ESXi admission control, cgroup and cpuunits guarantees); and
 * no guest runs more vCPUs at once than the host has cores (ESXi refuses to power such a VM on).
 */
public final class CpuAdmission {
  /**
   * Relative slack on the capacity, so reservations that sum to it exactly fit despite rounding.
   */
  private static final double ROUNDING = 1e-9;

  private CpuAdmission() {}

  public static List<Refusal> refusals(HostSpec host, List<TenantSpec> tenants) {
    List<Refusal> refusals = new ArrayList<>();
    double reserved = 0;
    for (TenantSpec tenant : tenants) {
      reserved += tenant.plan().cpu().reservationCores();
    }
    double capacity = host.cpu().capacity();
    if (reserved > capacity * (1 + ROUNDING)) {
      refusals.add(
          Refusal.ofHost(
              Refusal.Resource.CPU,
              String.format(
                  Locale.ROOT,
                  "its tenants reserve %s of CPU but the host has %s (%d cores x speed %s):"
                      + " reservations are guarantees and cannot be oversold",
                  percent(reserved),
                  percent(capacity),
                  host.cpu().cores(),
                  plain(host.cpu().speed())),
              "reservations summing to at most " + percent(capacity)));
    }
    int cores = host.cpu().cores();
    for (TenantSpec tenant : tenants) {
      int vcpus = tenant.plan().vcpus();
      if (vcpus > cores) {
        refusals.add(
            new Refusal(
                Refusal.Resource.PLAN,
                Optional.of(tenant.name()),
                String.format(
                    Locale.ROOT,
                    "plan '%s' gives %d vCPUs but host %s has only %d cores: a guest cannot run"
                        + " more vCPUs at once than the host has cores (ESXi refuses to power it"
                        + " on)",
                    tenant.plan().name(),
                    vcpus,
                    host.name(),
                    cores),
                "at most " + cores + " vCPUs"));
      }
    }
    return List.copyOf(refusals);
  }

  /** A fraction of one core as a percentage in the scenario format's notation, e.g. 900%. */
  private static String percent(double cores) {
    return plain(new BigDecimal(Double.toString(cores)).movePointRight(2)) + "%";
  }

  private static String plain(double value) {
    return plain(new BigDecimal(Double.toString(value)));
  }

  /** Plain decimal notation, scientific only when very long (as the scenario format writes). */
  private static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    String text = stripped.toPlainString();
    return text.length() > 24 ? stripped.toString().replace("+", "") : text;
  }
}
