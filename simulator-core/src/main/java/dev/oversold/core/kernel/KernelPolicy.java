package dev.oversold.core.kernel;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.TenantSpec;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Where a platform's tenants get their kernel objects. */
public interface KernelPolicy {
  /** The tenant's kernel objects on a host whose kernel is {@code host}. */
  KernelObjects tenantKernel(HostKernel host, HostSpec hostSpec, TenantSpec tenant);

  /**
   * Containers on one kernel (OpenVZ; bare-metal process groups): per-tenant beancounters (numproc
   * from the plan's process limit or the native {@code numproc}; numfile from the native {@code
   * numfile}, unlimited by default) in front of the host-wide tables.
   */
  KernelPolicy SHARED_KERNEL =
      (host, hostSpec, tenant) -> new ContainerKernel(tenant.name(), host, containerLimits(tenant));

  /** numproc (the plan's process limit or native {@code numproc}) and numfile (native, if set). */
  static Map<KernelObject, Long> containerLimits(TenantSpec tenant) {
    var knobs = tenant.plan().nativeKnobs();
    Map<KernelObject, Long> limits = new EnumMap<>(KernelObject.class);
    limits.put(
        KernelObject.PROCESS,
        (long) knobs.get(KernelKnobs.NUMPROC.key(), tenant.plan().processLimit()));
    if (knobs.has(KernelKnobs.NUMFILE.key())) {
      limits.put(KernelObject.FILE, (long) knobs.get(KernelKnobs.NUMFILE.key(), 0));
    }
    return limits;
  }

  /**
   * Native knobs that come as a barrier and a limit, for the scenario loader to check that no
   * barrier is above its limit. None by default.
   */
  default List<BarrierLimit> barrierLimits() {
    return List.of();
  }

  /**
   * VMs: a private guest kernel. Process table: the plan's process limit (the guest's pid_max or
   * ulimit). File table: the guest's fs.file-max default, a tenth of its RAM in KiB with a floor of
   * 8192 [M fs/file_table.c files_maxfiles_init]. Conntrack: the guest's nf_conntrack_max, assumed
   * 65536 for guests of 1 GiB or more and RAM / 16 KiB below (assumption: the kernel sizes the
   * table from RAM; 65536 is the common default).
   */
  KernelPolicy GUEST_KERNEL =
      (host, hostSpec, tenant) -> {
        long ram = tenant.plan().memory().ramBytes();
        Map<KernelObject, Long> capacities = new EnumMap<>(KernelObject.class);
        capacities.put(KernelObject.PROCESS, (long) tenant.plan().processLimit());
        capacities.put(KernelObject.FILE, Math.max(8_192L, ram / 10_240));
        capacities.put(KernelObject.CONNTRACK, Math.max(1_024L, Math.min(65_536L, ram / 16_384)));
        return new GuestKernel(tenant.name(), capacities);
      };
}
