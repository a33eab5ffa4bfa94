package dev.oversold.core.kernel;

import dev.oversold.core.kernel.Beancounter.Strictness;
import dev.oversold.core.model.KnobValues;
import dev.oversold.core.result.BeancounterFigures;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A container's beancounters beyond numproc and numfile (kmemsize, privvmpages, numtcpsock,
 * tcpsndbuf, tcprcvbuf, othersockbuf, dgramrcvbuf, numothersock) and what each kernel object
 * charges to them ({@link KernelObjectSizes}). Every charge of several counters is all or nothing:
 * the counter that refuses counts the failure and what the others took is given back.
 */
public final class Beancounters {
  private final Map<UbcResource, Beancounter> counters = new EnumMap<>(UbcResource.class);

  // The counters a socket's open and close charge, read once here: two of these per request made
  // an EnumMap lookup and a message supplier for its null check per counter (about 2.5 % of an
  // OpenVZ disk host's samples).
  private final Beancounter kmemsize;
  private final Beancounter numtcpsock;
  private final Beancounter tcpsndbuf;
  private final Beancounter tcprcvbuf;
  private final Beancounter othersockbuf;
  private final Beancounter dgramrcvbuf;
  private final Beancounter numothersock;

  private Beancounters(String name, Map<UbcResource, long[]> barrierLimits) {
    for (UbcResource resource : UbcResource.values()) {
      long[] bl = barrierLimits.getOrDefault(resource, new long[] {Long.MAX_VALUE, Long.MAX_VALUE});
      counters.put(resource, new Beancounter(name + "/" + resource.beancounter(), bl[0], bl[1]));
    }
    this.kmemsize = get(UbcResource.KMEMSIZE);
    this.numtcpsock = get(UbcResource.NUMTCPSOCK);
    this.tcpsndbuf = get(UbcResource.TCPSNDBUF);
    this.tcprcvbuf = get(UbcResource.TCPRCVBUF);
    this.othersockbuf = get(UbcResource.OTHERSOCKBUF);
    this.dgramrcvbuf = get(UbcResource.DGRAMRCVBUF);
    this.numothersock = get(UbcResource.NUMOTHERSOCK);
  }

  /** Every counter unlimited: accounting only. */
  public static Beancounters unlimited(String name) {
    return new Beancounters(name, Map.of());
  }

  /** The counters an OpenVZ plan's native knobs set ({@link BeancounterKnobs}). */
  public static Beancounters of(String name, KnobValues knobs) {
    Map<UbcResource, long[]> barrierLimits = new EnumMap<>(UbcResource.class);
    put(barrierLimits, UbcResource.KMEMSIZE, BeancounterKnobs.PAIRS.get(0), knobs);
    put(barrierLimits, UbcResource.PRIVVMPAGES, BeancounterKnobs.PAIRS.get(1), knobs);
    put(barrierLimits, UbcResource.TCPSNDBUF, BeancounterKnobs.PAIRS.get(2), knobs);
    put(barrierLimits, UbcResource.TCPRCVBUF, BeancounterKnobs.PAIRS.get(3), knobs);
    if (knobs.has(BeancounterKnobs.NUMTCPSOCK.key())) {
      long sockets = (long) knobs.get(BeancounterKnobs.NUMTCPSOCK.key(), 0);
      barrierLimits.put(UbcResource.NUMTCPSOCK, new long[] {sockets, sockets});
    }
    return new Beancounters(name, barrierLimits);
  }

  private static void put(
      Map<UbcResource, long[]> into, UbcResource resource, BarrierLimit pair, KnobValues knobs) {
    into.put(resource, new long[] {pair.barrierOf(knobs), pair.limitOf(knobs)});
  }

  public Beancounter get(UbcResource resource) {
    return Objects.requireNonNull(counters.get(resource), resource::name);
  }

  /** Charges the kernel memory of {@code count} new processes (up to the kmemsize barrier). */
  boolean chargeProcesses(long count) {
    return get(UbcResource.KMEMSIZE)
        .charge(count * KernelObjectSizes.PROCESS_KMEM_BYTES, Strictness.BARRIER);
  }

  void unchargeProcesses(long count) {
    get(UbcResource.KMEMSIZE).uncharge(count * KernelObjectSizes.PROCESS_KMEM_BYTES);
  }

  /** Charges the kernel memory of {@code count} open files (up to the kmemsize barrier). */
  boolean chargeFiles(long count) {
    return get(UbcResource.KMEMSIZE)
        .charge(count * KernelObjectSizes.FILE_KMEM_BYTES, Strictness.BARRIER);
  }

  void unchargeFiles(long count) {
    get(UbcResource.KMEMSIZE).uncharge(count * KernelObjectSizes.FILE_KMEM_BYTES);
  }

  /**
   * Opens a TCP connection that will answer with {@code responseBytes}: one numtcpsock, the
   * socket's kmemsize, one receive packet and its send buffer. The first packet of each buffer may
   * use the barrier-limit gap; the rest of the send buffer must fit under the barrier.
   */
  boolean openSocket(long responseBytes) {
    long first = KernelObjectSizes.MIN_SOCKET_BUFFER_BYTES;
    long rest = KernelObjectSizes.sendBufferBytes(responseBytes) - first;
    Beancounter sockets = numtcpsock;
    Beancounter kmem = kmemsize;
    Beancounter receive = tcprcvbuf;
    Beancounter send = tcpsndbuf;
    if (!sockets.charge(1, Strictness.BARRIER)) {
      return false;
    }
    if (!kmem.charge(KernelObjectSizes.TCP_SOCKET_KMEM_BYTES, Strictness.BARRIER)) {
      sockets.uncharge(1);
      return false;
    }
    if (!receive.charge(KernelObjectSizes.receiveBufferBytes(), Strictness.LIMIT)) {
      kmem.uncharge(KernelObjectSizes.TCP_SOCKET_KMEM_BYTES);
      sockets.uncharge(1);
      return false;
    }
    if (!send.charge(first, Strictness.LIMIT)) {
      receive.uncharge(KernelObjectSizes.receiveBufferBytes());
      kmem.uncharge(KernelObjectSizes.TCP_SOCKET_KMEM_BYTES);
      sockets.uncharge(1);
      return false;
    }
    if (!send.charge(rest, Strictness.BARRIER)) {
      send.uncharge(first);
      receive.uncharge(KernelObjectSizes.receiveBufferBytes());
      kmem.uncharge(KernelObjectSizes.TCP_SOCKET_KMEM_BYTES);
      sockets.uncharge(1);
      return false;
    }
    return true;
  }

  /** Closes a connection opened with {@link #openSocket} for the same {@code responseBytes}. */
  void closeSocket(long responseBytes) {
    tcpsndbuf.uncharge(KernelObjectSizes.sendBufferBytes(responseBytes));
    tcprcvbuf.uncharge(KernelObjectSizes.receiveBufferBytes());
    kmemsize.uncharge(KernelObjectSizes.TCP_SOCKET_KMEM_BYTES);
    numtcpsock.uncharge(1);
  }

  /**
   * Opens a UDP socket (a datagram service's one bound socket, whatever its load): one numothersock
   * and the socket's kmemsize, not numtcpsock: ub_sock_charge charges numtcpsock for PF_INET
   * SOCK_STREAM sockets only (IS_TCP_SOCK) and numothersock for every other socket [R OpenVZ kernel
   * kernel/bc/net.c, kernel/ub/ub_net.c in the 2.6.18 tree; wiki UBC_primary_parameters].
   */
  boolean openDatagramSocket() {
    if (!numothersock.charge(1, Strictness.BARRIER)) {
      return false;
    }
    if (!kmemsize.charge(KernelObjectSizes.UDP_SOCKET_KMEM_BYTES, Strictness.BARRIER)) {
      numothersock.uncharge(1);
      return false;
    }
    return true;
  }

  /** Closes a socket opened with {@link #openDatagramSocket}. */
  void closeDatagramSocket() {
    kmemsize.uncharge(KernelObjectSizes.UDP_SOCKET_KMEM_BYTES);
    numothersock.uncharge(1);
  }

  /**
   * A request datagram received on a UDP socket and its response of {@code responseBytes}: one
   * packet buffer in dgramrcvbuf and the response in othersockbuf (UDP's send buffer), each up to
   * its limit (the first packet's gap, as for TCP); false when one refused it (the datagram is
   * dropped: ENOBUFS).
   */
  boolean queueDatagrams(long responseBytes) {
    long in = KernelObjectSizes.receiveBufferBytes();
    long out = KernelObjectSizes.datagramSendBytes(responseBytes);
    if (!dgramrcvbuf.charge(in, Strictness.LIMIT)) {
      return false;
    }
    if (!othersockbuf.charge(out, Strictness.LIMIT)) {
      dgramrcvbuf.uncharge(in);
      return false;
    }
    return true;
  }

  /** Gives back what {@link #queueDatagrams} charged for the same {@code responseBytes}. */
  void dequeueDatagrams(long responseBytes) {
    othersockbuf.uncharge(KernelObjectSizes.datagramSendBytes(responseBytes));
    dgramrcvbuf.uncharge(KernelObjectSizes.receiveBufferBytes());
  }

  /**
   * Charges {@code bytes} of allocated memory to privvmpages (up to its barrier: ENOMEM past it).
   */
  boolean chargePrivate(long bytes) {
    return get(UbcResource.PRIVVMPAGES).charge(bytes, Strictness.BARRIER);
  }

  void unchargePrivate(long bytes) {
    get(UbcResource.PRIVVMPAGES).uncharge(bytes);
  }

  /** The counters as /proc/user_beancounters lines, in its order. */
  List<BeancounterFigures> figures() {
    List<BeancounterFigures> figures = new ArrayList<>();
    for (UbcResource resource : UbcResource.values()) {
      figures.add(figures(resource.beancounter(), get(resource), resource.unitBytes()));
    }
    return figures;
  }

  private static BeancounterFigures figures(String name, Beancounter counter, long unit) {
    return new BeancounterFigures(
        name,
        shown(counter.held(), unit),
        shown(counter.maxHeld(), unit),
        shown(counter.barrier(), unit),
        shown(counter.limit(), unit),
        counter.failCount());
  }

  /** An amount in shown units, rounded up; unlimited stays unlimited. */
  private static long shown(long amount, long unit) {
    if (amount == Long.MAX_VALUE || unit == 1) {
      return amount;
    }
    return amount / unit + (amount % unit == 0 ? 0 : 1);
  }

  public void checkInvariants() {
    counters.values().forEach(Beancounter::checkInvariants);
  }
}
