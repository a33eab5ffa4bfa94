package dev.oversold.core.kernel;

import static dev.oversold.core.fixtures.Scenarios.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.KnobValues;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.result.BeancounterFigures;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

final class BeancounterProperties {
  /** One step of a container's life: fork, exit, open a file, open or close a connection. */
  enum Op {
    FORK,
    EXIT,
    OPEN_FILE,
    CLOSE_FILE,
    CONNECT,
    DISCONNECT,
    ALLOCATE,
    FREE
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    return Arbitraries.of(Op.class).list().ofMinSize(1).ofMaxSize(400);
  }

  @Provide
  Arbitrary<Map<String, Double>> knobs() {
    Arbitrary<Double> small = Arbitraries.longs().between(0, 400_000).map(Long::doubleValue);
    Arbitrary<Double> gap = Arbitraries.longs().between(0, 100_000).map(Long::doubleValue);
    return net.jqwik.api.Combinators.combine(
            small, gap, small, gap, Arbitraries.integers().between(0, 40))
        .as(
            (kmem, kmemGap, snd, sndGap, sockets) -> {
              Map<String, Double> knobs = new HashMap<>();
              knobs.put("kmemsize", kmem);
              knobs.put("kmemsize-limit", kmem + kmemGap);
              knobs.put("tcpsndbuf", snd);
              knobs.put("tcpsndbuf-limit", snd + sndGap);
              knobs.put("tcprcvbuf", snd / 2);
              knobs.put("numtcpsock", sockets.doubleValue());
              knobs.put("privvmpages", kmem * 10);
              return knobs;
            });
  }

  /**
   * Whatever a container does, no counter holds more than its limit, failcnt never goes down, and
   * once everything is given back every counter holds nothing.
   */
  @Property(tries = 300)
  void heldNeverAboveLimit_failcntMonotone_allReturned(
      @ForAll("ops") List<Op> ops, @ForAll("knobs") Map<String, Double> knobs) {
    var hostKernel = new HostKernel(host("h", PlatformKind.OPENVZ, 1));
    var ct =
        new ContainerKernel(
            "ct",
            hostKernel,
            Map.of(KernelObject.PROCESS, 30L, KernelObject.FILE, 50L),
            Beancounters.of("ct", new KnobValues(knobs)));
    int processes = 0;
    int files = 0;
    ArrayDeque<Long> connections = new ArrayDeque<>();
    ArrayDeque<Long> allocations = new ArrayDeque<>();
    List<Long> failcnts = failcnts(ct);
    long step = 0;
    for (Op op : ops) {
      step++;
      long size = 1 + (step * 7919) % 20_000;
      switch (op) {
        case FORK -> processes += ct.allocate(KernelObject.PROCESS, 1) ? 1 : 0;
        case EXIT -> {
          if (processes > 0) {
            ct.release(KernelObject.PROCESS, 1);
            processes--;
          }
        }
        case OPEN_FILE -> files += ct.allocate(KernelObject.FILE, 2) ? 2 : 0;
        case CLOSE_FILE -> {
          if (files > 0) {
            ct.release(KernelObject.FILE, 2);
            files -= 2;
          }
        }
        case CONNECT -> {
          if (ct.openSocket(size)) {
            connections.push(size);
          }
        }
        case DISCONNECT -> {
          if (!connections.isEmpty()) {
            ct.closeSocket(connections.pop());
          }
        }
        case ALLOCATE -> {
          if (ct.chargeAllocation(size * 100)) {
            allocations.push(size * 100);
          }
        }
        case FREE -> {
          if (!allocations.isEmpty()) {
            ct.unchargeAllocation(allocations.pop());
          }
        }
      }
      for (BeancounterFigures f : ct.beancounters()) {
        assertTrue(f.held() <= f.limit(), f.toString());
      }
      ct.ubc().checkInvariants();
      List<Long> now = failcnts(ct);
      for (int i = 0; i < now.size(); i++) {
        assertTrue(now.get(i) >= failcnts.get(i), "failcnt went down: " + failcnts + " " + now);
      }
      failcnts = now;
    }
    ct.release(KernelObject.PROCESS, processes);
    ct.release(KernelObject.FILE, files);
    connections.forEach(ct::closeSocket);
    allocations.forEach(ct::unchargeAllocation);
    for (BeancounterFigures f : ct.beancounters()) {
      assertEquals(0, f.held(), f.toString());
    }
  }

  private static List<Long> failcnts(ContainerKernel ct) {
    List<Long> counts = new ArrayList<>();
    for (BeancounterFigures f : ct.beancounters()) {
      counts.add(f.failCount());
    }
    return counts;
  }
}
