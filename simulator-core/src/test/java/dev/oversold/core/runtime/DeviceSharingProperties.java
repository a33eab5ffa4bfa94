package dev.oversold.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.DiskKind;
import dev.oversold.core.model.HostSpec;
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

  /** Device time of one random 4 KiB read on the test disk: 1 ms positioning + 40,960 ns. */
  private static final long READ = 1_040_960;

  /**
   * OpenVZ containers (cfq) with random ioprio, each reading one random 4 KiB block after another,
   * on a disk WITHOUT command queueing (queue depth 1). The premise is cfq idling for a reader:
   * 2.6.32 gives a seeky sync queue no idle window on a queueing device (hw_tag from 5 tags:
   * cfq_update_idle_window), so on the test disk's 32 tags every read would end its queue's turn
   * and weights would not matter; at depth 1 the idle window stays. Then cfq gives each queue in
   * turn a sync slice of 100 ms x (7 + prio) / 11 (rounded to ns), during which only its reads
   * reach the device, back to back (the next read arrives as the last completes, inside the idle
   * window). At most three queues: low_latency scales slices only when the busy queues times the
   * 100 ms base slice exceed its 300 ms target (cfq_set_prio_slice), which three do not. A queue's
   * slice serves ceil(slice / r) reads (the last one dispatched before the slice ends runs over
   * it). The expected device time per container is counted by an independent replay of that round
   * robin over the window (reads completed by its end); the disk never delivers more than 1
   * device-second per second.
   */
  @Property(tries = 40)
  void openVzIoprio_underCfqWithoutNcq_givesDeviceTimeBySlice(
      @ForAll @Size(min = 2, max = 3) List<@IntRange(min = 0, max = 7) Integer> prios) {
    List<TenantSpec> tenants = new ArrayList<>();
    for (int i = 0; i < prios.size(); i++) {
      tenants.add(Specs.idleTenant("t" + i, "h", GIB, Map.of("ioprio", (double) prios.get(i))));
    }
    HostSpec openvz = Specs.host("h", "openvz", 64 * GIB, GIB, Map.of());
    HostSpec.Disk noNcq =
        new HostSpec.Disk(
            Specs.DISK.iops(),
            Specs.DISK.bandwidthBytesPerSecond(),
            Specs.DISK.latency(),
            DiskKind.DERIVED,
            1,
            null);
    Hosts hosts =
        new Hosts(
            new HostSpec(
                openvz.name(),
                openvz.platform(),
                openvz.cpu(),
                openvz.memory(),
                noNcq,
                openvz.network(),
                openvz.options()),
            tenants);
    for (TenantRuntime tenant : hosts.tenants) {
      tenant.disk().io(100_000, 4096, false, true, () -> {});
    }
    hosts.simulation.runUntil(WINDOW);
    long[] expected = new long[prios.size()];
    long t = 0;
    while (t < WINDOW) {
      for (int i = 0; i < prios.size() && t < WINDOW; i++) {
        long slice =
            Math.round(100 * SimTime.MILLISECOND * SharedKernelIo.ioprioWeight(prios.get(i)));
        long reads = (slice + READ - 1) / READ;
        for (long k = 0; k < reads && t + READ <= WINDOW; k++) {
          expected[i] += READ;
          t += READ;
        }
        if (t + READ > WINDOW) {
          t = WINDOW;
        }
      }
    }
    double total = 0;
    for (int i = 0; i < prios.size(); i++) {
      long got = hosts.tenant(i).storage().queue().serviceNanos();
      total += got;
      assertEquals(expected[i], got, "container " + i + " prios " + prios);
    }
    assertTrue(total <= WINDOW);
  }

  /**
   * KVM VMs with random io.weight under the default mq-deadline (host CPU per I/O off), each
   * reading one random block after another: mq-deadline has no weights [block/mq-deadline.c], and
   * with fewer streams than the 32 tags every read goes straight into the device's FIFO, so the VMs
   * take turns: equal numbers of reads to within one, whatever the weights. The one unit positions
   * a read per ms and the channel's 40,960 ns overlap the next positioning, so by 2 s the device
   * has completed floor((2 s - 1,040,960 ns) / 1 ms) + 1 = 1999 reads, no more.
   */
  @Property(tries = 40)
  void kvmIoWeight_underMqDeadline_changesNothing(
      @ForAll @Size(min = 2, max = 5) List<@IntRange(min = 1, max = 10_000) Integer> weights) {
    List<TenantSpec> tenants = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      tenants.add(
          Specs.idleTenant("t" + i, "h", GIB, Map.of("io.weight", (double) weights.get(i))));
    }
    Hosts hosts = new Hosts(Specs.host("h", "kvm", 64 * GIB, GIB, Map.of("io-cpu", 0.0)), tenants);
    for (TenantRuntime tenant : hosts.tenants) {
      tenant.disk().io(100_000, 4096, false, true, () -> {});
    }
    hosts.simulation.runUntil(WINDOW);
    long total = 0;
    long first = hosts.tenant(0).storage().queue().completed();
    for (int i = 0; i < weights.size(); i++) {
      long got = hosts.tenant(i).storage().queue().completed();
      total += got;
      assertTrue(Math.abs(first - got) <= 1, "VM " + i + ": " + got + " vs " + first);
    }
    assertEquals((WINDOW - READ) / SimTime.MILLISECOND + 1, total);
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
      // Without a congestion window, so that every VM is backlogged from the start (a response's
      // slow start would leave the NIC to whoever ramps first): what is measured is the DRR.
      tenant.tenantNetwork().sendWithoutWindow(10L << 30, () -> {});
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
