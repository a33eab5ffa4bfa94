package dev.oversold.core.platform.xen;

import dev.oversold.core.memory.HostMemoryConfig;
import dev.oversold.core.memory.HostReclaimer;
import dev.oversold.core.memory.MemoryAdmissionException;
import dev.oversold.core.memory.TenantMemoryConfig;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobKind;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.platform.MemoryPolicy;
import dev.oversold.core.platform.Refusal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Xen: memory is partitioned. Each guest's RAM (its balloon target when one is given) is allocated
 * when the domain is built and never reclaimed by the host, so a guest's memory bomb ends inside
 * that guest (its own swap, then its own OOM killer). Placing guests whose RAM does not fit beside
 * dom0 is refused: "memory overcommitting is not supported" (reference, RHEL 5).
 */
public final class XenMemoryPolicy implements MemoryPolicy {
  /** dom0_mem default, read from the platform's {@code dom0-memory} host option. */
  static final double DEFAULT_DOM0_MEMORY = 1024.0 * 1024 * 1024;

  public static final Knob BALLOON_TARGET =
      new Knob(
          "memory",
          KnobKind.BYTES,
          Double.NaN,
          16.0 * 1024 * 1024,
          1e15,
          "balloon target the guest starts at (xl.cfg memory=, with maxmem = plan ram) [R Xen]");

  @Override
  public HostMemoryConfig host(HostSpec host, List<TenantSpec> tenants) {
    admit(host, tenants)
        .ifPresent(
            refusal -> {
              throw new MemoryAdmissionException(host.name(), refusal.reason());
            });
    return new HostMemoryConfig(
        host.memory().ramBytes(),
        host.memory().swapBytes(),
        dom0Bytes(host),
        0,
        0,
        0.5,
        HostReclaimer.NONE);
  }

  /** Guests' RAM (their balloon targets where given) must fit in the host's RAM beside dom0. */
  @Override
  public Optional<Refusal> admit(HostSpec host, List<TenantSpec> tenants) {
    long dom0 = dom0Bytes(host);
    long available = host.memory().ramBytes() - dom0;
    long asked = 0;
    boolean ballooned = false;
    for (TenantSpec tenant : tenants) {
      asked += guestRam(tenant);
      ballooned |= tenant.plan().nativeKnobs().has(BALLOON_TARGET.key());
    }
    if (asked <= available) {
      return Optional.empty();
    }
    return Optional.of(
        Refusal.ofHost(
            Refusal.Resource.MEMORY,
            String.format(
                Locale.ROOT,
                "host %s (xen): guests need %.1f MiB of RAM but only %.1f MiB fit beside dom0"
                    + " (%.1f MiB of %.1f MiB); Xen does not overcommit memory: %s",
                host.name(),
                asked / 1048576.0,
                Math.max(0, available) / 1048576.0,
                dom0 / 1048576.0,
                host.memory().ramBytes() / 1048576.0,
                ballooned
                    ? "lower the balloon targets (native: memory)"
                    : "give balloon targets (native: memory) or fewer guests"),
            "guests' RAM (balloon targets where given) + dom0-memory <= host RAM"));
  }

  private static long dom0Bytes(HostSpec host) {
    return (long) host.options().get("dom0-memory", DEFAULT_DOM0_MEMORY);
  }

  static long guestRam(TenantSpec tenant) {
    var plan = tenant.plan();
    long target = (long) plan.nativeKnobs().get(BALLOON_TARGET.key(), plan.memory().ramBytes());
    return Math.min(target, plan.memory().ramBytes());
  }

  @Override
  public TenantMemoryConfig tenant(HostSpec host, TenantSpec tenant) {
    return new TenantMemoryConfig(
        guestRam(tenant),
        tenant.plan().memory().swapBytes(),
        0,
        0,
        1,
        TenantMemoryConfig.Kind.VM_PARTITIONED);
  }

  @Override
  public List<Knob> hostOptions() {
    return List.of(); // dom0-memory is declared by the platform
  }

  @Override
  public List<Knob> nativeKnobs() {
    return List.of(BALLOON_TARGET);
  }
}
