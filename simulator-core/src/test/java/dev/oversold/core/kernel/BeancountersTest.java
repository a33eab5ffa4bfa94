package dev.oversold.core.kernel;

import static dev.oversold.core.fixtures.Scenarios.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.KnobValues;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.result.BeancounterFigures;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class BeancountersTest {
  private static final long KIB = 1024;

  private static ContainerKernel container(Map<String, Double> knobs) {
    var hostKernel = new HostKernel(host("h", PlatformKind.OPENVZ, 1));
    return new ContainerKernel(
        "ct",
        hostKernel,
        Map.of(KernelObject.PROCESS, 10_000L),
        Beancounters.of("ct", new KnobValues(knobs)));
  }

  private static Beancounter counter(ContainerKernel ct, UbcResource resource) {
    return ct.ubc().get(resource);
  }

  @Test
  void forks_stopAtTheKmemsizeBarrierAtTheComputedCount() {
    // kmemsize 1 MiB = 1048576 B at 40 KiB = 40960 B per process: floor(1048576 / 40960) = 25
    // forks fit (1024000 B); the 26th would need 1064960 > 1048576 and is refused.
    var ct = container(Map.of("kmemsize", 1_048_576.0));
    int forks = 0;
    while (ct.allocate(KernelObject.PROCESS, 1)) {
      forks++;
    }
    assertEquals(25, forks);
    Beancounter kmem = counter(ct, UbcResource.KMEMSIZE);
    assertEquals(1_024_000, kmem.held());
    assertEquals(1, kmem.failCount());
    // The refused fork holds no pid and counts nowhere else.
    assertEquals(25, ct.held(KernelObject.PROCESS));
    assertEquals(0, ct.own(KernelObject.PROCESS).failCount());
    assertFalse(ct.allocate(KernelObject.PROCESS, 1));
    assertEquals(2, kmem.failCount());
    ct.release(KernelObject.PROCESS, 5);
    assertEquals(20 * 40_960, kmem.held());
    assertEquals(1_024_000, kmem.maxHeld());
  }

  @Test
  void forks_areRefusedAtTheBarrierEvenWithRoomUpToTheLimit() {
    // barrier 400 KiB = 409600 B, limit 1 MiB: ordinary allocations stop at the barrier, so
    // floor(409600 / 40960) = 10 forks.
    var ct = container(Map.of("kmemsize", 409_600.0, "kmemsize-limit", 1_048_576.0));
    int forks = 0;
    while (ct.allocate(KernelObject.PROCESS, 1)) {
      forks++;
    }
    assertEquals(10, forks);
  }

  @Test
  void connections_holdTheirBuffers_andTheNextPastTcpsndbufIsRefused() {
    // Response 8 KiB: each connection holds 8192 B of tcpsndbuf (under the 16 KiB tcp_wmem
    // default), 2560 B of tcprcvbuf, 2048 B of kmemsize and one numtcpsock. tcpsndbuf 80 KiB =
    // 81920 B holds 81920 / 8192 = 10 connections; the 11th and 12th are refused.
    var ct = container(Map.of("tcpsndbuf", 81_920.0));
    for (int i = 0; i < 10; i++) {
      assertTrue(ct.openSocket(8 * KIB), "connection " + (i + 1));
    }
    assertFalse(ct.openSocket(8 * KIB));
    assertFalse(ct.openSocket(8 * KIB));
    assertEquals(81_920, counter(ct, UbcResource.TCPSNDBUF).held());
    assertEquals(2, counter(ct, UbcResource.TCPSNDBUF).failCount());
    // The refused connections left nothing behind in the other counters.
    assertEquals(10 * 2560, counter(ct, UbcResource.TCPRCVBUF).held());
    assertEquals(10 * 2048, counter(ct, UbcResource.KMEMSIZE).held());
    assertEquals(10, counter(ct, UbcResource.NUMTCPSOCK).held());
    assertEquals(0, counter(ct, UbcResource.NUMTCPSOCK).failCount());
    ct.closeSocket(8 * KIB);
    assertTrue(ct.openSocket(8 * KIB));
  }

  @Test
  void firstPackets_mayUseTheGapUpToTheLimit() {
    // A 1 KiB response still needs one 2560 B packet buffer, charged up to the limit: barrier
    // 25600 B, limit 51200 B hold 51200 / 2560 = 20 such connections. An 8 KiB response needs
    // 5632 B past its first packet, which must fit under the barrier: with 20 x 2560 = 51200 B held
    // (above the barrier) it is refused.
    var ct = container(Map.of("tcpsndbuf", 25_600.0, "tcpsndbuf-limit", 51_200.0));
    int opened = 0;
    while (ct.openSocket(KIB)) {
      opened++;
    }
    assertEquals(20, opened);
    ct.closeSocket(KIB);
    assertFalse(ct.openSocket(8 * KIB));
    assertEquals(19 * 2560, counter(ct, UbcResource.TCPSNDBUF).held());
  }

  @Test
  void numtcpsock_refusesTheSocketPastItAndCountsIt() {
    var ct = container(Map.of("numtcpsock", 3.0));
    for (int i = 0; i < 3; i++) {
      assertTrue(ct.openSocket(100));
    }
    assertFalse(ct.openSocket(100));
    assertEquals(1, counter(ct, UbcResource.NUMTCPSOCK).failCount());
    assertEquals(0, counter(ct, UbcResource.TCPSNDBUF).failCount());
    assertEquals(3 * 2048, counter(ct, UbcResource.KMEMSIZE).held());
  }

  @Test
  void privvmpages_refusesPastTheBarrierAndShowsPages() {
    // barrier 1 MiB: 256 pages. 600000 B then 448576 B fill it exactly (1048576 B); one more byte
    // is refused. Shown held: 1048576 / 4096 = 256 pages.
    var ct = container(Map.of("privvmpages", 1_048_576.0));
    assertTrue(ct.chargeAllocation(600_000));
    assertTrue(ct.chargeAllocation(448_576));
    assertFalse(ct.chargeAllocation(1));
    BeancounterFigures figures =
        ct.beancounters().stream()
            .filter(f -> f.name().equals("privvmpages"))
            .findFirst()
            .orElseThrow();
    assertEquals(new BeancounterFigures("privvmpages", 256, 256, 256, 256, 1), figures);
  }

  @Test
  void report_listsTheCountersInProcOrder_unlimitedAsTheKernelPrintsIt() {
    var ct = container(Map.of());
    var names = ct.beancounters().stream().map(BeancounterFigures::name).toList();
    assertEquals(
        java.util.List.of(
            "numproc",
            "numfile",
            "kmemsize",
            "privvmpages",
            "numtcpsock",
            "tcpsndbuf",
            "tcprcvbuf",
            "othersockbuf",
            "dgramrcvbuf",
            "numothersock"),
        names);
    assertEquals(Long.MAX_VALUE, ct.beancounters().get(2).barrier());
  }

  @Test
  void bareMetalContainers_reportNoBeancounters() {
    var hostKernel = new HostKernel(host("h", PlatformKind.BARE_METAL, 1));
    var group = new ContainerKernel("g", hostKernel, Map.of(KernelObject.PROCESS, 10L));
    assertTrue(group.beancounters().isEmpty());
  }

  @Test
  void barrierAboveLimit_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Beancounter("kmemsize", 2, 1));
    assertTrue(
        BeancounterKnobs.PAIRS
            .get(0)
            .inverted(new KnobValues(Map.of("kmemsize", 2.0, "kmemsize-limit", 1.0))));
    assertFalse(BeancounterKnobs.PAIRS.get(0).inverted(new KnobValues(Map.of("kmemsize", 2.0))));
  }

  @Test
  void udpSocket_isAnOtherSocket_andItsDatagramsChargeOthersockbufAndDgramrcvbuf() {
    // ub_sock_charge: numtcpsock for PF_INET SOCK_STREAM only, numothersock for the rest. A UDP
    // socket: numothersock 1, kmemsize 1,024 B, numtcpsock 0. Two requests answered with 8 KiB:
    // each holds one 2,560 B packet buffer in dgramrcvbuf and its 8,192 B response in
    // othersockbuf; tcpsndbuf and tcprcvbuf stay 0. Everything is given back on close.
    var ct = container(Map.of("numtcpsock", 0.0));
    assertTrue(ct.openDatagramSocket());
    assertTrue(ct.queueDatagrams(8 * KIB));
    assertTrue(ct.queueDatagrams(8 * KIB));
    assertEquals(1, counter(ct, UbcResource.NUMOTHERSOCK).held());
    assertEquals(1024, counter(ct, UbcResource.KMEMSIZE).held());
    assertEquals(2 * 8192, counter(ct, UbcResource.OTHERSOCKBUF).held());
    assertEquals(2 * 2560, counter(ct, UbcResource.DGRAMRCVBUF).held());
    assertEquals(0, counter(ct, UbcResource.NUMTCPSOCK).held());
    assertEquals(0, counter(ct, UbcResource.NUMTCPSOCK).failCount());
    assertEquals(0, counter(ct, UbcResource.TCPSNDBUF).held());
    // A TCP connection in the same container is refused by numtcpsock 0.
    assertFalse(ct.openSocket(8 * KIB));
    ct.dequeueDatagrams(8 * KIB);
    ct.dequeueDatagrams(8 * KIB);
    ct.closeDatagramSocket();
    for (UbcResource resource : UbcResource.values()) {
      assertEquals(0, counter(ct, resource).held(), resource.beancounter());
    }
  }
}
