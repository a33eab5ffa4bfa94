package dev.oversold.core.platform.kvm;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.memory.HostMemoryConfig;
import dev.oversold.core.memory.PageSharing;
import dev.oversold.core.memory.TenantMemoryConfig;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobKind;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.platform.MemoryPolicy;
import java.util.List;
import java.util.Optional;

/**
 * KVM: guest RAM is anonymous memory of the QEMU process, backed on first touch; the guest pages
 * against its own virtual disk; the host swaps guest frames behind its back when overcommitted; KSM
 * merges identical pages at a CPU cost; an optional auto-balloon returns guest memory first.
 */
public final class KvmMemoryPolicy implements MemoryPolicy {
  public static final Knob HOST_RESERVED =
      new Knob(
          "host-reserved",
          KnobKind.BYTES,
          4.0 * (1L << 30),
          0,
          1e15,
          "RAM kept for the host OS (~4 GB [R Red Hat sizing])");
  public static final Knob VM_OVERHEAD =
      new Knob(
          "vm-overhead",
          KnobKind.BYTES,
          512.0 * (1L << 20),
          0,
          1e12,
          "host RAM per VM besides guest RAM: QEMU, device state (~0.5 GB [R Red Hat HCI sizing])");
  public static final Knob KSM =
      new Knob("ksm", KnobKind.BOOLEAN, 0, 0, 1, "run KSM page merging (off by default)");
  public static final Knob KSM_SHARING =
      new Knob(
          "ksm-sharing",
          KnobKind.PERCENT,
          0.10,
          0,
          1,
          "fraction of a VM's pages identical to another page (assumption: 10%; workload-dependent)");
  public static final Knob KSM_SCAN_RATE =
      new Knob(
          "ksm-scan-rate",
          KnobKind.RATE,
          5000,
          1,
          1e9,
          "pages KSM scans per second (pages_to_scan 100 per 20 ms sleep = 5000/s [R ksm.rst])");
  public static final Knob KSM_CPU =
      new Knob(
          "ksm-cpu",
          KnobKind.PERCENT,
          0.05,
          0,
          64,
          "host CPU ksmd uses while scanning, in % of one core (assumption: 5% at the default rate)");
  public static final Knob AUTO_BALLOON =
      new Knob(
          "auto-balloon",
          KnobKind.BOOLEAN,
          0,
          0,
          1,
          "inflate virtio balloons when the host is short (oVirt MoM style; off by default)"
              + " [R virtio_balloon.c]");
  public static final Knob BALLOON_MAX =
      new Knob(
          "balloon-max",
          KnobKind.PERCENT,
          0.5,
          0,
          1,
          "most of a guest's RAM a balloon may take (assumption: 50%)");

  @Override
  public HostMemoryConfig host(HostSpec host, List<TenantSpec> tenants) {
    var options = host.options();
    return new HostMemoryConfig(
        host.memory().ramBytes(),
        host.memory().swapBytes(),
        (long) options.get(HOST_RESERVED),
        0,
        0,
        0.5,
        new KvmReclaimer(options.get(AUTO_BALLOON) != 0, options.get(BALLOON_MAX)));
  }

  @Override
  public TenantMemoryConfig tenant(HostSpec host, TenantSpec tenant) {
    var plan = tenant.plan();
    return new TenantMemoryConfig(
        plan.memory().ramBytes(),
        plan.memory().swapBytes(),
        (long) host.options().get(VM_OVERHEAD),
        0,
        1,
        TenantMemoryConfig.Kind.VM_ON_DEMAND);
  }

  @Override
  public Optional<PageSharing.Settings> sharing(HostSpec host) {
    var options = host.options();
    if (options.get(KSM) == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new PageSharing.Settings(
            options.get(KSM_SHARING),
            options.get(KSM_SCAN_RATE),
            options.get(KSM_CPU),
            SimTime.SECOND));
  }

  @Override
  public List<Knob> hostOptions() {
    return List.of(
        HOST_RESERVED,
        VM_OVERHEAD,
        KSM,
        KSM_SHARING,
        KSM_SCAN_RATE,
        KSM_CPU,
        AUTO_BALLOON,
        BALLOON_MAX);
  }

  @Override
  public List<Knob> nativeKnobs() {
    return List.of();
  }
}
