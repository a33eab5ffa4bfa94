package dev.oversold.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.testkit.Specs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Test disk: 1000 IOPS, 100 us latency; SIOC looks every 4 s, threshold 30 ms. */
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

  @Test
  void sioc_enforcesSharesOnlyOnceLatencyPassesTheThreshold() {
    // 64 reads in flight per VM, 128 in all at 1000 IOPS: each read takes ~128 ms > 30 ms.
    // [0, 4 s): SIOC has not looked yet, both VMs alike. At 4 s it sees congestion and applies
    // 2000:500 shares: in [4, 8 s) the device splits 4:1 (0.8 and 0.2 of each second), to within
    // the 100 us latency gaps when a VM's reads, processor-shared, finish together.
    Hosts hosts = twoVms();
    load(hosts, 64);
    hosts.simulation.runUntil(4 * SimTime.SECOND);
    double high4 = hosts.tenant(0).diskShare().allocatedWork();
    double low4 = hosts.tenant(1).diskShare().allocatedWork();
    assertEquals(1.0, high4 / low4, 1e-9);
    hosts.simulation.runUntil(8 * SimTime.SECOND);
    double high = hosts.tenant(0).diskShare().allocatedWork() - high4;
    double low = hosts.tenant(1).diskShare().allocatedWork() - low4;
    assertEquals(4.0, high / low, 0.05);
    assertEquals(4.0, high + low, 0.05); // saturated but for the 100 us latency gaps
  }

  @Test
  void sioc_staysOutBelowTheThreshold() {
    // 4 reads in flight per VM: 8 in all, ~8 ms per read < 30 ms: shares never apply and the
    // device is split evenly between the VMs, whatever their shares.
    Hosts hosts = twoVms();
    load(hosts, 4);
    hosts.simulation.runUntil(8 * SimTime.SECOND);
    double high = hosts.tenant(0).diskShare().allocatedWork();
    double low = hosts.tenant(1).diskShare().allocatedWork();
    assertEquals(1.0, high / low, 1e-9);
    assertEquals(8.0, high + low, 0.15);
  }
}
