package dev.oversold.core.platform.memory;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.memory.HostMemoryConfig;
import dev.oversold.core.memory.TenantMemoryConfig;
import dev.oversold.core.memory.Watermarks;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobKind;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.platform.MemoryPolicy;
import dev.oversold.core.platform.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Linux kernel shared by every tenant: OpenVZ containers with vSwap, or process groups with
 * cgroup limits on bare metal. Pages past a tenant's RAM go to its swap (virtual on OpenVZ, the
 * host's swap device on bare metal); the host reclaims globally when short.
 */
public final class SharedKernelMemoryPolicy implements MemoryPolicy {
  /** OpenStack's default reserved host memory, 512 MB (reference section 5). */
  static final double DEFAULT_HOST_RESERVED = 512.0 * 1024 * 1024;

  public static final Knob HOST_RESERVED =
      new Knob(
          "host-reserved",
          KnobKind.BYTES,
          DEFAULT_HOST_RESERVED,
          0,
          1e15,
          "RAM the host kernel and services keep (assumption: OpenStack reserved_host_memory_mb"
              + " default 512 MB [R])");

  /**
   * The vSwap slowdown is undocumented (reference: "artificially slowed down"); the assumption is
   * one random 4 KiB read of a typical SSD, about 100 us, per page moved into or out of vSwap.
   */
  public static final Knob VSWAP_DELAY =
      new Knob(
          "vswap-delay",
          KnobKind.DURATION,
          100 * SimTime.MICROSECOND,
          0,
          SimTime.SECOND,
          "OpenVZ vSwap slowdown per 4 KiB page moved past physpages or faulted back; undocumented"
              + " [R wiki VSwap], assumption: 100 us, one SSD random read");

  public static final Knob PHYSPAGES =
      new Knob(
          "physpages",
          KnobKind.BYTES,
          Double.NaN,
          4096,
          1e15,
          "container RAM limit (overrides plan ram; counted in 4 KiB pages) [R wiki VSwap]");
  public static final Knob SWAPPAGES =
      new Knob(
          "swappages",
          KnobKind.BYTES,
          Double.NaN,
          0,
          1e15,
          "container vSwap limit (overrides plan swap) [R wiki VSwap]");

  public static final Knob OOMGUARPAGES =
      new Knob(
          "oomguarpages",
          KnobKind.BYTES,
          Double.NaN,
          0,
          1e15,
          "the global OOM killer spares the container while its RAM + swap stay below this; unset ="
              + " no guarantee [R wiki oomguarpages]");

  private final boolean openVz;

  private SharedKernelMemoryPolicy(boolean openVz) {
    this.openVz = openVz;
  }

  public static SharedKernelMemoryPolicy openVz() {
    return new SharedKernelMemoryPolicy(true);
  }

  public static SharedKernelMemoryPolicy bareMetal() {
    return new SharedKernelMemoryPolicy(false);
  }

  @Override
  public HostMemoryConfig host(HostSpec host, List<TenantSpec> tenants) {
    var options = host.options();
    return new HostMemoryConfig(
        host.memory().ramBytes(),
        host.memory().swapBytes(),
        reservedBytes(host),
        openVz ? (long) options.get(VSWAP_DELAY) : 0,
        0,
        0.5,
        // kswapd between the kernel's own watermarks, reclaiming the tenants' cold pages first
        // (TouchLocality): 2.6.32's on OpenVZ (the RHEL 6 kernel), a modern kernel's on bare metal.
        new SharedKernelReclaimer(Optional.of(watermarks(host))));
  }

  /** The host kernel's free-memory watermarks, from its RAM as the kernel computes them at boot. */
  Watermarks watermarks(HostSpec host) {
    long ram = host.memory().ramBytes();
    return openVz ? Watermarks.linux2632(ram) : Watermarks.linux(ram);
  }

  /** A shared kernel has no per-tenant overhead: only its reserve must leave tenants some RAM. */
  @Override
  public Optional<Refusal> admit(HostSpec host, List<TenantSpec> tenants) {
    return ResidentAdmission.refusal(
        host,
        openVz ? "openvz" : "bare-metal",
        reservedBytes(host),
        tenants,
        tenant -> 0,
        "host-reserved");
  }

  /**
   * The option, 512 MiB by default. Not yet {@link HostReserve}'s RAM-sized rule: on the bundled
   * OpenVZ node (16 GiB) its extra 256 MiB tips the webs' working sets into global reclaim, a
   * change to make once reclaim takes cold pages first (issue 15 item 3).
   */
  static long reservedBytes(HostSpec host) {
    return (long) host.options().get(HOST_RESERVED);
  }

  @Override
  public TenantMemoryConfig tenant(HostSpec host, TenantSpec tenant) {
    var plan = tenant.plan();
    var knobs = plan.nativeKnobs();
    long ram = plan.memory().ramBytes();
    long swap = plan.memory().swapBytes();
    if (openVz) {
      ram = (long) knobs.get(PHYSPAGES.key(), ram);
      swap = (long) knobs.get(SWAPPAGES.key(), swap);
    }
    long guard = openVz ? (long) knobs.get(OOMGUARPAGES.key(), 0) : 0;
    return new TenantMemoryConfig(
        ram,
        swap,
        0,
        0,
        1,
        openVz
            ? TenantMemoryConfig.Kind.CONTAINER_VIRTUAL_SWAP
            : TenantMemoryConfig.Kind.PROCESS_GROUP,
        guard);
  }

  @Override
  public List<Knob> hostOptions() {
    List<Knob> knobs = new ArrayList<>(List.of(HOST_RESERVED));
    if (openVz) {
      knobs.add(VSWAP_DELAY);
    }
    return knobs;
  }

  @Override
  public List<Knob> nativeKnobs() {
    return openVz ? List.of(PHYSPAGES, SWAPPAGES, OOMGUARPAGES) : List.of();
  }
}
