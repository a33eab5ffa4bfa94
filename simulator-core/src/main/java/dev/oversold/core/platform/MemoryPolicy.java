package dev.oversold.core.platform;

import dev.oversold.core.memory.HostMemoryConfig;
import dev.oversold.core.memory.MemoryAdmissionException;
import dev.oversold.core.memory.PageSharing;
import dev.oversold.core.memory.TenantMemoryConfig;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.Knob;
import dev.oversold.core.model.TenantSpec;
import java.util.List;
import java.util.Optional;

/** How a platform holds its tenants' memory and what it does when the host runs short. */
public interface MemoryPolicy {
  /**
   * The host's memory for these tenants.
   *
   * @throws MemoryAdmissionException when {@link #admit} refuses them (Xen without balloon targets,
   *     ESXi reservations), with its reason
   */
  HostMemoryConfig host(HostSpec host, List<TenantSpec> tenants);

  /**
   * Why the platform cannot place these tenants' memory, if it cannot: the one placement rule that
   * {@link #host} enforces and the scenario loader reports. Platforms that overcommit place any.
   */
  default Optional<Refusal> admit(HostSpec host, List<TenantSpec> tenants) {
    return Optional.empty();
  }

  /** One tenant's limits and where its pages live. */
  TenantMemoryConfig tenant(HostSpec host, TenantSpec tenant);

  /** Page sharing (KSM, TPS) when the host runs it. */
  default Optional<PageSharing.Settings> sharing(HostSpec host) {
    return Optional.empty();
  }

  /** Whether page sharing scans now (e.g. ESXi once large pages are broken). */
  default boolean sharingActive(dev.oversold.core.memory.HostMemory memory) {
    return true;
  }

  /** Host options this policy reads. */
  List<Knob> hostOptions();

  /** Plan-level native knobs this policy reads. */
  List<Knob> nativeKnobs();
}
