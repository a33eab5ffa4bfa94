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

  /** The names {@code options.qdisc} accepts on a Linux host, in the order of their values. */
  public static final List<String> QDISC_NAMES = List.of("pfifo_fast", "fq_codel");

  /**
   * The root qdisc on the host's NIC ({@code tc qdisc replace dev eth0 root ...}); a platform
   * declares it with its own default and the default's source.
   *
   * @param source why this platform's hosts run {@code defaultKind} unless told otherwise
   */
  public static Knob qdisc(NetworkPath.QdiscKind defaultKind, String source) {
    return Knob.choice(
        "qdisc",
        QDISC_NAMES,
        name(defaultKind),
        "queueing discipline on the host's NIC: pfifo_fast (one FIFO, tail drop; txqueuelen"
            + " packets) or fq_codel (a queue per flow, CoDel, 10240 packets; Linux 3.5+); "
            + source);
  }

  /** The qdisc {@code knob} chooses on {@code host}. */
  public static NetworkPath.QdiscKind chosen(HostSpec host, Knob knob) {
    return kind(knob.choiceName(host.options().get(knob)));
  }

  private static String name(NetworkPath.QdiscKind kind) {
    return switch (kind) {
      case PFIFO_FAST -> "pfifo_fast";
      case FQ_CODEL -> "fq_codel";
      case WEIGHTED_UPLINK ->
          throw new IllegalArgumentException("the ESXi uplink is not a Linux qdisc");
    };
  }

  private static NetworkPath.QdiscKind kind(String name) {
    return switch (name) {
      case "pfifo_fast" -> NetworkPath.QdiscKind.PFIFO_FAST;
      case "fq_codel" -> NetworkPath.QdiscKind.FQ_CODEL;
      default -> throw new IllegalArgumentException("not a qdisc: " + name);
    };
  }

  /** The options of {@link #linuxStack}, with {@code qdisc} (from {@link #qdisc}) first. */
  public static List<Knob> stackOptions(Knob qdisc) {
    return List.of(qdisc, TXQUEUELEN, RING, BACKLOG, STACK_CPU);
  }

  /**
   * A Linux host stack whose softirq runs at {@code site}, in front of the qdisc {@code qdiscKnob}
   * chooses on the NIC.
   */
  public static NetworkPath linuxStack(
      HostSpec host,
      Knob qdiscKnob,
      IoCosts.CpuSite site,
      NetworkPath.Stage backend,
      NetworkPath.Shaping shaping) {
    var options = host.options();
    NetworkPath.QdiscKind qdisc = chosen(host, qdiscKnob);
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
