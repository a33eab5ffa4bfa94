package dev.oversold.core.memory;

import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.platform.kvm.KvmReclaimer;
import dev.oversold.core.platform.memory.SharedKernelReclaimer;
import dev.oversold.core.platform.vmware.EsxiReclaimer;
import java.util.List;

/** Hosts of each platform's memory model, sized in MiB, for properties. */
final class MemoryModels {
  static final long MIB = 1L << 20;

  enum Platform {
    OPENVZ,
    BARE_METAL,
    KVM,
    KVM_BALLOON,
    VMWARE,
    XEN
  }

  /** One step of a tenant. */
  record Op(int tenant, Kind kind, long mib) {}

  enum Kind {
    ALLOCATE,
    FREE,
    TOUCH,
    CACHE
  }

  private MemoryModels() {}

  static TenantMemoryConfig.Kind kind(Platform platform) {
    return switch (platform) {
      case OPENVZ -> TenantMemoryConfig.Kind.CONTAINER_VIRTUAL_SWAP;
      case BARE_METAL -> TenantMemoryConfig.Kind.PROCESS_GROUP;
      case KVM, KVM_BALLOON, VMWARE -> TenantMemoryConfig.Kind.VM_ON_DEMAND;
      case XEN -> TenantMemoryConfig.Kind.VM_PARTITIONED;
    };
  }

  static HostReclaimer reclaimer(Platform platform) {
    return switch (platform) {
      case OPENVZ, BARE_METAL -> new SharedKernelReclaimer();
      case KVM -> new KvmReclaimer(false, 0.5);
      case KVM_BALLOON -> new KvmReclaimer(true, 0.5);
      case VMWARE -> new EsxiReclaimer(0.75, 0.65, 0.10);
      case XEN -> HostReclaimer.NONE;
    };
  }

  /** A host with tenants of the given RAM, swap and overhead (MiB); ESXi swap = swap files. */
  static HostMemory host(
      Simulation simulation,
      Platform platform,
      long ramMib,
      long swapMib,
      List<long[]> tenantsRamSwapOverheadMib) {
    return host(simulation, platform, ramMib, swapMib, tenantsRamSwapOverheadMib, MemoryIo.NONE);
  }

  /** As above, every tenant's disk being {@code io}. */
  static HostMemory host(
      Simulation simulation,
      Platform platform,
      long ramMib,
      long swapMib,
      List<long[]> tenantsRamSwapOverheadMib,
      MemoryIo io) {
    long hostSwap = swapMib * MIB;
    if (platform == Platform.VMWARE) {
      hostSwap = 0;
      for (long[] t : tenantsRamSwapOverheadMib) {
        hostSwap += t[0] * MIB;
      }
    }
    HostMemory host =
        new HostMemory(
            "h",
            simulation,
            new HostMemoryConfig(ramMib * MIB, hostSwap, 0, 1000, 1000, 0.5, reclaimer(platform)));
    int i = 0;
    for (long[] t : tenantsRamSwapOverheadMib) {
      TenantMemory tenant =
          host.add(
              "t" + i,
              new TenantMemoryConfig(t[0] * MIB, t[1] * MIB, t[2] * MIB, 0, 1, kind(platform)),
              new RandomStream(i + 1));
      tenant.connect(io, c -> {}, () -> {});
      i++;
    }
    return host;
  }

  static void apply(HostMemory host, Op op) {
    TenantMemory tenant = host.tenants().get(op.tenant() % host.tenants().size());
    long bytes = op.mib() * MIB;
    switch (op.kind()) {
      case ALLOCATE -> tenant.allocate(bytes);
      case FREE -> tenant.free(bytes);
      case TOUCH -> tenant.touch(bytes, () -> {});
      case CACHE -> tenant.cacheFile(bytes);
    }
  }
}
