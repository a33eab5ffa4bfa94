package dev.oversold.core.platform.io;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobKind;
import dev.oversold.core.platform.IoCosts;
import dev.oversold.core.platform.NetworkPath;
import java.util.List;

/** Host options every Linux-based network path has: queue lengths, rings, the stack's CPU. */
public final class NetworkKnobs {
  private NetworkKnobs() {}

  public static final Knob TXQUEUELEN =
      new Knob(
          "txqueuelen",
          KnobKind.COUNT,
          1000,
          1,
          1_000_000,
          "packets pfifo_fast holds on the NIC (txqueuelen, 1000 on Ethernet: ether_setup in"
              + " net/ethernet/eth.c; fq_codel keeps its own limit of 10240)");
  public static final Knob RING =
      new Knob(
          "nic-ring",
          KnobKind.COUNT,
          256,
          1,
          65_536,
          "descriptors of the NIC's transmit and receive rings (e1000e and igb default to 256)");
  public static final Knob BACKLOG =
      new Knob(
          "netdev-max-backlog",
          KnobKind.COUNT,
          1000,
          1,
          1_000_000,
          "packets waiting for the host stack's softirq before it drops (net.core."
              + "netdev_max_backlog, 1000 by default: net/core/dev.c)");
  public static final Knob STACK_CPU =
      new Knob(
          "net-packet-cpu",
          KnobKind.DURATION,
          1 * SimTime.MICROSECOND,
          0,
          SimTime.MILLISECOND,
          "host kernel CPU per packet in the shared network stack (softirq, bridge or routing,"
              + " driver); a GSO/TSO segment counts once (assumption: 1 us, i.e. one core"
              + " forwards about 1 Mpps)");

  /** fq_codel's default limit in packets (net/sched/sch_fq_codel.c). */
  public static final int FQ_CODEL_LIMIT = 10_240;

  /** Virtio and Xen netif rings: 256 entries (QEMU's virtio-net queue size, netif.h). */
  public static final int BACKEND_RING = 256;

  /** The options of {@link #linuxStack}. */
  public static final List<Knob> STACK_OPTIONS = List.of(TXQUEUELEN, RING, BACKLOG, STACK_CPU);

  /**
   * A Linux host stack whose softirq runs at {@code site}, in front of {@code qdisc} on the NIC.
   */
  public static NetworkPath linuxStack(
      HostSpec host,
      NetworkPath.QdiscKind qdisc,
      IoCosts.CpuSite site,
      NetworkPath.Stage backend,
      NetworkPath.Shaping shaping) {
    var options = host.options();
    int queue =
        qdisc == NetworkPath.QdiscKind.FQ_CODEL ? FQ_CODEL_LIMIT : (int) options.get(TXQUEUELEN);
    return new NetworkPath(
        qdisc,
        queue,
        (int) options.get(RING),
        new NetworkPath.Stage(site, (long) options.get(STACK_CPU), 0, (int) options.get(BACKLOG)),
        backend,
        shaping);
  }
}
