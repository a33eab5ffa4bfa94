package dev.oversold.core.workload;

import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.metrics.TenantRecorder;
import dev.oversold.core.model.TenantSpec;

/**
 * What a workload sees of its tenant: the clock, its random streams, its resources, its metrics.
 */
public interface TenantContext {
  String name();

  TenantSpec spec();

  Simulation simulation();

  /** The tenant's own stream for {@code purpose}, independent of every other tenant's. */
  RandomStream random(String purpose);

  TenantRecorder recorder();

  /** The tenant's vCPUs. */
  CpuAccess cpu();

  /** The tenant's virtual disk. */
  DiskAccess disk();

  /** The tenant's network interface. */
  NetworkAccess network();

  /** The tenant's memory. */
  MemoryAccess memory();

  /** The tenant's kernel objects (processes). */
  ProcessAccess processes();
}
