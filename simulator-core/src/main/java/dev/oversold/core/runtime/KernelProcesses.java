package dev.oversold.core.runtime;

import dev.oversold.core.kernel.KernelObject;
import dev.oversold.core.kernel.KernelObjects;
import dev.oversold.core.workload.MemoryAccess;
import dev.oversold.core.workload.ProcessAccess;

/**
 * Processes, files and connections of a tenant on its platform's kernel tables. A fork takes a pid
 * (the container's numproc beancounter and the host table, or the guest's own table) and the
 * process's memory from the tenant's memory; if either refuses, nothing is held and the fork fails.
 */
final class KernelProcesses implements ProcessAccess {
  private final KernelObjects kernel;
  private final MemoryAccess memory;

  KernelProcesses(KernelObjects kernel, MemoryAccess memory) {
    this.kernel = kernel;
    this.memory = memory;
  }

  @Override
  public boolean fork(long memoryBytes) {
    if (!kernel.allocate(KernelObject.PROCESS, 1)) {
      return false;
    }
    if (memoryBytes > 0 && !memory.allocate(memoryBytes)) {
      kernel.release(KernelObject.PROCESS, 1);
      return false;
    }
    return true;
  }

  @Override
  public void exit(int count, long memoryBytesEach) {
    int exiting = (int) Math.min(count, kernel.held(KernelObject.PROCESS));
    if (exiting <= 0) {
      return;
    }
    kernel.release(KernelObject.PROCESS, exiting);
    if (memoryBytesEach > 0) {
      memory.free(exiting * memoryBytesEach);
    }
  }

  @Override
  public int processes() {
    return (int) kernel.held(KernelObject.PROCESS);
  }

  @Override
  public boolean openFiles(int count) {
    return kernel.allocate(KernelObject.FILE, count);
  }

  @Override
  public void closeFiles(int count) {
    kernel.release(KernelObject.FILE, count);
  }

  @Override
  public boolean trackConnections(int count) {
    return kernel.allocate(KernelObject.CONNTRACK, count);
  }

  @Override
  public void untrackConnections(int count) {
    kernel.release(KernelObject.CONNTRACK, count);
  }

  @Override
  public boolean openConnection(long responseBytes) {
    return kernel.openSocket(responseBytes);
  }

  @Override
  public void closeConnection(long responseBytes) {
    kernel.closeSocket(responseBytes);
  }

  @Override
  public boolean openDatagramSocket() {
    return kernel.openDatagramSocket();
  }

  @Override
  public void closeDatagramSocket() {
    kernel.closeDatagramSocket();
  }

  @Override
  public boolean queueDatagrams(long responseBytes) {
    return kernel.queueDatagrams(responseBytes);
  }

  @Override
  public void dequeueDatagrams(long responseBytes) {
    kernel.dequeueDatagrams(responseBytes);
  }
}
