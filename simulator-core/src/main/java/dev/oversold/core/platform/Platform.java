package dev.oversold.core.platform;

import dev.oversold.core.kernel.KernelPolicy;
import dev.oversold.core.model.Knob;
import dev.oversold.core.model.PlatformKind;
import java.util.List;

/**
 * How a host is shared among its tenants. A platform composes one policy per resource; adding a
 * platform is one class implementing this and one line in {@link Platforms}.
 */
public interface Platform {
  PlatformKind kind();

  /** Host-level knobs ({@code options:} of a host), with their defaults and sources. */
  List<Knob> hostOptions();

  /** Plan-level native overrides ({@code native:} of a plan). */
  List<Knob> nativeKnobs();

  /** How tenants share the host's cores. */
  CpuPolicy cpu();

  /** How tenants share the disk and the NIC. */
  IoPolicy io();

  /** How tenants hold memory and what the host does when short. */
  MemoryPolicy memory();

  /**
   * The platform's own word for the time a runnable vCPU or thread waits for a core, as its tools
   * name it: steal (Xen xentop, KVM guests' /proc/stat), ready (ESXi esxtop %RDY), run-queue wait
   * (OpenVZ and bare metal: the host kernel's schedstat run delay). Reports head the figure with
   * it.
   */
  String cpuWaitName();

  /** Where tenants get processes, files and connections: a guest kernel each, by default. */
  default KernelPolicy kernel() {
    return KernelPolicy.GUEST_KERNEL;
  }

  /** The knobs of a platform's policies, in order (CPU, kernel, memory, I/O). */
  @SafeVarargs
  static List<Knob> knobs(List<Knob>... groups) {
    List<Knob> all = new java.util.ArrayList<>();
    for (List<Knob> group : groups) {
      all.addAll(group);
    }
    return List.copyOf(all);
  }
}
