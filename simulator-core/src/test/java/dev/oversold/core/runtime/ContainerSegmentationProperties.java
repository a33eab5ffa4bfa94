package dev.oversold.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.network.Flow;
import dev.oversold.core.testkit.Specs;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * An OpenVZ container's TCP stream reaches the host's pfifo_fast as MSS packets (venet has no GSO),
 * one qdisc slot each, at most the stream's window of 64 in flight (a stream without a congestion
 * window, {@code TenantNetwork.sendWithoutWindow}, so that the wire never idles for slow start: a
 * response's sender is tested in {@code TcpResponseTest} and {@code HostNetworkTest}). For any
 * stream size and any txqueuelen of at least that window, a container alone on its host, behind a
 * one-descriptor ring so that its packets do wait in the FIFO:
 *
 * <ul>
 *   <li>puts exactly ceil(bytes / 1,448) packets through the qdisc (TCP's MSS with timestamps on a
 *       1,500 B MTU: 20 B of IP, 20 of TCP and 12 of options per packet) and loses none of them
 *       (the window never overfills the FIFO on its own);
 *   <li>is done exactly when its wire time has passed, plus the link's 50 us: full packets take
 *       1,448 + 52 + 38 = 1,538 B each on the wire, the tail its bytes plus 52 and 38 (a tail of 1
 *       B is 53 B of IP packet, above Ethernet's 46 B minimum, so no padding), at 8 ns a byte, and
 *       the wire never idles while the window refills (the stack's CPU is set to 0).
 * </ul>
 *
 * It fails if the window is raised past the FIFO (drops and 200 ms RTOs), if a stream is sent as
 * GSO segments again (fewer packets), or if the TCP/IP headers are left out (1,500 B of data a
 * packet: fewer packets, less wire time).
 */
final class ContainerSegmentationProperties {
  private static final long GIB = 1L << 30;

  @Property(tries = 60)
  void aLoneContainerStream_isMtuPacketsAndNeverOverfillsTheFifo(
      @ForAll @LongRange(min = 1, max = 3_000_000) long bytes,
      @ForAll @IntRange(min = 64, max = 1000) int txqueuelen) {
    Hosts hosts =
        new Hosts(
            Specs.host(
                "h",
                "openvz",
                16 * GIB,
                GIB,
                Map.of("net-packet-cpu", 0.0, "txqueuelen", (double) txqueuelen, "nic-ring", 1.0)),
            List.of(Specs.idleTenant("c", "h", GIB, Map.of())));
    long[] doneAt = {-1};
    hosts
        .tenant(0)
        .tenantNetwork()
        .sendWithoutWindow(bytes, () -> doneAt[0] = hosts.simulation.now());
    hosts.simulation.runUntil(10 * SimTime.SECOND);

    long full = bytes / 1448;
    long tail = bytes % 1448;
    long packets = full + (tail > 0 ? 1 : 0);
    long wireBytes = full * 1538 + (tail > 0 ? tail + 52 + 38 : 0);
    Flow flow = hosts.tenant(0).tenantNetwork().transmitFlow();
    assertEquals(0, flow.dropped(), "dropped");
    assertEquals(packets, flow.delivered(), "packets through the qdisc");
    assertEquals(bytes, flow.deliveredBytes(), "data delivered: the stream's bytes, no headers");
    assertEquals(8 * wireBytes + 50 * SimTime.MICROSECOND, doneAt[0], "done at");
  }
}
