package dev.oversold.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.testkit.Specs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Test disk derived as HostStorage does: one unit, 1 ms positioning, 40,960 ns transfer, so a
 * random 4 KiB read takes r = 1,040,960 ns of device time and the device serves them back to back;
 * 32 tags; ESXi's scheduler (start-time fair queueing by queue weight). SIOC looks every 4 s,
 * threshold 30 ms.
 */
final class StorageIoControlTest {
  private static final long GIB = 1L << 30;

  private static Hosts twoVms() {
    return new Hosts(
        Specs.host("h", "vmware", 64 * GIB, GIB, Map.of()),
        List.of(
            Specs.idleTenant("high", "h", GIB, Map.of("disk-shares", 2000.0)),
            Specs.idleTenant("low", "h", GIB, Map.of("disk-shares", 500.0))));
  }

  /** {@code depth} threads per VM issuing random reads back to back. */
  private static void load(Hosts hosts, int depth) {
    for (TenantRuntime tenant : hosts.tenants) {
      for (int i = 0; i < depth; i++) {
        loop(tenant);
      }
    }
  }

  private static void loop(TenantRuntime tenant) {
    tenant.disk().io(1, 4096, false, true, () -> loop(tenant));
  }

  private static long reads(Hosts hosts, int tenant) {
    return hosts.tenant(tenant).storage().queue().completed();
  }

  @Test
  void sioc_enforcesSharesOnlyOnceLatencyPassesTheThreshold() {
    // 64 reads outstanding per VM, 128 in all. The one unit positions a read per ms (the 40,960
    // ns transfer overlaps the next positioning): each read waits ~128 ms > 30 ms.
    // [0, 4 s): SIOC has not looked yet, both queues weigh 1. The high VM's 64 reads arrive first
    // and 32 of them fill the device's tags at once (start tags 0..31 x 4096); the low VM's then
    // get start tags from the virtual time 31 x 4096 on, so fair queueing alternates the VMs with
    // the high one 31 reads ahead, to within one.
    // [4, 8 s): SIOC applies 2000:500 shares (weights 2 and 0.5): of the 4000 reads, those in the
    // device (32) and those already tagged in the scheduler at weight 1 (at most 96) still go 1:1,
    // and the low VM first catches up the 31 reads it is behind in tag space; the rest go 4:1.
    // So the ratio lies between (0.8 x 3841 + 64) / (0.2 x 3841 + 64 + 31) = 3.63 and 4.
    Hosts hosts = twoVms();
    load(hosts, 64);
    hosts.simulation.runUntil(4 * SimTime.SECOND);
    long high4 = reads(hosts, 0);
    long low4 = reads(hosts, 1);
    assertEquals(31.0, (double) (high4 - low4), 1.0);
    hosts.simulation.runUntil(8 * SimTime.SECOND);
    double high = reads(hosts, 0) - high4;
    double low = reads(hosts, 1) - low4;
    assertTrue(high / low >= 3.63 && high / low <= 4.0, "ratio " + high / low);
    // Saturated: one read per ms.
    assertEquals(4000.0, high + low, 1.0);
  }

  @Test
  void sioc_staysOutBelowTheThreshold() {
    // 4 reads in flight per VM: 8 in all, fewer than the 32 tags, so all are in the device in
    // arrival order and each takes ~8 ms < 30 ms: shares never apply. Each completed read's
    // successor joins the device's FIFO at the tail, so the order h h h h l l l l repeats: equal
    // reads to within 4. By 8 s the device has completed floor((8 s - 1,040,960 ns) / 1 ms) + 1
    // = 7999 reads.
    Hosts hosts = twoVms();
    load(hosts, 4);
    hosts.simulation.runUntil(8 * SimTime.SECOND);
    long high = reads(hosts, 0);
    long low = reads(hosts, 1);
    assertTrue(Math.abs(high - low) <= 4, high + " vs " + low);
    assertEquals(7999, high + low);
  }
}
