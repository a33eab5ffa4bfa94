package dev.oversold.core.workload;

import dev.oversold.core.sharing.Job;
import dev.oversold.core.sharing.JobListener;

/** Runs CPU work on the tenant's vCPUs. */
public interface CpuAccess {
  /**
   * Runs one thread of {@code work} reference-core-seconds; {@code listener} is told when it is
   * done. The thread shares the tenant's CPU allocation with its other runnable threads.
   */
  Job run(double work, JobListener listener);

  /** Abandons a thread (timeout, kill); returns the work it still needed. */
  double cancel(Job job);
}
