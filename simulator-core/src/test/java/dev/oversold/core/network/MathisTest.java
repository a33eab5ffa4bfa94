package dev.oversold.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

final class MathisTest {
  /**
   * Reno's congestion avoidance simulated round trip by round trip, independently of the formula:
   * the window grows by one segment a round trip and halves on each loss, with one loss every 1/p
   * segments. Throughput is segments sent over round trips elapsed.
   */
  private static double aimdSegmentsPerRtt(double lossRate) {
    double window = 2;
    double sinceLoss = 0;
    double segments = 0;
    long rounds = 0;
    double lossEvery = 1 / lossRate;
    for (; rounds < 5_000_000; rounds++) {
      segments += window;
      sinceLoss += window;
      if (sinceLoss >= lossEvery) {
        sinceLoss -= lossEvery;
        window = Math.max(1, window / 2);
      } else {
        window += 1;
      }
    }
    return segments / rounds;
  }

  @Test
  void mathis_matchesAnAimdSawtooth() {
    // For p = 1e-4 the sawtooth averages sqrt(3/2) / sqrt(p) = 122.5 segments a round trip.
    double mss = 1448;
    double rtt = 0.01;
    double simulated = aimdSegmentsPerRtt(1e-4) * mss / rtt;
    assertEquals(simulated, Mathis.bytesPerSecond(1448, rtt, 1e-4), simulated * 0.03);
  }

  @Test
  void mathis_halvesWhenLossQuadruples() {
    double base = Mathis.bytesPerSecond(1448, 0.02, 1e-4);
    assertEquals(base / 2, Mathis.bytesPerSecond(1448, 0.02, 4e-4), 1e-6 * base);
    // By hand: 1448 B / 0.02 s = 72,400 B/s; x sqrt(1.5) = 1.2247449 gives 88,671.5; / sqrt(1e-4)
    // = 0.01 gives 8,867,153 B/s.
    assertEquals(8_867_153, base, 1);
  }
}
