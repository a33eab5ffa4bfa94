package dev.oversold.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.engine.Simulation;
import org.junit.jupiter.api.Test;

final class RxPathTest {
  @Test
  void receiveFlood_dropsAtTheRingOnceTheSoftirqFallsBehind() {
    // Minimum-size frames (46-byte packets, 64-byte frames, 84 bytes on the wire) back to back at
    // 1 Gbit/s arrive every 672 ns, 1.488 Mpps. The softirq costs 1 us a frame, 1 Mpps. The k-th
    // frame arrives at 672 k ns; the k-th processed finishes at 672 + 1000 k ns. By 10,000,672 ns
    // all 14,881 have arrived and 10,000 are processed; the completion at that instant has just
    // taken the next frame off the full ring, so one is being processed and 255 wait:
    // 14,881 - 10,000 - 1 - 255 = 4,625 were dropped.
    Simulation simulation = new Simulation();
    PacketCpu softirq = new PacketCpu(simulation, 1000, 0, 1, 256);
    RxPath rx = new RxPath(simulation, softirq, 1e9, 1500);
    Flow flood = new Flow("flood");
    for (int i = 0; i < 14_881; i++) {
      rx.receive(new Frame(flood, 46, f -> {}));
    }
    simulation.runUntil(SimDuration.ofMillis(10).nanos() + 672);
    assertEquals(10_000, flood.delivered());
    assertEquals(4_625, flood.dropped());
  }

  @Test
  void aWireTooSlowForOneFrame_neverDeliversInsteadOfWrapping() {
    // 1e-300 bit/s: one 1,500-byte frame would take ~1.2e304 s, past the end of time (2^63 ns).
    // Two frames used to wrap the second's arrival time to a negative instant ("cannot schedule
    // at -9223372036854725809 ns"); now both wait for NEVER and nothing is delivered in a second.
    Simulation simulation = new Simulation();
    PacketCpu softirq = new PacketCpu(simulation, 1000, 0, 1, 256);
    RxPath rx = new RxPath(simulation, softirq, 1e-300, 1500);
    Flow flow = new Flow("slow");
    rx.receive(new Frame(flow, 1500, f -> {}));
    rx.receive(new Frame(flow, 1500, f -> {}));
    simulation.runUntil(SimDuration.ofSeconds(1).nanos());
    assertEquals(0, flow.delivered());
    assertEquals(Long.MAX_VALUE, rx.wireBusyNanos());
  }
}
