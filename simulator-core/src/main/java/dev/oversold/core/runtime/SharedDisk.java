package dev.oversold.core.runtime;

import dev.oversold.core.engine.Simulation;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.sharing.Share;
import dev.oversold.core.workload.DiskAccess;

/**
 * Disk I/O as device time on the tenant's share of the host disk. An operation costs {@code 1 /
 * iops} device-seconds when random and small, {@code bytes / bandwidth} when sequential or large;
 * the device's idle latency is added once per operation. A run of operations issued one after
 * another is one job of their summed device time followed by their summed latency: exact when the
 * share's rate holds still during the run, and one event instead of one per operation.
 */
final class SharedDisk implements DiskAccess {
  private final Simulation simulation;
  private final HostSpec.Disk device;
  private final Share share;

  SharedDisk(HostRuntime host, Share share) {
    this.simulation = host.simulation();
    this.device = host.spec().disk();
    this.share = share;
  }

  /** Device-seconds of one operation. */
  double operationCost(long bytes, boolean random) {
    double transfer = bytes / device.bandwidthBytesPerSecond();
    return random ? Math.max(1.0 / device.iops(), transfer) : transfer;
  }

  @Override
  public void io(int operations, long bytes, boolean write, boolean random, Runnable done) {
    if (operations <= 0) {
      done.run();
      return;
    }
    double work = operations * operationCost(bytes, random);
    long latency = operations * device.latency().nanos();
    share.submit(work, job -> simulation.scheduleAfter(latency, done));
  }
}
