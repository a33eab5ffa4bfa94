package dev.oversold.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.Simulation;
import dev.oversold.core.network.Flow;
import dev.oversold.core.network.Frame;
import dev.oversold.core.network.PacketStage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The token bucket stage (with its fast path for a frame that finds no queue and enough tokens)
 * against the stage it replaced ({@link LegacyTokenBucketStage}: every frame through the queues).
 * The same frames arrive at the same instants at both, each in a simulation of its own; every frame
 * (or part of a batch) must leave at the same instant with the same packets, in the same order.
 * Rates run from far below to far above the offered load, so frames pass at once, wait, and are
 * split.
 */
final class TokenBucketStageEquivalenceProperties {
  /** A batch arriving {@code gapNanos} after the previous one. */
  record Arrival(long gapNanos, int payloadBytes, int packets) {}

  @Provide
  Arbitrary<List<Arrival>> arrivals() {
    return Combinators.combine(
            Arbitraries.oneOf(
                Arbitraries.longs().between(0, 3), Arbitraries.longs().between(0, 20_000_000)),
            Arbitraries.integers().between(1, 9_000),
            Arbitraries.integers().between(1, 50))
        .as(Arrival::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(200);
  }

  @Property(tries = 300)
  void everyFrameLeavesWhenAndAsItDidThroughTheQueues(
      @ForAll("arrivals") List<Arrival> arrivals,
      @ForAll @DoubleRange(min = 1e3, max = 1e9) double bytesPerSecond,
      @ForAll @LongRange(min = 1, max = 100_000_000) long intervalNanos) {
    List<String> current =
        departures(arrivals, (s, r) -> new TokenBucketStage(s, r, intervalNanos), bytesPerSecond);
    List<String> legacy =
        departures(
            arrivals, (s, r) -> new LegacyTokenBucketStage(s, r, intervalNanos), bytesPerSecond);
    assertEquals(legacy, current);
  }

  private static List<String> departures(
      List<Arrival> arrivals,
      BiFunction<Simulation, Double, PacketStage> stageOf,
      double bytesPerSecond) {
    Simulation simulation = new Simulation();
    PacketStage stage = stageOf.apply(simulation, bytesPerSecond);
    Flow flow = new Flow("f");
    List<String> left = new ArrayList<>();
    long at = 0;
    for (int i = 0; i < arrivals.size(); i++) {
      Arrival arrival = arrivals.get(i);
      at += arrival.gapNanos();
      int id = i;
      simulation.schedule(
          at,
          () ->
              stage.process(
                  new Frame(flow, arrival.payloadBytes(), arrival.packets(), f -> {}),
                  f -> left.add(id + ":" + f.packets() + "@" + simulation.now())));
    }
    simulation.runUntil(Long.MAX_VALUE / 2);
    return left;
  }
}
