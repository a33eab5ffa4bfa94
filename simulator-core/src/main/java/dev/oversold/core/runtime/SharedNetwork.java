package dev.oversold.core.runtime;

import dev.oversold.core.engine.Simulation;
import dev.oversold.core.sharing.Share;
import dev.oversold.core.workload.NetworkAccess;

/** Transfers as byte jobs on the tenant's share of the host NIC, plus the link latency. */
final class SharedNetwork implements NetworkAccess {
  private final Simulation simulation;
  private final long latencyNanos;
  private final Share share;

  SharedNetwork(HostRuntime host, Share share) {
    this.simulation = host.simulation();
    this.latencyNanos = host.spec().network().latency().nanos();
    this.share = share;
  }

  @Override
  public void send(long bytes, Runnable done) {
    transfer(bytes, done);
  }

  @Override
  public void receive(long bytes, Runnable done) {
    transfer(bytes, done);
  }

  private void transfer(long bytes, Runnable done) {
    if (bytes <= 0) {
      done.run();
      return;
    }
    share.submit(bytes, job -> simulation.scheduleAfter(latencyNanos, done));
  }
}
