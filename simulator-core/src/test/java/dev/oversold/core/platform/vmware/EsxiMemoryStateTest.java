package dev.oversold.core.platform.vmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class EsxiMemoryStateTest {
  @Test
  void minFree_is899MbForTheFirst28GbPlusOnePercentOfTheRest() {
    // 64 GiB: 899 MiB + 1% of 36 GiB = 899 MiB + 368.64 MiB = 1267.64 MiB
    // = 1267.64 * 256 pages = 324515.84 -> 324516 pages (rounded up).
    assertEquals(324_516, EsxiMemoryState.minFreePages(64L << 30));
    // 16 GiB (under 28 GiB): exactly 899 MiB = 230144 pages.
    assertEquals(230_144, EsxiMemoryState.minFreePages(16L << 30));
  }

  @Test
  void state_changesAtTheDocumentedFractionsOfMinFree() {
    // minFree 10000 pages: clear at <= 10000, soft <= 6400, hard <= 3200, low <= 1600.
    long minFree = 10_000;
    assertEquals(EsxiMemoryState.HIGH, EsxiMemoryState.of(10_001, minFree));
    assertEquals(EsxiMemoryState.CLEAR, EsxiMemoryState.of(10_000, minFree));
    assertEquals(EsxiMemoryState.CLEAR, EsxiMemoryState.of(6_401, minFree));
    assertEquals(EsxiMemoryState.SOFT, EsxiMemoryState.of(6_400, minFree));
    assertEquals(EsxiMemoryState.SOFT, EsxiMemoryState.of(3_201, minFree));
    assertEquals(EsxiMemoryState.HARD, EsxiMemoryState.of(3_200, minFree));
    assertEquals(EsxiMemoryState.HARD, EsxiMemoryState.of(1_601, minFree));
    assertEquals(EsxiMemoryState.LOW, EsxiMemoryState.of(1_600, minFree));
    assertEquals(EsxiMemoryState.LOW, EsxiMemoryState.of(-5, minFree));
  }

  @Test
  void largePages_areBrokenBelowFourTimesMinFree() {
    assertFalse(EsxiMemoryState.largePagesBroken(40_000, 10_000));
    assertTrue(EsxiMemoryState.largePagesBroken(39_999, 10_000));
  }

  @Test
  void overhead_followsTheReferenceTableAndInterpolates() {
    // Table points: 1 vCPU 1 GB -> 25.90 MB; 16 GB -> 139.62; 8 vCPU 16 GB -> 168.60.
    assertEquals(25.90, EsxiOverhead.megabytes(1024, 1), 1e-9);
    assertEquals(139.62, EsxiOverhead.megabytes(16384, 1), 1e-9);
    assertEquals(168.60, EsxiOverhead.megabytes(16384, 8), 1e-9);
    // 2 GB, 1 vCPU: between 1 GB and 4 GB: 25.90 + (48.64 - 25.90) * 1024/3072 = 33.48 MB.
    assertEquals(33.48, EsxiOverhead.megabytes(2048, 1), 1e-9);
  }
}
