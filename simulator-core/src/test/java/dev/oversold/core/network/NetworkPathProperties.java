package dev.oversold.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

final class NetworkPathProperties {
  record Send(long atNanos, int flow, int bytes) {}

  @Provide
  Arbitrary<List<Send>> traffic() {
    return Combinators.combine(
            Arbitraries.longs().between(0, 2_000_000),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(1, 9000))
        .as(Send::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(300);
  }

  @Property(tries = 200)
  void everyFrameIsDeliveredOrDroppedOnceAndTheWireNeverBeatsLineRate(
      @ForAll("traffic") List<Send> sends,
      @ForAll boolean fq,
      @ForAll @IntRange(min = 1, max = 64) int ring,
      @ForAll @IntRange(min = 1, max = 50) int limit) {
    Simulation simulation = new Simulation();
    double rate = 1e9;
    Qdisc qdisc = fq ? new FqCodel(limit, 1500) : new PfifoFast(limit);
    TxPath path = new TxPath(simulation, qdisc, null, ring, rate, 1500);
    List<Flow> flows = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      flows.add(new Flow("f" + i));
    }
    int[] outcomes = new int[sends.size()];
    long[] wireBytes = new long[1];
    long[] lastDelivery = new long[1];
    for (int i = 0; i < sends.size(); i++) {
      Send send = sends.get(i);
      int index = i;
      simulation.schedule(
          send.atNanos(),
          () ->
              path.send(
                  new Frame(
                      flows.get(send.flow()),
                      send.bytes(),
                      new Frame.Outcome() {
                        @Override
                        public void delivered(Frame frame) {
                          outcomes[index]++;
                          wireBytes[0] += frame.wireBytes(1500);
                          lastDelivery[0] = simulation.now();
                        }

                        @Override
                        public void dropped(Frame frame) {
                          outcomes[index]++;
                        }
                      })));
    }
    simulation.runUntil(Long.MAX_VALUE / 2);
    for (int outcome : outcomes) {
      assertEquals(1, outcome, "a frame must end exactly once");
    }
    long delivered = flows.stream().mapToLong(Flow::delivered).sum();
    long dropped = flows.stream().mapToLong(Flow::dropped).sum();
    assertEquals(sends.size(), delivered + dropped);
    assertEquals(0, qdisc.backlog());
    assertTrue(wireBytes[0] * 8e9 / rate <= lastDelivery[0] + 1e-6 * sends.size() + 1);
  }
}
