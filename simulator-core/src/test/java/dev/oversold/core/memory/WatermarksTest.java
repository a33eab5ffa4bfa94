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
  void linux2632_followsTheOldFormulaForA16GibOpenVzNode() {
    // By hand: 16 GiB = 16,777,216 KiB; min_free_kbytes = sqrt(16 x 16,777,216) = 16,384 KiB
    // (within [128, 65,536]) = 4,096 pages; low = 4,096 + 4,096 / 4 = 5,120; high = 4,096 + 4,096
    // / 2 = 6,144. (A modern kernel's gap would be 0.1 % of RAM, 4,194 pages: low 8,290.)
    Watermarks marks = Watermarks.linux2632(16 * GIB);
    assertEquals(4_096, marks.minPages());
    assertEquals(5_120, marks.lowPages());
    assertEquals(6_144, marks.highPages());
  }

  @Test
  void linux2632_minFreeIsCappedAt64MibAndFlooredAt128Kib() {
    // 1 TiB: sqrt(16 x 1,073,741,824 KiB) = 131,072 KiB > 65,536: capped, 16,384 pages (low
    // 20,480, high 24,576). 1 MiB: sqrt(16 x 1,024) = 128 KiB, the floor: 32 pages, low 40, high
    // 48.
    Watermarks big = Watermarks.linux2632(1024 * GIB);
    assertEquals(16_384, big.minPages());
    assertEquals(20_480, big.lowPages());
    assertEquals(24_576, big.highPages());
    Watermarks tiny = Watermarks.linux2632(1L << 20);
    assertEquals(32, tiny.minPages());
    assertEquals(40, tiny.lowPages());
    assertEquals(48, tiny.highPages());
  }

  @Test
  void constructor_refusesWatermarksOutOfOrder() {
    assertThrows(IllegalArgumentException.class, () -> new Watermarks(10, 10, 20));
    assertThrows(IllegalArgumentException.class, () -> new Watermarks(10, 30, 20));
    assertThrows(IllegalArgumentException.class, () -> new Watermarks(-1, 3, 20));
  }
}
