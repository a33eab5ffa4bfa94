package dev.oversold.scenarios.convert;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.Knob;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.platform.Platforms;
import dev.oversold.scenarios.units.Format;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a host can physically hold, checked once the model is built: combinations no platform would
 * start, explained with the numbers.
 */
final class Feasibility {
  private Feasibility() {}

  static void check(
      List<HostSpec> hosts,
      List<TenantSpec> tenants,
      Map<String, String> definitions,
      Context context) {
    Set<String> reported = new HashSet<>();
    for (int h = 0; h < hosts.size(); h++) {
      HostSpec host = hosts.get(h);
      String path = "hosts[" + h + "]";
      List<TenantSpec> on = tenants.stream().filter(t -> t.host().equals(host.name())).toList();
      if (host.platform() == PlatformKind.XEN) {
        xenMemory(host, on, path, context);
      }
      double reserved = on.stream().mapToDouble(t -> t.plan().cpu().reservationCores()).sum();
      double capacity = host.cpu().capacity();
      if (reserved > capacity * (1 + 1e-9)) {
        context.error(
            path + ".cpu",
            String.format(
                Locale.ROOT,
                "its tenants reserve %s of CPU but the host has %s (%d cores x speed %s): reservations are guarantees and cannot be oversold",
                Format.percent(reserved),
                Format.percent(capacity),
                host.cpu().cores(),
                Format.plain(host.cpu().speed())),
            "reservations summing to at most " + Format.percent(capacity));
      }
      for (TenantSpec tenant : on) {
        String definition = definitions.get(tenant.name());
        if (tenant.plan().vcpus() > host.cpu().cores() && reported.add(definition)) {
          context.error(
              definition + ".plan",
              "plan '"
                  + tenant.plan().name()
                  + "' gives "
                  + tenant.plan().vcpus()
                  + " vCPUs but host "
                  + host.name()
                  + " has only "
                  + host.cpu().cores()
                  + " cores: a guest cannot run more vCPUs at once than the host has cores (ESXi refuses to power it on)",
              "at most " + host.cpu().cores() + " vCPUs");
        }
      }
    }
  }

  /** Xen partitions memory: every guest's RAM plus dom0's must fit in the host's RAM. */
  private static void xenMemory(HostSpec host, List<TenantSpec> on, String path, Context context) {
    Knob dom0 =
        Platforms.of(PlatformKind.XEN).hostOptions().stream()
            .filter(k -> k.key().equals("dom0-memory"))
            .findFirst()
            .orElse(null);
    double dom0Bytes = dom0 == null ? 0 : host.options().get(dom0);
    double guests = on.stream().mapToDouble(t -> (double) t.plan().memory().ramBytes()).sum();
    if (guests + dom0Bytes > host.memory().ramBytes()) {
      context.error(
          path + ".memory.ram",
          "xen does not overcommit memory: "
              + on.size()
              + " tenants' RAM ("
              + Format.bytes((long) guests)
              + ") plus dom0-memory ("
              + Format.bytes((long) dom0Bytes)
              + ") is "
              + Format.bytes((long) (guests + dom0Bytes))
              + ", more than the host's "
              + Format.bytes(host.memory().ramBytes()),
          "guests' RAM + dom0-memory <= host RAM: fewer or smaller tenants, more RAM, or a platform that overcommits");
    }
  }
}
