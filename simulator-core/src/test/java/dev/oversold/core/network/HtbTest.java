package dev.oversold.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.engine.Simulation;
import org.junit.jupiter.api.Test;

final class HtbTest {
  private static final long TWO_SECONDS = SimDuration.ofSeconds(2).nanos();

  /** Offers 1500-byte packets from {@code flow} every {@code gapNanos} for two seconds. */
  private static void offer(Simulation simulation, TxPath path, Flow flow, long gapNanos) {
    for (long t = 0; t < TWO_SECONDS; t += gapNanos) {
      simulation.schedule(t, () -> path.send(new Frame(flow, 1500, f -> {})));
    }
  }

  @Test
  void shapedClass_keepsItsRateAgainstAFloodAndTheFloodTakesTheRest() {
    // Link 1 Gbit/s: 1538 wire bytes per 1500-byte packet, so 81,274 packets/s, 121.9 MB/s of
    // packets. Both classes: rate 50 MB/s, ceil 125 MB/s. b offers 20,000 packets/s (30 MB/s,
    // under its rate): it loses nothing. a floods at twice line rate and gets what is left:
    // 81,274 - 20,000 = 61,274 packets/s.
    Simulation simulation = new Simulation();
    Htb htb = new Htb(1000);
    Flow a = new Flow("a");
    Flow b = new Flow("b");
    htb.addClass(a, new Htb.ClassSpec(50e6, 125e6, 15_140));
    htb.addClass(b, new Htb.ClassSpec(50e6, 125e6, 15_140));
    TxPath path = new TxPath(simulation, htb, null, 64, 1e9, 1500);
    offer(simulation, path, a, 6_152);
    offer(simulation, path, b, 50_000);
    // One more millisecond lets b's last packets cross the ring (64 of a's frames, 0.79 ms).
    simulation.runUntil(TWO_SECONDS + 1_000_000);
    assertEquals(0, b.dropped());
    assertEquals(40_000, b.delivered());
    assertEquals(61_274 * 2.0, a.delivered(), 61_274 * 2 * 0.01);
  }

  @Test
  void ceil_capsAClassEvenOnAnIdleLink() {
    // One class, rate 10 MB/s, ceil 20 MB/s (HTB bytes: packet + 14-byte header = 1514), burst
    // 15,140 bytes: over two seconds it sends 2 x 20e6 / 1514 = 26,420 packets, plus the burst's
    // 10 packets.
    Simulation simulation = new Simulation();
    Htb htb = new Htb(100_000);
    Flow a = new Flow("a");
    htb.addClass(a, new Htb.ClassSpec(10e6, 20e6, 15_140));
    TxPath path = new TxPath(simulation, htb, null, 64, 1e9, 1500);
    offer(simulation, path, a, 12_304);
    simulation.runUntil(TWO_SECONDS);
    assertEquals(26_430.0, a.delivered(), 3.0);
  }

  @Test
  void everyClassGetsAtLeastItsRateWhenAllFlood() {
    // Rates 80 and 20 MB/s of HTB bytes (79.3 and 19.8 MB/s of 1500-byte packets), both flood:
    // the guarantees hold; the spare 22 MB/s is lent out.
    Simulation simulation = new Simulation();
    Htb htb = new Htb(1000);
    Flow a = new Flow("a");
    Flow b = new Flow("b");
    htb.addClass(a, new Htb.ClassSpec(80e6, 125e6, 15_140));
    htb.addClass(b, new Htb.ClassSpec(20e6, 125e6, 15_140));
    TxPath path = new TxPath(simulation, htb, null, 64, 1e9, 1500);
    offer(simulation, path, a, 6_152);
    offer(simulation, path, b, 6_152);
    simulation.runUntil(TWO_SECONDS);
    assertTrue(a.deliveredBytes() / 2.0 >= 79.3e6 * 0.99, "a: " + a.deliveredBytes() / 2.0);
    assertTrue(b.deliveredBytes() / 2.0 >= 19.8e6 * 0.99, "b: " + b.deliveredBytes() / 2.0);
  }
}
