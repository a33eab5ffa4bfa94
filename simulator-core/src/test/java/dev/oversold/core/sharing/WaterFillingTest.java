package dev.oversold.core.sharing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

final class WaterFillingTest {
  private static final double INF = Double.POSITIVE_INFINITY;
  private final WaterFilling waterFilling = new WaterFilling();

  private double[] allocate(double capacity, double[] w, double[] f, double[] c) {
    double[] out = new double[w.length];
    waterFilling.allocate(capacity, w.length, w, f, c, out);
    return out;
  }

  @Test
  void allocate_givesEveryoneItsCeilingWhenTheyFit() {
    // 1 + 1.5 + 0.5 = 3 <= 4 cores: nobody is limited by the others.
    double[] out = allocate(4, new double[] {1, 1, 1}, new double[3], new double[] {1, 1.5, 0.5});
    assertArrayEquals(new double[] {1, 1.5, 0.5}, out, 1e-12);
  }

  @Test
  void allocate_splitsByWeightUnderSaturation() {
    // Weights 1:3 on 2 cores, both want 2: level L with L*1 + L*3 = 2 -> L = 0.5 -> 0.5 and 1.5.
    double[] out = allocate(2, new double[] {1, 3}, new double[2], new double[] {2, 2});
    assertArrayEquals(new double[] {0.5, 1.5}, out, 1e-12);
  }

  @Test
  void allocate_redistributesWhatACappedConsumerCannotUse() {
    // 4 cores, equal weights, ceilings 0.5, 4, 4. Equal split 4/3 exceeds 0.5, so the first is
    // capped at 0.5 and the other two share 3.5: 1.75 each.
    double[] out = allocate(4, new double[] {1, 1, 1}, new double[3], new double[] {0.5, 4, 4});
    assertArrayEquals(new double[] {0.5, 1.75, 1.75}, out, 1e-12);
  }

  @Test
  void allocate_honoursAFloorThatItsWeightWouldNotReach() {
    // 1 core; A: weight 1, floor 0.6; B: weight 9, no floor; both want 1.
    // Without the floor A would get 0.1. With it: A = 0.6, B gets the remaining 0.4 (its level
    // 0.4/9 gives A 0.044 < 0.6, so A stays at its floor).
    double[] out = allocate(1, new double[] {1, 9}, new double[] {0.6, 0}, new double[] {1, 1});
    assertArrayEquals(new double[] {0.6, 0.4}, out, 1e-12);
  }

  @Test
  void allocate_lowersAFloorToTheCeiling() {
    // A reserves 2 cores but can only use 0.5 (one slow job): it gets 0.5; B takes the rest, 1.5.
    double[] out = allocate(2, new double[] {1, 1}, new double[] {2, 0}, new double[] {0.5, 2});
    assertArrayEquals(new double[] {0.5, 1.5}, out, 1e-12);
  }

  @Test
  void allocate_scalesOverReservedFloorsInProportion() {
    // Floors 2 and 6 on 4 cores: scaled by 4/8 -> 1 and 3.
    double[] out = allocate(4, new double[] {1, 1}, new double[] {2, 6}, new double[] {INF, INF});
    assertArrayEquals(new double[] {1, 3}, out, 1e-12);
  }

  @Test
  void allocate_mixesCapsFloorsAndWeightsOnManyConsumers() {
    // 8 units. A: w1 c1; B: w2 c10; C: w1 f3 c10; D: w4 c10.
    // Try level L: A = min(1, L), B = 2L, C = max(3, L), D = 4L.
    // With A capped (L >= 1) and C at its floor (L <= 3): 1 + 2L + 3 + 4L = 8 -> L = 2/3 < 1,
    // contradiction. With A linear: L + 2L + 3 + 4L = 8 -> L = 5/7 < 1 OK, C: 5/7 < 3 floor OK.
    // A = 5/7, B = 10/7, C = 3, D = 20/7; sum = 35/7 + 3 = 8.
    double[] out =
        allocate(
            8, new double[] {1, 2, 1, 4}, new double[] {0, 0, 3, 0}, new double[] {1, 10, 10, 10});
    assertArrayEquals(new double[] {5.0 / 7, 10.0 / 7, 3, 20.0 / 7}, out, 1e-12);
  }
}
