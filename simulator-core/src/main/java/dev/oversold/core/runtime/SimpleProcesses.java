package dev.oversold.core.runtime;

import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.workload.ProcessAccess;

/** A process table of the plan's limit, private to the tenant. */
final class SimpleProcesses implements ProcessAccess {
  private final int limit;
  private int processes;

  SimpleProcesses(TenantSpec spec) {
    this.limit = spec.plan().processLimit();
  }

  @Override
  public boolean fork(long memoryBytes) {
    if (processes >= limit) {
      return false;
    }
    processes++;
    return true;
  }

  @Override
  public void exit(int count, long memoryBytesEach) {
    processes = Math.max(0, processes - count);
  }

  @Override
  public int processes() {
    return processes;
  }
}
