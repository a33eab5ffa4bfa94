package dev.oversold.core.runtime;

import dev.oversold.core.kernel.KernelObjects;
import dev.oversold.core.workload.MemoryAccess;

/**
 * The tenant's memory behind its allocation limit (OpenVZ privvmpages): an allocation is charged to
 * the limit before it reaches the memory model and refused with ENOMEM (no OOM kill) when the limit
 * would be passed; a free gives the charge back. Where the platform has no allocation limit every
 * charge passes and this only forwards.
 */
final class ChargedMemory implements MemoryAccess {
  private final KernelObjects kernel;
  private final MemoryAccess memory;

  ChargedMemory(KernelObjects kernel, MemoryAccess memory) {
    this.kernel = kernel;
    this.memory = memory;
  }

  @Override
  public boolean allocate(long bytes) {
    if (!kernel.chargeAllocation(bytes)) {
      return false;
    }
    boolean accepted = memory.allocate(bytes);
    if (!accepted) {
      kernel.unchargeAllocation(bytes);
    }
    return accepted;
  }

  @Override
  public void allocate(long bytes, Allocated done) {
    if (!kernel.chargeAllocation(bytes)) {
      done.done(false);
      return;
    }
    memory.allocate(
        bytes,
        accepted -> {
          if (!accepted) {
            kernel.unchargeAllocation(bytes);
          }
          done.done(accepted);
        });
  }

  @Override
  public void free(long bytes) {
    kernel.unchargeAllocation(bytes);
    memory.free(bytes);
  }

  @Override
  public void touch(long bytes, Runnable done) {
    memory.touch(bytes, done);
  }

  @Override
  public long residentBytes() {
    return memory.residentBytes();
  }

  @Override
  public long swappedBytes() {
    return memory.swappedBytes();
  }
}
