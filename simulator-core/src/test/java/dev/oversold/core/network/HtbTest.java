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

  @Test
  void quantum_isTheRateOverR2qWithinSchHtbsBounds() {
    // htb_change_class: quantum = rate_bytes_ps / r2q (10), then 1,000 if below, 200,000 if above.
    assertEquals(12_500, Htb.quantum(125_000)); // 1 Mbit/s: 125,000 / 10
    assertEquals(1_000, Htb.quantum(5_000)); // 500 B, raised to 1,000
    assertEquals(200_000, Htb.quantum(50e6)); // 5,000,000, lowered to 200,000
  }

  @Test
  void spareCapacity_isLentByBytesNotByPackets() {
    // Link 10 Mbit/s = 1.25e6 wire B/s. Two classes, rate 200,000 B/s each (quantum 20,000 B),
    // ceil 2.5e6 (twice the link, so the ceil bucket never cuts a turn short while the ring fills
    // ahead of the wire), burst 15,140; both flood. a sends 1500 B packets (1514 HTB bytes, 1538 on
    // the
    // wire), b 300 B packets (314 and 338).
    // On their own rates: a 200,000 / 1514 = 132.10 packets/s (203,170 wire B/s), b 200,000 / 314
    // = 636.94 packets/s (215,287 wire B/s). Spare wire: 1.25e6 - 418,457 = 831,543 B/s.
    // Borrowing is DRR with equal quanta, so equal HTB bytes X each:
    // X (1538/1514 + 338/314) = 2.092285 X = 831,543, X = 397,433 B/s.
    // a: (200,000 + 397,433) / 1514 = 394.61 packets/s; b: 597,433 / 314 = 1,902.65 packets/s.
    // (Round robin by packet would lend 831,543 / (1538 + 338) = 443.25 packets/s to each:
    // a 575.35, b 1,080.19.) Over 10 s, within 1 % (a DRR turn is 20,000 B, 0.3 % of a's bytes).
    Simulation simulation = new Simulation();
    Htb htb = new Htb(1000);
    Flow a = new Flow("a");
    Flow b = new Flow("b");
    htb.addClass(a, new Htb.ClassSpec(200_000, 2.5e6, 15_140));
    htb.addClass(b, new Htb.ClassSpec(200_000, 2.5e6, 15_140));
    TxPath path = new TxPath(simulation, htb, null, 64, 10e6, 1500);
    long tenSeconds = SimDuration.ofSeconds(10).nanos();
    // Each offers more than the link: a 1,000 packets/s, b 4,000 packets/s.
    for (long t = 0; t < tenSeconds; t += 1_000_000) {
      simulation.schedule(t, () -> path.send(new Frame(a, 1500, f -> {})));
    }
    for (long t = 0; t < tenSeconds; t += 250_000) {
      simulation.schedule(t, () -> path.send(new Frame(b, 300, f -> {})));
    }
    simulation.runUntil(tenSeconds);
    assertEquals(3_946.1, a.delivered(), 3_946.1 * 0.01);
    assertEquals(19_026.5, b.delivered(), 19_026.5 * 0.01);
  }

  @Test
  void spareCapacity_isLentInProportionToTheQuanta() {
    // Link 10 Mbit/s, both classes send 1500 B packets (1514 HTB bytes, 1538 on the wire) and
    // flood for 30 s. Rates 100,000 and 500,000 B/s: quanta 10,000 and 50,000 B (rate / 10), so
    // borrowed bytes split 1 : 5. Ceil 2.5e6 (never binds), burst 60,560 B (both buckets start
    // full, so each class sends its burst once on its own rate on top of rate x 30 s).
    // The link carries 1.25e6 / 1538 x 30 = 24,382.3 packets = 36,914,824 HTB bytes. Own rates:
    // a 3,060,560, b 15,060,560; lent: 18,793,704, a 3,132,284 and b 15,661,420.
    // a: 6,192,844 / 1514 = 4,090.4 packets; b: 30,721,980 / 1514 = 20,291.9.
    // (Lent by packet, 6,206.6 each: a 8,228, b 16,154.) Within 1 %: DRR's start-up while the
    // ring fills gives a a few extra 10,000 B turns (measured 3 over 30 s, 0.5 %).
    Simulation simulation = new Simulation();
    Htb htb = new Htb(1000);
    Flow a = new Flow("a");
    Flow b = new Flow("b");
    htb.addClass(a, new Htb.ClassSpec(100_000, 2.5e6, 60_560));
    htb.addClass(b, new Htb.ClassSpec(500_000, 2.5e6, 60_560));
    TxPath path = new TxPath(simulation, htb, null, 64, 10e6, 1500);
    long thirtySeconds = SimDuration.ofSeconds(30).nanos();
    for (long t = 0; t < thirtySeconds; t += 1_000_000) {
      simulation.schedule(t, () -> path.send(new Frame(a, 1500, f -> {})));
      simulation.schedule(t, () -> path.send(new Frame(b, 1500, f -> {})));
    }
    simulation.runUntil(thirtySeconds);
    assertEquals(4_090.4, a.delivered(), 4_090.4 * 0.01);
    assertEquals(20_291.9, b.delivered(), 20_291.9 * 0.01);
  }
}
