package dev.oversold.core.runtime;

import dev.oversold.core.sharing.Job;
import dev.oversold.core.sharing.JobListener;
import dev.oversold.core.sharing.Share;
import dev.oversold.core.workload.CpuAccess;

/** CPU work runs as jobs processor-shared on the tenant's share of the host CPU pool. */
final class SharedCpu implements CpuAccess {
  private final Share share;

  SharedCpu(Share share) {
    this.share = share;
  }

  @Override
  public Job run(double work, JobListener listener) {
    return share.submit(work, listener);
  }

  @Override
  public double cancel(Job job) {
    return share.cancel(job);
  }
}
