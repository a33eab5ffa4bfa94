package dev.oversold.core.platform.vmware;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.memory.HostMemory;
import dev.oversold.core.memory.HostMemoryConfig;
import dev.oversold.core.memory.MemoryAdmissionException;
import dev.oversold.core.memory.PageSharing;
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
 * VMware ESXi: guest RAM backed on touch plus per-VM overhead; reservations are admitted only when
 * they fit; reclamation by free-memory state (TPS, balloon, compression, hypervisor swap to the
 * VM's swap file, sized configured RAM minus reservation); shares with the idle memory tax decide
 * who loses pages.
 */
public final class VmwareMemoryPolicy implements MemoryPolicy {
  /** Normal memory shares: 10 per configured MB (High/Normal/Low = 20/10/5). */
  static final double NORMAL_SHARES_PER_MB = 10;

  public static final Knob HYPERVISOR_MEMORY =
      new Knob(
          "hypervisor-memory",
          KnobKind.BYTES,
          1024.0 * 1024 * 1024,
          0,
          1e15,
          "RAM the VMkernel and its services keep (assumption: 1 GiB)");
  public static final Knob IDLE_TAX =
      new Knob(
          "idle-memory-tax",
          KnobKind.PERCENT,
          0.75,
          0,
          0.99,
          "idle memory tax (75% [R vSphere Resource Management])");
  public static final Knob TPS_INTER_VM =
      new Knob(
          "tps-inter-vm",
          KnobKind.BOOLEAN,
          0,
          0,
          1,
          "share pages between VMs (off by default since 2015, salting [R KB 2097593])");
  public static final Knob TPS_SHARING =
      new Knob(
          "tps-sharing",
          KnobKind.PERCENT,
          0.05,
          0,
          1,
          "fraction of a VM's pages TPS merges within the VM (assumption: 5%, mostly zero pages)");
  public static final Knob TPS_INTER_SHARING =
      new Knob(
          "tps-inter-vm-sharing",
          KnobKind.PERCENT,
          0.15,
          0,
          1,
          "extra fraction merged across VMs when tps-inter-vm is on (assumption: 15%)");
  public static final Knob TPS_SCAN_RATE =
      new Knob(
          "tps-scan-rate",
          KnobKind.RATE,
          5000,
          1,
          1e9,
          "pages TPS scans per second (assumption: as KSM's default)");
  public static final Knob TPS_CPU =
      new Knob(
          "tps-cpu",
          KnobKind.PERCENT,
          0.02,
          0,
          64,
          "host CPU TPS uses while scanning, % of one core (assumption: 2%)");
  public static final Knob BALLOON_MAX =
      new Knob(
          "balloon-max",
          KnobKind.PERCENT,
          0.65,
          0,
          1,
          "most of a VM's memory the balloon takes (Mem.CtlMaxPercent 65 [M])");
  public static final Knob COMPRESSION_MAX =
      new Knob(
          "compression-max",
          KnobKind.PERCENT,
          0.10,
          0,
          1,
          "compression cache limit per VM (Mem.MemZipMaxPct 10 [M])");
  public static final Knob DECOMPRESS_DELAY =
      new Knob(
          "decompress-delay",
          KnobKind.DURATION,
          20 * SimTime.MICROSECOND,
          0,
          SimTime.SECOND,
          "time to decompress one 4 KiB page (assumption: 20 us, ~200 MB/s)");
  public static final Knob MEM_SHARES =
      new Knob(
          "mem-shares",
          KnobKind.NUMBER,
          Double.NaN,
          1,
          1e9,
          "memory shares of the VM (normal = 10 per configured MB) [R vSphere]");
  public static final Knob MEM_RESERVATION =
      new Knob(
          "mem-reservation",
          KnobKind.BYTES,
          Double.NaN,
          0,
          1e15,
          "memory reservation of the VM, never reclaimed [R vSphere]");

  @Override
  public HostMemoryConfig host(HostSpec host, List<TenantSpec> tenants) {
    admit(host, tenants)
        .ifPresent(
            refusal -> {
              throw new MemoryAdmissionException(host.name(), refusal.reason());
            });
    var options = host.options();
    long hypervisor = (long) options.get(HYPERVISOR_MEMORY);
    long swapFiles = 0;
    for (TenantSpec tenant : tenants) {
      TenantMemoryConfig config = tenant(host, tenant);
      swapFiles += config.ramBytes() - config.reservationBytes();
    }
    return new HostMemoryConfig(
        host.memory().ramBytes(),
        swapFiles,
        hypervisor,
        0,
        (long) options.get(DECOMPRESS_DELAY),
        0.5,
        new EsxiReclaimer(
            options.get(IDLE_TAX), options.get(BALLOON_MAX), options.get(COMPRESSION_MAX)));
  }

  /**
   * Admission control: the VMs' memory reservations plus their overhead must fit in the RAM the
   * hypervisor leaves.
   */
  @Override
  public Optional<Refusal> admit(HostSpec host, List<TenantSpec> tenants) {
    long available = host.memory().ramBytes() - (long) host.options().get(HYPERVISOR_MEMORY);
    long reserved = 0;
    for (TenantSpec tenant : tenants) {
      TenantMemoryConfig config = tenant(host, tenant);
      reserved += config.reservationBytes() + config.overheadBytes();
    }
    if (reserved <= available) {
      return Optional.empty();
    }
    return Optional.of(
        Refusal.ofHost(
            Refusal.Resource.MEMORY,
            String.format(
                Locale.ROOT,
                "host %s (vmware): reservations plus overhead need %.1f MiB but only %.1f MiB are"
                    + " available; admission control refuses to power on the VMs",
                host.name(),
                reserved / 1048576.0,
                Math.max(0, available) / 1048576.0),
            "memory reservations plus VM overhead <= host RAM - hypervisor-memory"));
  }

  @Override
  public TenantMemoryConfig tenant(HostSpec host, TenantSpec tenant) {
    var plan = tenant.plan();
    var knobs = plan.nativeKnobs();
    long ram = plan.memory().ramBytes();
    double shares = knobs.get(MEM_SHARES.key(), NORMAL_SHARES_PER_MB * ram / 1048576.0);
    long reservation = (long) Math.min(ram, knobs.get(MEM_RESERVATION.key(), 0));
    return new TenantMemoryConfig(
        ram,
        plan.memory().swapBytes(),
        EsxiOverhead.bytes(ram, plan.vcpus()),
        reservation,
        shares,
        TenantMemoryConfig.Kind.VM_ON_DEMAND);
  }

  @Override
  public Optional<PageSharing.Settings> sharing(HostSpec host) {
    var options = host.options();
    double fraction =
        options.get(TPS_SHARING)
            + (options.get(TPS_INTER_VM) != 0 ? options.get(TPS_INTER_SHARING) : 0);
    if (fraction <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new PageSharing.Settings(
            Math.min(1, fraction),
            options.get(TPS_SCAN_RATE),
            options.get(TPS_CPU),
            SimTime.SECOND));
  }

  @Override
  public boolean sharingActive(HostMemory memory) {
    return EsxiMemoryState.largePagesBroken(
        memory.freePages(), EsxiMemoryState.minFreePages(memory.config().ramBytes()));
  }

  @Override
  public List<Knob> hostOptions() {
    return List.of(
        HYPERVISOR_MEMORY,
        IDLE_TAX,
        TPS_INTER_VM,
        TPS_SHARING,
        TPS_INTER_SHARING,
        TPS_SCAN_RATE,
        TPS_CPU,
        BALLOON_MAX,
        COMPRESSION_MAX,
        DECOMPRESS_DELAY);
  }

  @Override
  public List<Knob> nativeKnobs() {
    return List.of(MEM_SHARES, MEM_RESERVATION);
  }
}
