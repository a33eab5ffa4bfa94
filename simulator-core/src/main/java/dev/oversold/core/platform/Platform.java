package dev.oversold.core.platform;

import dev.oversold.core.kernel.KernelPolicy;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.Knob;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.platform.cpu.CpuAdmission;
import java.util.ArrayList;
import java.util.List;

/**
 * A platform's descriptor: how a host is shared among its tenants. It declares its knobs (with
 * defaults, units and sources), decides admission, builds one policy per resource and names its
 * metrics; the engine, runtime, loader, CLI and reports ask it and never test which platform it is.
 * Each platform lives in its own package ({@code core.platform.<name>}) and composes shared
 * mechanisms from {@code core.platform.cpu}, {@code .memory} and {@code .io}; adding one is that
 * package and one line in {@link Platforms}.
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

  /** What the platform's own tools call the CPU figures (steal, ready, run-queue wait). */
  MetricNames metricNames();

  /**
   * The platform's own word for the time a runnable vCPU or thread waits for a core, as its tools
   * name it: steal (Xen xentop, KVM guests' /proc/stat), ready (ESXi esxtop %RDY), run-queue wait
   * (OpenVZ and bare metal: the host kernel's schedstat run delay). Reports head the figure with
   * it.
   */
  default String cpuWaitName() {
    return metricNames().cpuWait();
  }

  /**
   * Whether the platform starts {@code tenants} on {@code host}: its memory policy's placement
   * rule, then the CPU rules every platform shares ({@link CpuAdmission}). Empty when it admits
   * them. The loader and the simulator both ask this (through {@link Admission}).
   */
  default List<Refusal> admit(HostSpec host, List<TenantSpec> tenants) {
    List<Refusal> refusals = new ArrayList<>();
    memory().admit(host, tenants).ifPresent(refusals::add);
    refusals.addAll(CpuAdmission.refusals(host, tenants));
    return List.copyOf(refusals);
  }

  /**
   * Whether {@code compare} runs this platform when no platforms are named: the virtualization
   * platforms do; bare metal, the reference for overheads, only when asked.
   */
  default boolean comparedByDefault() {
    return true;
  }

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
