package dev.oversold.core.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.ArrivalSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rates and shapes of the open arrival processes. */
final class OpenArrivalsTest {

  /** Arrival instants of {@code spec} in [0, seconds), counted per slot of {@code slotSeconds}. */
  private static long[] countPerSlot(ArrivalSpec spec, double seconds, double slotSeconds) {
    OpenArrivals arrivals = OpenArrivals.of(spec, new RandomStream(42));
    long end = SimTime.ceilNanos(seconds);
    long slot = SimTime.ceilNanos(slotSeconds);
    long[] counts = new long[(int) (end / slot)];
    long t = 0;
    while (true) {
      long gap = arrivals.nextGap(t);
      if (gap == SimTime.NEVER || t + gap >= end) {
        return counts;
      }
      t += gap;
      counts[(int) (t / slot)]++;
    }
  }

  private static long sum(long[] counts) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    return total;
  }

  @Test
  void poisson_countMatchesRate() {
    // 50/s for 10,000 s: 500,000 expected, Poisson sd sqrt(5e5) = 707; 4 sd = 2,828.
    long n = sum(countPerSlot(new ArrivalSpec.Poisson(50), 10_000, 10_000));
    assertEquals(500_000, n, 2_828.0);
  }

  @Test
  void onOff_longRunRateIsTheTimeWeightedMean() {
    // On at 100/s for a mean 1 s, off at 0 for a mean 3 s: mean rate 100 * 1/4 = 25/s; 20,000 s
    // give 500,000. The count's variance is dominated by the on periods: 5,000 cycles, each
    // contributing 100 * Exp(1 s) arrivals, sd about 100 * sqrt(5000) = 7,071; allow 3% (15,000).
    var spec = new ArrivalSpec.OnOff(100, 0, SimDuration.ofSeconds(1), SimDuration.ofSeconds(3));
    assertEquals(25.0, spec.meanRatePerSecond(), 1e-12);
    long n = sum(countPerSlot(spec, 20_000, 20_000));
    assertEquals(500_000, n, 15_000.0);
  }

  @Test
  void onOff_isBurstierThanPoisson() {
    // Index of dispersion of counts in 1 s windows: 1 for Poisson, well above 1 for on/off.
    var spec = new ArrivalSpec.OnOff(100, 0, SimDuration.ofSeconds(1), SimDuration.ofSeconds(3));
    long[] counts = countPerSlot(spec, 5_000, 1);
    double mean = sum(counts) / (double) counts.length;
    double variance = 0;
    for (long c : counts) {
      variance += (c - mean) * (c - mean);
    }
    variance /= counts.length - 1;
    assertTrue(variance / mean > 10, "dispersion " + variance / mean);
  }

  @Test
  void periodic_followsItsProfile() {
    // Rate 40/s times the profile [0.5, 2.0, 0, 1.5] over a 4 s period: slots of 1 s expect
    // 20, 80, 0 and 60 arrivals. Over 2,500 periods: 50,000, 200,000, 0, 150,000, each within
    // 4 Poisson sd (at most 4 * sqrt(2e5) = 1,789).
    var spec = new ArrivalSpec.Periodic(40, List.of(0.5, 2.0, 0.0, 1.5), SimDuration.ofSeconds(4));
    assertEquals(40.0, spec.meanRatePerSecond(), 1e-12);
    long[] perSecond = countPerSlot(spec, 10_000, 1);
    long[] bySlot = new long[4];
    for (int i = 0; i < perSecond.length; i++) {
      bySlot[i % 4] += perSecond[i];
    }
    assertEquals(50_000, bySlot[0], 4 * Math.sqrt(50_000));
    assertEquals(200_000, bySlot[1], 4 * Math.sqrt(200_000));
    assertEquals(0, bySlot[2]);
    assertEquals(150_000, bySlot[3], 4 * Math.sqrt(150_000));
  }
}
