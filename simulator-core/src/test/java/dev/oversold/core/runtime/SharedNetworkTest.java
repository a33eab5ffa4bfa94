package dev.oversold.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.testkit.Specs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Test NIC: 125 MB/s, 50 us latency. */
final class SharedNetworkTest {
  private static final long GIB = 1L << 30;
  private static final long MB = 1_000_000;

  private static long victimDone(String platform, Map<String, Double> options) {
    Hosts hosts =
        new Hosts(
            Specs.host("h", platform, 16 * GIB, GIB, options),
            List.of(
                Specs.idleTenant("flood", "h", GIB, Map.of()),
                Specs.idleTenant("victim", "h", GIB, Map.of())));
    for (int i = 0; i < 3; i++) {
      hosts.tenant(0).network().send(MB, () -> {});
    }
    long[] doneAt = {-1};
    hosts.tenant(1).network().send(MB, () -> doneAt[0] = hosts.simulation.now());
    hosts.simulation.runUntil(SimTime.SECOND);
    return doneAt[0];
  }

  @Test
  void openVzStack_withoutShapingSharesPerTransferSoAFloodTakesMost() {
    // One kernel queue, four 1 MB transfers in it (3 flood, 1 victim), packet CPU off: each gets
    // 125/4 MB/s, all end at 4 MB / 125 MB/s = 32 ms; + 50 us latency.
    assertEquals(
        32 * SimTime.MILLISECOND + 50 * SimTime.MICROSECOND,
        victimDone("openvz", Map.of("net-packet-cpu", 0.0)),
        2.0);
  }

  @Test
  void vmNics_arePerTenantSoTheVictimKeepsHalf() {
    // VMware NIOC: one share per VM, equal weights: the victim gets 62.5 MB/s while the flood is
    // busy, so its 1 MB ends at 16 ms; + 50 us latency.
    assertEquals(
        16 * SimTime.MILLISECOND + 50 * SimTime.MICROSECOND, victimDone("vmware", Map.of()), 2.0);
  }

  private static long shapedSendDone(long bytes) {
    // Xen vif rate=12.5 MB/s (100 Mbit/s), netback CPU off so only the NIC counts.
    Hosts hosts =
        new Hosts(
            Specs.host("h", "xen", 16 * GIB, GIB, Map.of("netback-cpu", 0.0)),
            List.of(Specs.idleTenant("shaped", "h", GIB, Map.of("rate", 12.5e6))));
    long[] doneAt = {-1};
    hosts.tenant(0).network().send(bytes, () -> doneAt[0] = hosts.simulation.now());
    hosts.simulation.runUntil(SimTime.SECOND);
    return doneAt[0];
  }

  @Test
  void rateLimit_letsABurstWithinItsCreditGoAtLineRate() {
    // Credit per 50 ms interval: 12.5e6 x 0.05 = 625,000 B. A 500 kB response fits: it leaves at
    // the line rate, 500e3 / 125e6 = 4 ms, + 50 us latency (a fluid cap would take 40 ms).
    assertEquals(4_050 * SimTime.MICROSECOND, shapedSendDone(500_000), 2.0);
  }

  @Test
  void rateLimit_pastItsCreditWaitsForTheNextInterval() {
    // 1 MB: the first 625,000 B go at line rate (5 ms), the credit is spent, the vif waits for
    // the next interval at 50 ms, the other 375,000 B take 3 ms: 53 ms + 50 us latency.
    assertEquals(53_050 * SimTime.MICROSECOND, shapedSendDone(1_000_000), 2.0);
  }
}
