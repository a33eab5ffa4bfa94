package dev.oversold.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

final class WatermarksTest {
  private static final long GIB = 1L << 30;

  @Test
  void linux_followsTheKernelFormulaForA512GibHost() {
    // By hand: RAM 536,870,912 KiB; min_free_kbytes = floor(sqrt(16 x 536,870,912)) = 92,681 KiB
    // (below the 262,144 cap) = floor(92,681 x 1024 / 4096) = 23,170 pages. Gap = max(23,170 / 4
    // = 5,792, 134,217,728 pages x 0.001 = 134,217) = 134,217. Low 157,387, high 291,604.
    Watermarks marks = Watermarks.linux(512 * GIB);
    assertEquals(23_170, marks.minPages());
    assertEquals(157_387, marks.lowPages());
    assertEquals(291_604, marks.highPages());
  }

  @Test
  void linux_smallHostGapIsTheScaleFactor() {
    // 4 GiB = 4,194,304 KiB: sqrt(67,108,864) = 8,192 KiB = 2,048 pages; gap max(512, 1,048,576
    // x 0.001 = 1,048) = 1,048: low 3,096, high 4,144.
    Watermarks marks = Watermarks.linux(4 * GIB);
    assertEquals(2_048, marks.minPages());
    assertEquals(3_096, marks.lowPages());
    assertEquals(4_144, marks.highPages());
  }

  @Test
  void linux_minFreeIsCappedAt256Mib() {
    // 8 TiB: sqrt(16 x 8,589,934,592 KiB) = 370,727 KiB > 262,144: capped, 65,536 pages.
    assertEquals(65_536, Watermarks.linux(8192 * GIB).minPages());
  }

  @Test
  void constructor_refusesWatermarksOutOfOrder() {
    assertThrows(IllegalArgumentException.class, () -> new Watermarks(10, 10, 20));
    assertThrows(IllegalArgumentException.class, () -> new Watermarks(10, 30, 20));
    assertThrows(IllegalArgumentException.class, () -> new Watermarks(-1, 3, 20));
  }
}
