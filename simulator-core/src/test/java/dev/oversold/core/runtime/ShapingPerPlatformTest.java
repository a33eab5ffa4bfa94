package dev.oversold.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.PlanSpec;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.network.Flow;
import dev.oversold.core.testkit.Specs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A tenant shaped to R = 10 Mbit/s (1.25 MB/s) by its plan floods 900 datagrams of 1,000 B at once,
 * on each platform's host path: it gets at most R x T plus the burst over any window from the start
 * T, and it does get R (the last packet is through when the bucket says). Where the limit sits:
 *
 * <ul>
 *   <li>KVM: libvirt {@code <bandwidth>} on the tap, a token bucket both ways;
 *   <li>Xen: the vif {@code rate}, netback's transmit credit: sending only;
 *   <li>ESXi: standard vSwitch traffic shaping, outbound only;
 *   <li>OpenVZ: tc HTB classes on the host's NIC (rate = ceil = R) once a plan limits the network
 *       (off by default), and a token bucket on venet for what a container receives.
 * </ul>
 *
 * <p>Token bucket (TokenBucketStage): it holds R x 50 ms = 62,500 B and starts full; a packet
 * leaves whenever the bucket is above zero and may take it below. So 62 packets leave at once
 * (62,000 B, 500 left), a 63rd takes it to -500, and from then on one packet every 1,000 B / R =
 * 800 us: the first of them when the -500 are paid back, 400 us in. The 900th packet (the 837th
 * after the first 63) leaves 400 us + 836 x 800 us = 669.2 ms after the burst reached the bucket.
 * Before then, by time T after the start, at most 62,500 + 1,000 + R x T bytes have left.
 *
 * <p>HTB (Htb): it counts a packet as its IP bytes plus the 14 B Ethernet header (1,014 B), and its
 * burst is the larger of one 64 KiB GSO segment with header (65,549 B) and R x 50 ms (62,500 B):
 * 65,549 B. floor(65,549 / 1,014) = 64 packets leave at once (64,896 B, 653 B left); the next
 * packet waits for 1,014 - 653 = 361 B of tokens (288.8 us), then one every 1,014 / R = 811.2 us.
 * The 900th leaves 288.8 us + 835 x 811.2 us = 677.6408 ms after the burst reached HTB, which is
 * after the shared stack's softirq: 900 x 1 us = 0.9 ms.
 */
final class ShapingPerPlatformTest {
  private static final long GIB = 1L << 30;
  private static final double RATE = 1.25e6;
  private static final int PACKETS = 900;
  private static final int BYTES = 1000;

  /** Token bucket's depth: R x 50 ms. */
  private static final double BUCKET = RATE * 0.05;

  /** HTB's burst: max(65,535 + 14, R x 50 ms). */
  private static final double HTB_BURST = 65_549;

  private static Hosts shapedHost(String platform) {
    List<TenantSpec> specs = new ArrayList<>();
    PlanSpec base = Specs.plan("p", GIB, 0, Map.of());
    PlanSpec shaped =
        new PlanSpec(
            base.name(),
            base.vcpus(),
            base.cpu(),
            base.memory(),
            base.disk(),
            new PlanSpec.Network(RATE),
            base.processLimit(),
            base.nativeKnobs());
    specs.add(
        new TenantSpec("flood", "h", shaped, new WorkloadSpec.Idle(WorkloadSpec.Window.ALWAYS)));
    return new Hosts(Specs.host("h", platform, 16 * GIB, GIB, Map.of()), specs);
  }

  /**
   * Floods and returns when the burst was through; checks every 1 ms that no more than {@code
   * allowance} + R x T bytes got through by T.
   */
  private static long flood(String platform, boolean out, double allowance) {
    Hosts hosts = shapedHost(platform);
    var network = hosts.tenant(0).network();
    long[] doneAt = {-1};
    long[] delivered = {-1};
    if (out) {
      network.sendDatagrams(
          PACKETS,
          BYTES,
          n -> {
            delivered[0] = n;
            doneAt[0] = hosts.simulation.now();
          });
    } else {
      network.receiveDatagrams(
          PACKETS,
          BYTES,
          n -> {
            delivered[0] = n;
            doneAt[0] = hosts.simulation.now();
          });
    }
    TenantNetwork tenant = hosts.tenant(0).tenantNetwork();
    Flow flow = out ? tenant.transmitFlow() : tenant.receiveFlow();
    for (long t = SimTime.MILLISECOND; t <= SimTime.SECOND; t += SimTime.MILLISECOND) {
      hosts.simulation.runUntil(t);
      long bytes = flow.deliveredBytes();
      double limit = allowance + RATE * t / 1e9;
      long now = t;
      assertTrue(bytes <= limit, () -> bytes + " B through by " + now + " ns; allowed " + limit);
    }
    assertEquals(PACKETS, delivered[0], "nothing is dropped: the shaper queues");
    return doneAt[0];
  }

  @ParameterizedTest
  @CsvSource({"kvm", "xen", "vmware"})
  void transmit_aTokenBucketOnTheTenantsOwnInterface(String platform) {
    // The bucket comes first on transmit: the 900th packet leaves it at 669.2 ms; then the
    // platform's backend and host stack (a few us), the wire (1,038 B: 8,304 ns) and 50 us.
    long done = flood(platform, true, BUCKET + BYTES);
    assertTrue(done >= 669_200_000 + 8_304 + 50_000, () -> platform + " through at " + done);
    assertTrue(done <= 669_200_000 + SimTime.MILLISECOND, () -> platform + " through at " + done);
  }

  @ParameterizedTest
  @CsvSource({"openvz"})
  void transmit_htbClassesOnTheHostsNic(String platform) {
    // 0.9 ms of shared softirq, then HTB: the 900th packet leaves it at 0.9 + 677.6408 ms; then
    // the ring and wire (8,304 ns) and 50 us.
    long done = flood(platform, true, HTB_BURST + BYTES);
    long expected = 900_000 + 677_640_800 + 8_304 + 50_000;
    assertEquals(expected, done, 20_000.0, () -> platform + " through at " + done);
  }

  @ParameterizedTest
  @CsvSource({"kvm", "openvz"})
  void receive_aTokenBucketAfterTheHostStack(String platform) {
    // Receive: the link (50 us), the wire (900 x 8,304 ns = 7.47 ms, faster than the bucket
    // drains), the host stack, then the bucket (KVM's tap, OpenVZ's venet), then the backend. The
    // first packet reaches the bucket about 60 us in and the last one 7.5 ms in, long before the
    // bucket wants it, so the 900th leaves 669.2 ms after the first arrived, give or take the
    // refills while the first ones trickle in (at most one bucket's worth of rate time earlier).
    long done = flood(platform, false, BUCKET + BYTES);
    assertTrue(done >= 669_200_000, () -> platform + " through at " + done);
    assertTrue(done <= 669_200_000 + 2 * SimTime.MILLISECOND, () -> platform + " at " + done);
  }

  @ParameterizedTest
  @CsvSource({"xen", "vmware"})
  void receive_isNotShapedWhereTheLimitIsOnTransmitOnly(String platform) {
    // Xen's vif rate and a standard vSwitch's shaping limit what the tenant sends only: the 900
    // packets come in at line rate, 50 us + 900 x 8,304 ns = 7.52 ms, plus the stages' CPU (dom0
    // softirq 1 us and netback 3 us a packet on Xen: at most 3.6 ms in all).
    long done = flood(platform, false, Double.POSITIVE_INFINITY);
    assertTrue(done >= 50_000 + 900 * 8_304L, () -> platform + " through at " + done);
    assertTrue(done <= 50_000 + 900 * 8_304L + 4 * SimTime.MILLISECOND, () -> "at " + done);
  }
}
