package dev.oversold.core.runtime;

import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.workload.MemoryAccess;

/**
 * Memory with a hard limit of the plan's RAM plus swap and no host-level pressure: what a tenant
 * sees on a host that is not oversold. Allocations past RAM count as swapped; touching the working
 * set never faults.
 */
final class SimpleMemory implements MemoryAccess {
  private final long ram;
  private final long limit;
  private long allocated;

  SimpleMemory(TenantSpec spec) {
    this.ram = spec.plan().memory().ramBytes();
    this.limit = ram + spec.plan().memory().swapBytes();
  }

  @Override
  public boolean allocate(long bytes) {
    if (allocated + bytes > limit) {
      return false;
    }
    allocated += bytes;
    return true;
  }

  @Override
  public void free(long bytes) {
    allocated = Math.max(0, allocated - bytes);
  }

  @Override
  public void touch(long bytes, Runnable done) {
    done.run();
  }

  @Override
  public long residentBytes() {
    return Math.min(allocated, ram);
  }

  @Override
  public long swappedBytes() {
    return Math.max(0, allocated - ram);
  }
}
