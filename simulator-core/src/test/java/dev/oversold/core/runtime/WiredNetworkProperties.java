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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The packet path as the platforms wire it (a {@link HostRuntime}'s {@link HostNetwork} and each
 * tenant's {@link TenantNetwork}: shaper, backend, host stack, qdisc, ring, wire), not the bare
 * {@code TxPath}: on every platform, with or without a plan's rate limit, with small queues and
 * rings so that drops happen, datagram bursts both ways from up to four tenants.
 *
 * <ul>
 *   <li>Packets are conserved: at every checkpoint each flow's delivered + dropped is at most what
 *       it sent (the rest is queued somewhere on the path), and once the path is drained sent =
 *       delivered + dropped exactly, and every burst's callback has reported its delivered count.
 *       Drained: the run goes on after the last send for 1 s (every stage's queue here empties in
 *       well under that at line rate: at most 200 packets of 1,500 B a queue) plus the time the 10
 *       Mbit/s shapers, whose queues are unbounded, need for every byte the shaped tenants sent.
 *   <li>Nothing beats the line: payload bytes delivered through the transmit wire by time t are at
 *       most line rate x t (wire bytes are payload plus 38 B or more per frame, so this is looser
 *       than the wire itself, and fails at once if a stage lets a batch skip its wire time); the
 *       same on receive, where the wire comes after the link's latency.
 * </ul>
 */
final class WiredNetworkProperties {
  private static final long GIB = 1L << 30;
  private static final double LINE = Specs.NIC.bandwidthBytesPerSecond();

  record Burst(long atMicros, int tenant, boolean out, int packets, int bytes) {}

  @Provide
  Arbitrary<List<Burst>> bursts() {
    return Combinators.combine(
            Arbitraries.longs().between(0, 20_000),
            Arbitraries.integers().between(0, 3),
            Arbitraries.of(true, false),
            Arbitraries.integers().between(1, 2000),
            Arbitraries.integers().between(1, 1500))
        .as(Burst::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(30);
  }

  @Provide
  Arbitrary<String> platforms() {
    return Arbitraries.of("openvz", "kvm", "xen", "vmware", "bare-metal");
  }

  @Property(tries = 150)
  void packetsAreConservedAndNothingBeatsTheLine(
      @ForAll("platforms") String platform,
      @ForAll("bursts") List<Burst> bursts,
      @ForAll @IntRange(min = 0, max = 3) int shapedTenants,
      @ForAll @IntRange(min = 1, max = 64) int ring,
      @ForAll @IntRange(min = 1, max = 200) int queue,
      @ForAll boolean otherQdisc) {
    Map<String, Double> options = new HashMap<>();
    options.put("nic-ring", (double) ring);
    options.put("txqueuelen", (double) queue);
    if (!platform.equals("vmware")) {
      options.put("netdev-max-backlog", (double) queue);
      if (otherQdisc) {
        // The platform's other choice: pfifo_fast (0) <-> fq_codel (1).
        options.put("qdisc", platform.equals("openvz") ? 1.0 : 0.0);
      }
    }
    List<TenantSpec> specs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      // Shaped tenants get 10 Mbit/s (1.25 MB/s): their token buckets or HTB classes hold them.
      double limit = i < shapedTenants ? 1.25e6 : Double.POSITIVE_INFINITY;
      PlanSpec base = Specs.plan("p" + i, GIB, 0, Map.of());
      PlanSpec plan =
          new PlanSpec(
              base.name(),
              base.vcpus(),
              base.cpu(),
              base.memory(),
              base.disk(),
              new PlanSpec.Network(limit),
              base.processLimit(),
              base.nativeKnobs());
      specs.add(
          new TenantSpec("t" + i, "h", plan, new WorkloadSpec.Idle(WorkloadSpec.Window.ALWAYS)));
    }
    Hosts hosts = new Hosts(Specs.host("h", platform, 16 * GIB, GIB, options), specs);
    long shapedBytes = 0;
    for (Burst burst : bursts) {
      if (burst.tenant() < shapedTenants) {
        shapedBytes += (long) burst.packets() * burst.bytes();
      }
    }
    long[] sentOut = new long[4];
    long[] sentIn = new long[4];
    long[] reported = {0};
    long[] reportedDelivered = {0};
    long lastSend = 0;
    for (Burst burst : bursts) {
      long at = burst.atMicros() * SimTime.MICROSECOND;
      lastSend = Math.max(lastSend, at);
      hosts.simulation.schedule(
          at,
          () -> {
            var network = hosts.tenant(burst.tenant()).network();
            (burst.out() ? sentOut : sentIn)[burst.tenant()] += burst.packets();
            LongConsumer done =
                n -> {
                  assertTrue(n >= 0 && n <= burst.packets(), () -> n + " of " + burst.packets());
                  reported[0] += burst.packets();
                  reportedDelivered[0] += n;
                };
            if (burst.out()) {
              network.sendDatagrams(burst.packets(), burst.bytes(), done);
            } else {
              network.receiveDatagrams(burst.packets(), burst.bytes(), done);
            }
          });
    }
    long end = lastSend + SimTime.SECOND + (long) Math.ceil(shapedBytes / 1.25e6 * 1e9);
    for (long t = 0; t <= end; t += t < 40 * SimTime.MILLISECOND ? 100_000 : 50_000_000) {
      hosts.simulation.runUntil(t);
      checkpoint(hosts, sentOut, sentIn, hosts.simulation.now());
    }
    hosts.simulation.runUntil(end);
    long sent = 0;
    long delivered = 0;
    for (int i = 0; i < 4; i++) {
      TenantNetwork network = hosts.tenant(i).tenantNetwork();
      Flow out = network.transmitFlow();
      Flow in = network.receiveFlow();
      int tenant = i;
      assertEquals(
          sentOut[i], out.delivered() + out.dropped(), () -> "tenant " + tenant + " transmit");
      assertEquals(sentIn[i], in.delivered() + in.dropped(), () -> "tenant " + tenant + " receive");
      sent += sentOut[i] + sentIn[i];
      delivered += out.delivered() + in.delivered();
    }
    assertEquals(sent, reported[0], "every burst reported its outcome");
    assertEquals(delivered, reportedDelivered[0], "bursts report what their flows delivered");
  }

  private static void checkpoint(Hosts hosts, long[] sentOut, long[] sentIn, long now) {
    long outBytes = 0;
    long inBytes = 0;
    for (int i = 0; i < 4; i++) {
      TenantNetwork network = hosts.tenant(i).tenantNetwork();
      Flow out = network.transmitFlow();
      Flow in = network.receiveFlow();
      assertTrue(out.delivered() + out.dropped() <= sentOut[i], "transmit: queued >= 0");
      assertTrue(in.delivered() + in.dropped() <= sentIn[i], "receive: queued >= 0");
      outBytes += out.deliveredBytes();
      inBytes += in.deliveredBytes();
    }
    double limit = LINE * now / 1e9;
    long out = outBytes;
    long in = inBytes;
    assertTrue(out <= limit, () -> out + " B sent by " + now + " ns, line allows " + limit);
    assertTrue(in <= limit, () -> in + " B received by " + now + " ns, line allows " + limit);
  }
}
