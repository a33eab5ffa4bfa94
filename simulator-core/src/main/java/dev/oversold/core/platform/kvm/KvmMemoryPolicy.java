package dev.oversold.core.platform.kvm;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.memory.HostMemoryConfig;
import dev.oversold.core.memory.MemoryAdmissionException;
import dev.oversold.core.memory.PageSharing;
import dev.oversold.core.memory.TenantMemoryConfig;
import dev.oversold.core.memory.Watermarks;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobKind;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.platform.MemoryPolicy;
import dev.oversold.core.platform.Refusal;
import dev.oversold.core.platform.memory.HostReserve;
import dev.oversold.core.platform.memory.ResidentAdmission;
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
          Double.NaN,
          0,
          1e15,
          "RAM kept for the host OS; unset: 512 MiB of services (OpenStack"
              + " reserved_host_memory_mb) + 1/64 of RAM for the kernel's struct page array");
  public static final Knob VM_OVERHEAD =
      new Knob(
          "vm-overhead",
          KnobKind.BYTES,
          Double.NaN,
          0,
          1e12,
          "host RAM per VM besides guest RAM, resident from start; unset: QEMU's 64 MiB + 8 MiB"
              + " per vCPU + 16 MiB VGA, plus 1/512 of the guest RAM backed (oVirt's estimate)");
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
    admit(host, tenants)
        .ifPresent(
            refusal -> {
              throw new MemoryAdmissionException(host.name(), refusal.reason());
            });
    var options = host.options();
    return new HostMemoryConfig(
        host.memory().ramBytes(),
        host.memory().swapBytes(),
        reservedBytes(host),
        0,
        0,
        0.5,
        new KvmReclaimer(
            options.get(AUTO_BALLOON) != 0,
            options.get(BALLOON_MAX),
            Optional.of(Watermarks.linux(host.memory().ramBytes()))));
  }

  /**
   * Admission, apart from residency: guest RAM is backed on first touch and may be oversold, but
   * what is resident from the first instant (the host's reserve and each VM's fixed overhead) must
   * fit in RAM, or no VM can run at all.
   */
  @Override
  public Optional<Refusal> admit(HostSpec host, List<TenantSpec> tenants) {
    return ResidentAdmission.refusal(
        host,
        "kvm",
        reservedBytes(host),
        tenants,
        tenant -> fixedOverheadBytes(host, tenant),
        "host-reserved or vm-overhead");
  }

  static long reservedBytes(HostSpec host) {
    return HostReserve.bytes(host.options().get(HOST_RESERVED), host.memory().ramBytes());
  }

  /** The option when given, else QEMU's fixed part for the plan's vCPUs. */
  static long fixedOverheadBytes(HostSpec host, TenantSpec tenant) {
    double configured = host.options().get(VM_OVERHEAD);
    return Double.isNaN(configured)
        ? QemuOverhead.fixedBytes(tenant.plan().vcpus())
        : (long) configured;
  }

  @Override
  public TenantMemoryConfig tenant(HostSpec host, TenantSpec tenant) {
    var plan = tenant.plan();
    boolean grows = Double.isNaN(host.options().get(VM_OVERHEAD));
    return new TenantMemoryConfig(
        plan.memory().ramBytes(),
        plan.memory().swapBytes(),
        fixedOverheadBytes(host, tenant),
        0,
        1,
        TenantMemoryConfig.Kind.VM_ON_DEMAND,
        0,
        grows ? QemuOverhead.PAGE_TABLE_FRACTION : 0);
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
