package dev.oversold.core.runtime;

import dev.oversold.core.engine.Simulation;
import dev.oversold.core.platform.IoCosts;
import dev.oversold.core.sharing.Share;
import dev.oversold.core.workload.NetworkAccess;

/**
 * Transfers as byte jobs on the NIC (transmit and receive are separate capacities, full duplex),
 * plus the link latency. Per-packet host CPU (vhost, netback, the shared kernel's softirq) runs
 * first. On a shared kernel an unshaped tenant's transfers go through the one kernel queue shared
 * per transfer, so a tenant with many transfers in flight takes most of it.
 */
final class SharedNetwork implements NetworkAccess {
  private final Simulation simulation;
  private final long latencyNanos;
  private final Share transmit;
  private final Share receive;
  private final Share packetCpu;
  private final double cpuPerPacket;

  SharedNetwork(
      HostRuntime host, Share ownTransmit, Share ownReceive, Share packetCpu, boolean shaped) {
    this.simulation = host.simulation();
    this.latencyNanos = host.spec().network().latency().nanos();
    IoCosts costs = host.ioCosts();
    boolean sharedStack = costs.sharedNetworkStack() && !shaped;
    this.transmit = sharedStack ? host.kernelTransmit() : ownTransmit;
    this.receive = sharedStack ? host.kernelReceive() : ownReceive;
    this.packetCpu = packetCpu;
    this.cpuPerPacket = costs.networkCpuPerPacket();
  }

  @Override
  public void send(long bytes, Runnable done) {
    transfer(transmit, bytes, IoCosts.MTU_BYTES, done);
  }

  @Override
  public void receive(long bytes, Runnable done) {
    transfer(receive, bytes, IoCosts.MTU_BYTES, done);
  }

  @Override
  public void send(long bytes, long packetBytes, Runnable done) {
    transfer(transmit, bytes, packetBytes, done);
  }

  @Override
  public void receive(long bytes, long packetBytes, Runnable done) {
    transfer(receive, bytes, packetBytes, done);
  }

  private void transfer(Share link, long bytes, long packetBytes, Runnable done) {
    if (bytes <= 0) {
      done.run();
      return;
    }
    long packets = (bytes + packetBytes - 1) / Math.max(1, packetBytes);
    double cpu = packets * cpuPerPacket;
    Runnable wire = () -> link.submit(bytes, job -> simulation.scheduleAfter(latencyNanos, done));
    if (cpu > 0 && packetCpu != null) {
      packetCpu.submit(cpu, job -> wire.run());
    } else {
      wire.run();
    }
  }
}
