package dev.oversold.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.engine.Simulation;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class TxPathTest {
  private static final double GIGABIT = 1e9;

  /** Sums the queueing-plus-wire delay of delivered frames. */
  private static final class Delay implements Frame.Outcome {
    private final Simulation simulation;
    long delivered;
    long dropped;
    double totalSeconds;

    Delay(Simulation simulation) {
      this.simulation = simulation;
    }

    @Override
    public void delivered(Frame frame) {
      delivered++;
      totalSeconds += (simulation.now() - frame.enqueuedAt()) / 1e9;
    }

    @Override
    public void dropped(Frame frame) {
      dropped++;
    }

    double meanSeconds() {
      return totalSeconds / delivered;
    }
  }

  @Test
  void wire_takesFrameWithOverheadAtLineRate() {
    // 1500-byte packet: 1500 + 38 bytes of preamble, gap, header and FCS = 12,304 ns at 1 Gbit/s;
    // a 64-byte packet is padded to 46 + 38 = 84 bytes: 672 ns.
    Frame big = new Frame(new Flow("f"), 1500, f -> {});
    Frame small = new Frame(new Flow("f"), 64, f -> {});
    assertEquals(1538, big.wireBytes(1500));
    assertEquals(102, small.wireBytes(1500));
    assertEquals(84, new Frame(new Flow("f"), 20, f -> {}).wireBytes(1500));
  }

  @Test
  void fifoPath_matchesMd1() {
    // Poisson 1500-byte packets at rho = 0.8 of 1 Gbit/s; service D = 12.304 us constant.
    // Pollaczek-Khinchine: Wq = rho D / (2 (1 - rho)) = 2 D; sojourn W = 3 D = 36.912 us. The ring
    // is FIFO after a FIFO qdisc, so the whole path is one M/D/1 queue.
    Simulation simulation = new Simulation();
    TxPath path = new TxPath(simulation, new PfifoFast(100_000), null, 256, GIGABIT, 1500);
    Delay delay = new Delay(simulation);
    Flow flow = new Flow("f");
    SplittableRandom random = new SplittableRandom(5);
    double lambda = 0.8 / 12.304e-6;
    long t = 0;
    for (int i = 0; i < 300_000; i++) {
      t += Math.round(-Math.log(1 - random.nextDouble()) / lambda * 1e9);
      simulation.schedule(t, () -> path.send(new Frame(flow, 1500, delay)));
    }
    simulation.runUntil(Long.MAX_VALUE / 2);
    assertEquals(300_000, delay.delivered);
    assertEquals(36.912e-6, delay.meanSeconds(), 36.912e-6 * 0.03);
  }

  @Test
  void fullRingAndQueue_dropTheRest() {
    // 1,300 frames at once: 256 fill the ring, 1,000 the pfifo_fast queue, 44 are dropped.
    Simulation simulation = new Simulation();
    TxPath path = new TxPath(simulation, new PfifoFast(1000), null, 256, GIGABIT, 1500);
    Flow flow = new Flow("f");
    for (int i = 0; i < 1300; i++) {
      path.send(new Frame(flow, 1500, f -> {}));
    }
    assertEquals(44, flow.dropped());
    simulation.runUntil(SimDuration.ofSeconds(1).nanos());
    assertEquals(1256, flow.delivered());
  }

  @Test
  void packetCpu_capsSmallPacketRate() {
    // Minimum-size frames (46-byte packets: 84 bytes on the wire) offered every 500 ns for 10 ms
    // (20,000 frames, 2 Mpps); the stack costs
    // 1 us a packet on one core, so it passes 1 Mpps although the wire could take 1.49 Mpps
    // (672 ns a frame). Frames leave the CPU at 1, 2, ... us and the wire 672 ns later: by 10 ms,
    // 9,999 delivered. The backlog grows one frame a microsecond until it holds 1,000; the
    // remainder, 20,000 - 10,000 processed or in progress - 1,000 waiting = 9,000, are dropped.
    Simulation simulation = new Simulation();
    PacketCpu cpu = new PacketCpu(simulation, 1000, 0, 1, 1000);
    TxPath path = new TxPath(simulation, new PfifoFast(1000), cpu, 256, GIGABIT, 1500);
    Flow flow = new Flow("flood");
    for (int i = 0; i < 20_000; i++) {
      simulation.schedule(i * 500L, () -> path.send(new Frame(flow, 46, f -> {})));
    }
    simulation.runUntil(SimDuration.ofMillis(10).nanos());
    assertEquals(9_999, flow.delivered());
    assertEquals(9_000.0, flow.dropped(), 2.0);
  }

  private record Thin(double meanDelayS, double lossFraction) {}

  /** A flood offered at 1.2 Gbit/s and a thin flow (100-byte packets every 10 ms), 3 s. */
  private static Thin thinFlowBehindFlood(Qdisc qdisc) {
    Simulation simulation = new Simulation();
    TxPath path = new TxPath(simulation, qdisc, null, 256, GIGABIT, 1500);
    Flow flood = new Flow("flood");
    Flow thin = new Flow("thin");
    long floodGap = Math.round(12_304 / 1.2);
    long end = SimDuration.ofSeconds(3).nanos();
    for (long t = 0; t < end; t += floodGap) {
      simulation.schedule(t, () -> path.send(new Frame(flood, 1500, f -> {})));
    }
    Delay delay = new Delay(simulation);
    long[] sent = new long[1];
    // The thin flow starts after 1 s, once the flood has filled every queue.
    for (long t = SimDuration.ofSeconds(1).nanos() + 1; t < end; t += 10_000_000L) {
      simulation.schedule(
          t,
          () -> {
            sent[0]++;
            path.send(new Frame(thin, 100, delay));
          });
    }
    simulation.runUntil(end + SimDuration.ofSeconds(1).nanos());
    return new Thin(delay.meanSeconds(), delay.dropped / (double) sent[0]);
  }

  @Test
  void pfifoFast_putsEveryoneBehindTheFlood() {
    // The shared FIFO stays full: a thin packet that gets in waits for 1,000 queued frames and the
    // 256 in the ring, 1,256 x 12.304 us = 15.45 ms; most arrive to a full queue and are dropped.
    Thin thin = thinFlowBehindFlood(new PfifoFast(1000));
    assertEquals(15.45e-3, thin.meanDelayS(), 15.45e-3 * 0.03);
    assertTrue(thin.lossFraction() > 0.2, "thin flow loss " + thin.lossFraction());
  }

  @Test
  void fqCodel_letsAThinFlowPastTheFlood() {
    // The thin flow's queue is new each time, so it goes first: it waits only for the ring,
    // 256 x 12.304 us = 3.15 ms, and loses nothing (the flood's own queue takes the drops).
    Thin thin = thinFlowBehindFlood(new FqCodel(FqCodel.DEFAULT_LIMIT, 1500));
    assertEquals(3.15e-3, thin.meanDelayS(), 3.15e-3 * 0.05);
    assertEquals(0, thin.lossFraction());
  }
}
