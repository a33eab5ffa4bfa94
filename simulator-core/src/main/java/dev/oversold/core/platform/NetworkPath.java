package dev.oversold.core.platform;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * The stages a platform builds for its tenants' packets, and who pays their CPU. Transmit: the
 * tenant's backend (vhost, netback, a vNIC world; none for a container), the host's stack (one
 * kernel's softirq, or dom0's), the queueing discipline, the NIC's ring and the wire. Receive: the
 * wire, the NIC's receive ring polled by the host's stack, the tenant's backend.
 *
 * @param qdisc the discipline on the physical NIC
 * @param queueLength the qdisc's limit in packets (txqueuelen for pfifo_fast, fq_codel's limit)
 * @param ringSlots descriptors of the NIC's transmit and receive rings
 * @param stack the host stack's per-packet work, shared by every tenant
 * @param backend each tenant's own per-packet stage, or {@link Stage#NONE}
 * @param shaping where a tenant's bandwidth limit is enforced
 * @param release where a datagram sender's socket lets go of its packets, so that it may send more
 * @param segmentation what one packet of a tenant's TCP stream is when it reaches the host's qdisc
 */
public record NetworkPath(
    QdiscKind qdisc,
    int queueLength,
    int ringSlots,
    Stage stack,
    Stage backend,
    Shaping shaping,
    SocketRelease release,
    Segmentation segmentation) {

  /**
   * A path whose senders are held back until their packets have left the wire and whose streams
   * reach the qdisc as GSO segments.
   */
  public NetworkPath(
      QdiscKind qdisc,
      int queueLength,
      int ringSlots,
      Stage stack,
      Stage backend,
      Shaping shaping) {
    this(
        qdisc,
        queueLength,
        ringSlots,
        stack,
        backend,
        shaping,
        SocketRelease.AT_WIRE,
        Segmentation.GSO);
  }

  public NetworkPath {
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(segmentation, "segmentation");
    Objects.requireNonNull(qdisc, "qdisc");
    Objects.requireNonNull(stack, "stack");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(shaping, "shaping");
    checkArgument(queueLength >= 1, "queue length must be at least 1: %s", queueLength);
    checkArgument(ringSlots >= 1, "ring must have at least one slot: %s", ringSlots);
  }

  /** The same path with senders released at {@code point}. */
  public NetworkPath withRelease(SocketRelease point) {
    return new NetworkPath(
        qdisc, queueLength, ringSlots, stack, backend, shaping, point, segmentation);
  }

  /** The same path with tenants' streams reaching the qdisc as {@code kind} packets. */
  public NetworkPath withSegmentation(Segmentation kind) {
    return new NetworkPath(qdisc, queueLength, ringSlots, stack, backend, shaping, release, kind);
  }

  /**
   * What a tenant's TCP stream hands the host's qdisc as one packet. pfifo_fast counts packets
   * ({@code skb}s), not bytes, so a response of n MSS is one slot of its queue as a GSO segment and
   * n slots as MSS packets; a tail drop then takes the end of the burst.
   */
  public enum Segmentation {
    /**
     * GSO/TSO super-segments of up to 64 KiB, cut into frames after the qdisc (by the NIC, or by
     * {@code dev_hard_start_xmit}'s software GSO): a host's own sockets on a NIC with
     * scatter-gather, and a VM's packets, which its backend hands over as the guest's
     * virtio/netfront GSO segments.
     */
    GSO,
    /**
     * One packet per MSS: an OpenVZ container's socket sends through venet, whose features carry
     * neither scatter-gather nor TSO unless the host's administrator turns them on with ethtool
     * ({@code venet_setup} and {@code common_features}, drivers/net/venet_core.c). Without
     * NETIF_F_SG the socket's route gets no GSO ({@code sk_setup_caps}, net/core/sock.c), so {@code
     * tcp_sendmsg} builds MSS-sized skbs, and each is routed through the host's stack to the NIC's
     * qdisc as a packet of its own.
     */
    MSS;

    /**
     * The IP size of each packet a tenant's TCP puts in the host's qdisc when it sends packets of
     * {@code askedBytes} (IP, headers included; a stream asks for a full GSO segment, a net-flood
     * for its {@code packet}) over a link of {@code mtuBytes}: as asked with GSO, at most one MTU
     * packet without it, whatever the application writes. The one rule for streams and floods.
     */
    public long packetBytes(long askedBytes, int mtuBytes) {
      return this == MSS ? Math.min(askedBytes, mtuBytes) : askedBytes;
    }
  }

  /**
   * Where a sending socket's buffer stops counting a datagram it sent: until then the packet holds
   * part of the socket's send buffer ({@code sk_wmem_alloc}, net/core/sock.c), and a sender whose
   * buffer is full waits, so what queues beyond that point is what holds it back.
   */
  public enum SocketRelease {
    /**
     * When the NIC has sent the packet and the driver frees it on transmit completion: the qdisc
     * and ring hold the sender back (a host's own sockets).
     */
    AT_WIRE,
    /**
     * When the host stack's softirq takes the packet off its backlog: an OpenVZ container's venet
     * hands its packets to the host with {@code netif_rx} (venet_xmit, drivers/net/venet_core.c, no
     * queue of its own: tx_queue_len 0) and the host's {@code ip_rcv} orphans them ({@code
     * skb_orphan}, net/ipv4/ip_input.c) before routing them to the NIC. Only the backlog holds the
     * container back; the NIC's qdisc drops what does not fit, whoever sent it.
     */
    AT_HOST_STACK
  }

  /** Where a tenant's bandwidth limit (plan or native) is enforced. */
  public enum Shaping {
    /**
     * A token bucket on the tenant's own interface both ways, refilled over 50 ms; before the
     * shared stages on transmit, after them on receive: libvirt's {@code <bandwidth>} with {@code
     * <outbound>} and {@code <inbound>} on the VM's tap [R libvirt formatnetwork, Quality of
     * service].
     */
    OWN_INTERFACE,
    /**
     * A token bucket on the tenant's own interface for what it sends only; what it receives is not
     * limited. Xen's vif {@code rate}: netback charges the credit to the requests a guest puts on
     * its transmit ring (tx_credit_exceeded, drivers/net/xen-netback/netback.c), not to packets for
     * the guest. ESXi's traffic shaping on a standard vSwitch: outbound only [R vSphere Networking,
     * Traffic Shaping Policy]; ingress needs a distributed switch, not modelled.
     */
    OWN_INTERFACE_TRANSMIT,
    /**
     * HTB classes on the host's NIC, one per tenant, as tc is set up for OpenVZ containers (shaped
     * containers get rate = ceil = their limit, the others rate = line / tenants and ceil = line);
     * the shared backlog and softirq still come first. Receive: a token bucket on venet.
     */
    HTB_ON_NIC;

    /** Whether what the tenant receives is limited too. */
    public boolean shapesReceive() {
      return this != OWN_INTERFACE_TRANSMIT;
    }

    /** Whether the tenant's transmit limit is a bucket on its own interface (not on the NIC). */
    public boolean ownInterface() {
      return this != HTB_ON_NIC;
    }
  }

  /** Queueing disciplines a host's NIC may run. */
  public enum QdiscKind {
    /** One FIFO with tail drop: 2.6-era kernels (OpenVZ's RHEL 6 kernel). */
    PFIFO_FAST,
    /** A queue per flow (here: per tenant) with DRR and CoDel: modern Linux hosts. */
    FQ_CODEL,
    /** The ESXi uplink: tenants' vNICs served in proportion to their NIOC shares. */
    WEIGHTED_UPLINK;

    /** Whether it serves flows by deficit round robin, one quantum (an MTU frame) at a time. */
    public boolean perFlow() {
      return this != PFIFO_FAST;
    }
  }

  /**
   * One per-packet stage.
   *
   * @param site whose CPU runs it (the host kernel, dom0, the tenant's own host thread, nobody)
   * @param nanosPerPacket CPU per packet (a GSO/TSO segment counts once) on a reference core
   * @param latencyNanos fixed delay per packet besides the CPU (wake-ups, notifications)
   * @param backlog packets that may wait for it; more are dropped
   */
  public record Stage(IoCosts.CpuSite site, long nanosPerPacket, long latencyNanos, int backlog) {
    /** No stage. */
    public static final Stage NONE = new Stage(IoCosts.CpuSite.NONE, 0, 0, 1);

    public Stage {
      Objects.requireNonNull(site, "site");
      checkArgument(nanosPerPacket >= 0, "CPU per packet must be >= 0: %s", nanosPerPacket);
      checkArgument(latencyNanos >= 0, "latency must be >= 0: %s", latencyNanos);
      checkArgument(backlog >= 1, "backlog must be at least 1: %s", backlog);
    }

    /** True when packets cross it at all. */
    public boolean present() {
      return site != IoCosts.CpuSite.NONE || nanosPerPacket > 0 || latencyNanos > 0;
    }
  }
}
