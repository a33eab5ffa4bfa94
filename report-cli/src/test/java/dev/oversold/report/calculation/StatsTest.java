package dev.oversold.report.calculation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.report.model.Interval;
import org.junit.jupiter.api.Test;

final class StatsTest {
  @Test
  void jain_isOneForEqualSharesAndOneOverNWhenOneTakesAll() {
    assertEquals(1.0, Stats.jain(new double[] {0.7, 0.7, 0.7}), 1e-15);
    // (1 + 0 + 0 + 0)^2 / (4 * 1) = 0.25
    assertEquals(0.25, Stats.jain(new double[] {1, 0, 0, 0}), 1e-15);
    // (1 + 3)^2 / (2 * (1 + 9)) = 16 / 20
    assertEquals(0.8, Stats.jain(new double[] {1, 3}), 1e-15);
    assertTrue(Double.isNaN(Stats.jain(new double[0])));
  }

  @Test
  void confidence95_usesStudentT() {
    // 1, 2, 3: mean 2, s = 1, t(0.975, 2) = 4.302652730 (tables): half = 4.302652730 / sqrt(3)
    Interval ci = Stats.confidence95(new double[] {1, 2, 3});
    assertEquals(2, ci.mean(), 1e-12);
    assertEquals(2 - 2.484138, ci.low(), 1e-6);
    assertEquals(2 + 2.484138, ci.high(), 1e-6);
    // 10 values 0..9: mean 4.5, s = 3.0276504, t(0.975, 9) = 2.262157: half = 2.262157 * 3.0276504
    // / sqrt(10) = 2.165851
    double[] ten = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    assertEquals(4.5 + 2.165851, Stats.confidence95(ten).high(), 1e-5);
    assertNull(Stats.confidence95(new double[] {5}));
  }

  @Test
  void dropAndRatio_areUndefinedForNonPositiveWholes() {
    assertEquals(0.25, Stats.drop(75, 100), 1e-15);
    assertEquals(-0.5, Stats.drop(150, 100), 1e-15);
    assertTrue(Double.isNaN(Stats.drop(1, 0)));
    assertTrue(Double.isNaN(Stats.ratio(1, 0)));
    assertEquals(4, Stats.ratio(200, 50), 1e-15);
  }

  @Test
  void max_skipsNaN() {
    assertEquals(3, Stats.max(new double[] {Double.NaN, 3, 1}), 0);
    assertTrue(Double.isNaN(Stats.max(new double[] {Double.NaN})));
  }
}
