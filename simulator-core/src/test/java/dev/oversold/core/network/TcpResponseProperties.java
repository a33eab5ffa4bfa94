package dev.oversold.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.Simulation;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Whatever a response's path drops, its sender ({@link TcpSender#response}) delivers every byte
 * exactly once and finishes once: bytes sent = delivered + dropped, delivered = written.
 */
final class TcpResponseProperties {
  @Property(tries = 300)
  void everyResponseCompletesWithItsBytesConserved(
      @ForAll @LongRange(min = 1, max = 400_000) long bytes,
      @ForAll @IntRange(min = 1, max = 10) int initialSegments,
      @ForAll @IntRange(min = 0, max = 2) int gsoShape,
      @ForAll @DoubleRange(min = 0, max = 0.6) double dropChance,
      @ForAll long seed) {
    Simulation simulation = new Simulation();
    SplittableRandom random = new SplittableRandom(seed);
    int mss = 1448;
    // MSS packets, a GSO segment of 45 MSS, or one of a few MSS.
    int segment = gsoShape == 0 ? mss : gsoShape == 1 ? 45 * mss : 3 * mss;
    long[] sent = {0};
    long[] delivered = {0};
    long[] dropped = {0};
    long[] done = {0};
    TcpSender sender =
        TcpSender.response(
            simulation,
            new Flow("web"),
            Framing.TCP,
            segment,
            mss,
            initialSegments,
            64L * 65_535,
            100_000,
            frame -> {
              sent[0] += frame.bytes();
              // Drops only in the first second, so that every response can finish.
              if (simulation.now() < 1_000_000_000L && random.nextDouble() < dropChance) {
                if (frame.packets() > 1 && random.nextBoolean()) {
                  Frame tail = frame.take(1 + random.nextInt(frame.packets() - 1));
                  dropped[0] += tail.bytes();
                  tail.drop();
                } else {
                  dropped[0] += frame.bytes();
                  frame.drop();
                  return;
                }
              }
              long wire = 1_000 + frame.bytes();
              simulation.scheduleAfter(
                  wire,
                  () -> {
                    delivered[0] += frame.bytes();
                    frame.deliver();
                  });
            },
            CongestionControl.cubic());
    sender.write(bytes);
    sender.close(() -> done[0]++);
    simulation.runUntil(600_000_000_000L);
    assertEquals(1, done[0], "finished once");
    assertEquals(bytes, delivered[0], "every byte delivered once");
    assertEquals(sent[0], delivered[0] + dropped[0], "sent = delivered + dropped");
    assertEquals(0, sender.unsentBytes());
  }
}
