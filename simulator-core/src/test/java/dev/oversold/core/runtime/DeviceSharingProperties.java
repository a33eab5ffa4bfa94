package dev.oversold.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.platform.io.SharedKernelIo;
import dev.oversold.core.testkit.Specs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

final class DeviceSharingProperties {
  private static final long GIB = 1L << 30;
  private static final long WINDOW = 2 * SimTime.SECOND;

  /**
   * OpenVZ containers with random ioprio, each with a backlog that outlasts the window: the disk
   * delivers at most its capacity (1 device-second per second) and each container gets its CFQ
   * weight's share, (7 + prio) / 11 over the sum.
   */
  @Property(tries = 60)
  void openVzIoprio_givesProportionalDeviceTimeWithinCapacity(
      @ForAll @Size(min = 2, max = 5) List<@IntRange(min = 0, max = 7) Integer> prios) {
    List<TenantSpec> tenants = new ArrayList<>();
    for (int i = 0; i < prios.size(); i++) {
      tenants.add(Specs.idleTenant("t" + i, "h", GIB, Map.of("ioprio", (double) prios.get(i))));
    }
    Hosts hosts = new Hosts(Specs.host("h", "openvz", 64 * GIB, GIB, Map.of()), tenants);
    for (TenantRuntime tenant : hosts.tenants) {
      tenant.disk().io(100_000, 4096, false, true, () -> {});
    }
    hosts.simulation.runUntil(WINDOW);
    double total = 0;
    double weights = 0;
    for (int prio : prios) {
      weights += SharedKernelIo.ioprioWeight(prio);
    }
    for (int i = 0; i < prios.size(); i++) {
      double got = hosts.tenant(i).diskShare().allocatedWork();
      total += got;
      double expected =
          SimTime.toSeconds(WINDOW) * SharedKernelIo.ioprioWeight(prios.get(i)) / weights;
      assertEquals(expected, got, 1e-9 * SimTime.toSeconds(WINDOW));
    }
    assertTrue(total <= SimTime.toSeconds(WINDOW) * (1 + 1e-12));
  }

  /**
   * KVM VMs with random io.weight (host CPU per I/O off): proportional device time, within
   * capacity.
   */
  @Property(tries = 60)
  void kvmIoWeight_givesProportionalDeviceTimeWithinCapacity(
      @ForAll @Size(min = 2, max = 5) List<@IntRange(min = 1, max = 10_000) Integer> weights) {
    List<TenantSpec> tenants = new ArrayList<>();
    double sum = 0;
    for (int i = 0; i < weights.size(); i++) {
      tenants.add(
          Specs.idleTenant("t" + i, "h", GIB, Map.of("io.weight", (double) weights.get(i))));
      sum += weights.get(i);
    }
    Hosts hosts = new Hosts(Specs.host("h", "kvm", 64 * GIB, GIB, Map.of("io-cpu", 0.0)), tenants);
    for (TenantRuntime tenant : hosts.tenants) {
      tenant.disk().io(100_000, 4096, false, true, () -> {});
    }
    hosts.simulation.runUntil(WINDOW);
    double total = 0;
    for (int i = 0; i < weights.size(); i++) {
      double got = hosts.tenant(i).diskShare().allocatedWork();
      total += got;
      assertEquals(
          SimTime.toSeconds(WINDOW) * weights.get(i) / sum, got, 1e-9 * SimTime.toSeconds(WINDOW));
    }
    assertTrue(total <= SimTime.toSeconds(WINDOW) * (1 + 1e-12));
  }

  /**
   * ESXi VMs with random NIOC shares flooding the NIC: the uplink never carries more than its line
   * rate and each VM gets its shares' part of what it carried, within what weighted DRR allows: one
   * segment per VM (65,549 B with its header) plus the ring filled before the first round (256
   * frames of 1,538 B).
   */
  @Property(tries = 30)
  void niocShares_divideTheNicWithinItsLineRate(
      @ForAll @Size(min = 2, max = 5) List<@IntRange(min = 1, max = 100) Integer> shares) {
    List<TenantSpec> tenants = new ArrayList<>();
    double sum = 0;
    for (int i = 0; i < shares.size(); i++) {
      tenants.add(
          Specs.idleTenant("t" + i, "h", GIB, Map.of("nioc-shares", (double) shares.get(i))));
      sum += shares.get(i);
    }
    Hosts hosts = new Hosts(Specs.host("h", "vmware", 64 * GIB, GIB, Map.of()), tenants);
    for (TenantRuntime tenant : hosts.tenants) {
      tenant.network().send(10L << 30, () -> {});
    }
    hosts.simulation.runUntil(WINDOW);
    double line = Specs.NIC.bandwidthBytesPerSecond() * SimTime.toSeconds(WINDOW);
    double total = 0;
    for (TenantRuntime tenant : hosts.tenants) {
      total += tenant.tenantNetwork().transmitFlow().deliveredBytes();
    }
    assertTrue(total <= line * (1 + 1e-12));
    double slack = 65_549 + 256 * 1538;
    for (int i = 0; i < shares.size(); i++) {
      double got = hosts.tenant(i).tenantNetwork().transmitFlow().deliveredBytes();
      assertEquals(total * shares.get(i) / sum, got, slack, "tenant " + i);
    }
  }
}
