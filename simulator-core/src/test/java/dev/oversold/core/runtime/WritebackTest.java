package dev.oversold.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.platform.IoPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Dirty limits and throttling of {@link Writeback} on a 1 GiB kernel over a {@link FifoWriteSink}
 * of 100 MB/s. The limits, by hand: dirty threshold (long) (1,073,741,824 x 0.20) = 214,748,364 B;
 * background threshold (long) (214,748,364 x 0.5) = 107,374,182 B; free-run ceiling (bg + thresh) /
 * 2 = 161,061,273 B.
 */
final class WritebackTest {
  private static final long GIB = 1L << 30;
  private static final long MIB = 1L << 20;
  private static final double BANDWIDTH = 100e6;
  private static final long THRESH = 214_748_364;
  private static final long BACKGROUND = 107_374_182;
  private static final long FREERUN = 161_061_273;

  private final Simulation simulation = new Simulation();
  private final FifoWriteSink sink = new FifoWriteSink(simulation, BANDWIDTH);

  private Writeback writeback(IoPolicy.DirtyThrottling kernel) {
    return new Writeback(simulation, kernel, GIB, 2, sink);
  }

  @Test
  void limits_areTheRatiosOfDirtyableMemory() {
    Writeback wb = writeback(IoPolicy.DirtyThrottling.LINUX_2_6_32);
    assertEquals(THRESH, wb.thresholdBytes());
    assertEquals(BACKGROUND, wb.backgroundThresholdBytes());
  }

  @ParameterizedTest
  @EnumSource(
      value = IoPolicy.DirtyThrottling.class,
      names = {"LINUX_2_6_32", "MODERN"})
  void backgroundFlush_startsExactlyAboveTheBackgroundThreshold(IoPolicy.DirtyThrottling kernel) {
    // Exactly the background threshold dirty: nothing is written back (over_bground_thresh is a
    // strict >), and the write is done at once (below the free-run ceiling). One byte more at
    // 1 s: the flusher submits its first chunk at that instant.
    Writeback wb = writeback(kernel);
    long[] done = {-1, -1};
    wb.write("w", BACKGROUND, false, () -> done[0] = simulation.now());
    simulation.runUntil(SimTime.SECOND);
    assertEquals(0, done[0]);
    assertEquals(0, sink.requests);
    simulation.schedule(
        SimTime.SECOND, () -> wb.write("w", 1, false, () -> done[1] = simulation.now()));
    simulation.runUntil(2 * SimTime.SECOND);
    assertEquals(SimTime.SECOND, sink.firstRequestAt);
    assertEquals(SimTime.SECOND, done[1]);
  }

  @Test
  void linux2618_backgroundFlush_startsAtTheFirstCheckAboveTheBackgroundThreshold() {
    // 2.6.18 wakes pdflush from balance_dirty_pages only, which runs when a writer's count reaches
    // ratelimit_pages (1,024 pages here, not exceeded). t = 0: exactly the background threshold,
    // 107,374,182 B = ceil(26,214.4) = 26,215 pages: 25 checks, none above it (strict >), so no
    // flush; 615 pages stay counted. t = 1 s: 1 byte more (one page, count 616): above the
    // threshold but no check, so still no flush. t = 2 s: 408 pages more bring the count to
    // 1,024: the check runs and the flusher submits its first chunk at 2 s.
    Writeback wb = writeback(IoPolicy.DirtyThrottling.LINUX_2_6_18);
    wb.write("w", BACKGROUND, false, () -> {});
    simulation.schedule(SimTime.SECOND, () -> wb.write("w", 1, false, () -> {}));
    simulation.runUntil(2 * SimTime.SECOND - 1);
    assertEquals(0, sink.requests);
    simulation.schedule(2 * SimTime.SECOND, () -> wb.write("w", 408 * 4096L, false, () -> {}));
    simulation.runUntil(3 * SimTime.SECOND);
    assertEquals(2 * SimTime.SECOND, sink.firstRequestAt);
  }

  @ParameterizedTest
  @EnumSource(IoPolicy.DirtyThrottling.class)
  void dataBelowTheBackgroundThreshold_isWrittenBackWhenItExpires(IoPolicy.DirtyThrottling kernel) {
    // 1 MiB dirtied at t = 0, far below the background threshold. The flusher wakes every 5 s
    // (dirty_writeback_centisecs) and writes what has been dirty 30 s (dirty_expire_centisecs):
    // at the wake-up at 30 s the data dirtied at 0 is old enough (0 <= 30 s - 30 s).
    Writeback wb = writeback(kernel);
    wb.write("w", MIB, false, () -> {});
    simulation.runUntil(29 * SimTime.SECOND);
    assertEquals(0, sink.requests);
    simulation.runUntil(31 * SimTime.SECOND);
    assertEquals(30 * SimTime.SECOND, sink.firstRequestAt);
    assertEquals(MIB, wb.writtenBackBytes());
  }

  @Test
  void periodicFlush_writesOnlyWhatHasExpired() {
    // 1 MiB dirtied at 0 s and 2 MiB at 10 s (same kind, but more than the 1 s grain apart: two
    // segments). The wake-up at 30 s writes back the first (dirtied at 0 <= 30 s - 30 s) and not
    // the second, which goes at the wake-up at 40 s.
    Writeback wb = writeback(IoPolicy.DirtyThrottling.LINUX_2_6_32);
    wb.write("w", MIB, true, () -> {});
    simulation.schedule(10 * SimTime.SECOND, () -> wb.write("w", 2 * MIB, true, () -> {}));
    simulation.runUntil(39 * SimTime.SECOND);
    assertEquals(MIB, wb.writtenBackBytes());
    simulation.runUntil(41 * SimTime.SECOND);
    assertEquals(3 * MIB, wb.writtenBackBytes());
  }

  @ParameterizedTest
  @EnumSource(IoPolicy.DirtyThrottling.class)
  void writerAboveTheDeviceBandwidth_isThrottledToIt(IoPolicy.DirtyThrottling kernel) {
    // A writer that wants w = 200 MB/s (1 MiB writes, the next one 1 MiB / w after the previous
    // started, or when it returns if later) on a 100 MB/s device. Derivation: once dirty plus
    // under-writeback data (nr) is past the free-run ceiling, every write is held until writeback
    // makes room, and the flusher always has a chunk in the device (dirty stays above the
    // background threshold), so writeback runs at B = 100 MB/s without a gap. Bytes are
    // conserved: accepted = written back + nr, so over [20 s, 60 s] the accepted rate is B plus
    // the change of nr over 40 s; nr stays between the free-run ceiling and the threshold once
    // throttled (2.6.32: the writer's own limit is the threshold less 1/8 of it; modern: the
    // cubic pos_ratio stops writers at the threshold), so |rate - B| <= (THRESH - FREERUN) / 40 s
    // = 1,342,177 B/s. Without throttling the rate would be w = 200 MB/s.
    Writeback wb = writeback(kernel);
    long[] accepted = {0};
    Runnable[] loop = new Runnable[1];
    long interval = SimTime.ceilNanos(MIB / 200e6);
    long[] nextStart = {0};
    loop[0] =
        () -> {
          nextStart[0] = simulation.now() + interval;
          wb.write(
              "writer",
              MIB,
              false,
              () -> {
                accepted[0] += MIB;
                simulation.schedule(Math.max(simulation.now(), nextStart[0]), loop[0]);
              });
        };
    simulation.schedule(0, loop[0]);
    simulation.runUntil(20 * SimTime.SECOND);
    long atStart = accepted[0];
    long writtenBackAtStart = wb.writtenBackBytes();
    simulation.runUntil(60 * SimTime.SECOND);
    double rate = (accepted[0] - atStart) / 40.0;
    double bound = (THRESH - FREERUN) / 40.0;
    assertTrue(Math.abs(rate - BANDWIDTH) <= bound, "accepted " + rate + " B/s");
    // The device wrote back without a gap: 40 s x B, less at most one request's rounding.
    assertEquals(40 * BANDWIDTH, wb.writtenBackBytes() - writtenBackAtStart, 8 * MIB);
    assertEquals(wb.writtenBytes(), wb.writtenBackBytes() + wb.dirtyBytes() + wb.writebackBytes());
    assertTrue(wb.throttledWrites() > 0);
  }

  @Test
  void linux2632_lightWriterBesideAHeavyOne_isNotThrottledBelowItsOwnLimit() {
    // task_dirty_limit: the heavy writer (the only one dirtying much) has the threshold less
    // about 1/8 of it, 214,748,364 x 7/8 = 187,904,818 B; it is held there and dirty plus
    // under-writeback data never exceeds that by more than its one 1 MiB write, 188,953,394 B.
    // The light writer (4 KiB every 100 ms: a fraction of recent dirtying of about 4 KiB per
    // 20 MB, 2e-4) has a limit within 1/8 x 2e-4 x THRESH = 5.4 KB of the threshold, above any
    // level reached: none of its 200 writes between 20 s and 40 s waits.
    Writeback wb = writeback(IoPolicy.DirtyThrottling.LINUX_2_6_32);
    heavyWriter(wb);
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      long at = 20 * SimTime.SECOND + i * 100L * SimTime.MILLISECOND;
      simulation.schedule(
          at, () -> wb.write("light", 4096, true, () -> waits.add(simulation.now() - at)));
    }
    simulation.runUntil(41 * SimTime.SECOND);
    assertEquals(200, waits.size());
    assertTrue(waits.stream().allMatch(w -> w == 0), "waits " + waits);
    assertTrue(wb.taskLimit("heavy") < wb.taskLimit("light"));
  }

  @Test
  void linux2632_lightWriter_isThrottledOnceTheGlobalLimitIsCrossed() {
    // The heavy writer dirties S = THRESH + 10,000,000 = 224,748,364 B in one call at t = 0:
    // accepted first (balance_dirty_pages runs after the pages are dirtied), then the flusher
    // submits its 4 MiB chunk and the heavy writer, over its limit, writes back the rest
    // itself (its write_chunk is 1.5 x S): the sink holds 4,194,304 B and then 220,554,060 B. At
    // 1 ms the light writer dirties 4 KiB: nr is past every limit (the global one included), so
    // it too must write back, its own 4 KiB, behind both in the device's FIFO:
    // ceil(4,194,304 / 100e6 s) + ceil(220,554,060 / 100e6 s) + ceil(4096 / 100e6 s) =
    // 41,943,040 + 2,205,540,600 + 40,960 ns = 2,247,524,600 ns; then nr is 0 and it returns.
    Writeback wb = writeback(IoPolicy.DirtyThrottling.LINUX_2_6_32);
    long size = THRESH + 10_000_000;
    wb.write("heavy", size, false, () -> {});
    long[] lightDone = {-1};
    simulation.schedule(
        SimTime.MILLISECOND,
        () -> wb.write("light", 4096, false, () -> lightDone[0] = simulation.now()));
    simulation.runUntil(5 * SimTime.SECOND);
    assertEquals(41_943_040L + 2_205_540_600L + 40_960L, lightDone[0]);
  }

  @Test
  void linux2632_tenEqualTasks_eachLoseATenthOfTheEighth() {
    // task_dirty_limit: limit = thresh - (thresh / 8) x (the task's share of recent dirtying).
    // Ten tasks (a disk hog's ten threads) each dirty 1 MiB in turn, ten rounds: 100 MiB =
    // 104,857,600 B, below the background threshold (107,374,182 B: nothing written back) and below
    // one proportion period (4 x 2^15 pages = 512 MiB: no decay). Each share is 10 MiB / 100 MiB
    // = 1/10: limit = 214,748,364 - (long) (26,843,545.5 x 0.1) = 214,748,364 - 2,684,354 =
    // 212,064,010 B each. The same 100 MiB from one task: share 1, limit 214,748,364 - 26,843,545
    // = 187,904,819 B. So ten threads stop 24,159,191 B higher than one writer would, and a light
    // writer's limit (about THRESH) is only 2,684,354 B above theirs instead of 26,843,545 B.
    Writeback wb = writeback(IoPolicy.DirtyThrottling.LINUX_2_6_32);
    List<Object> tasks = new ArrayList<>();
    for (int t = 0; t < 10; t++) {
      tasks.add(new Object());
    }
    for (int round = 0; round < 10; round++) {
      for (Object task : tasks) {
        wb.write(task, MIB, false, () -> {});
      }
    }
    simulation.runUntil(SimTime.SECOND);
    assertEquals(0, wb.writtenBackBytes() + wb.writebackBytes());
    for (Object task : tasks) {
      assertEquals(212_064_010L, wb.taskLimit(task));
    }
    Writeback one = new Writeback(simulation, IoPolicy.DirtyThrottling.LINUX_2_6_32, GIB, 2, sink);
    one.write("hog", 100 * MIB, false, () -> {});
    assertEquals(187_904_819L, one.taskLimit("hog"));
  }

  @Test
  void linux2618_limitsAreFortyAndTenPercent() {
    // vm_dirty_ratio = 40, dirty_background_ratio = 10 (mm/page-writeback.c, 2.6.18):
    // (long) (1,073,741,824 x 0.40) = 429,496,729 B; background (long) (429,496,729 x 0.25) =
    // 107,374,182 B, the same 10 % of RAM as on the later kernels.
    Writeback wb = writeback(IoPolicy.DirtyThrottling.LINUX_2_6_18);
    assertEquals(429_496_729L, wb.thresholdBytes());
    assertEquals(BACKGROUND, wb.backgroundThresholdBytes());
  }

  @Test
  void linux2618_lightWriter_isCheckedEveryEighthPageOverTheLimit_andWritesBackItsChunk() {
    // 1 GiB over 2 CPUs: ratelimit_pages = 262,144 / 64 = 4,096, capped at 1,024 pages (4 MiB);
    // write_chunk = 1.5 x 1,024 pages = 6 MiB = 6,291,456 B. T = 429,496,729 B.
    // t = 0: the heavy writer dirties S = T + 10,000,000 = 439,496,729 B in one call. Its first
    // 1,024 pages reach a check: nr = S > T, so dirty_exceeded is set; the flusher submits its
    // 4 MiB chunk (dirty > background) and the heavy writer writes back 6 MiB itself: the FIFO
    // holds 4,194,304 B (done at 41,943,040 ns) and 6,291,456 B (done at 104,857,600 ns).
    // t = 1..8 ms: the light writer appends 4 KiB (one page) each ms. While dirty_exceeded its
    // check comes every 8 pages: appends 1-7 return at once; the 8th (at 8 ms) is checked, finds
    // nr > T, and writes back 6 MiB of the oldest dirty data itself, queued behind the two
    // requests above (the flusher's second chunk is submitted at 41.9 ms, behind it): done at
    // 104,857,600 + 62,914,560 = 167,772,160 ns. Then nr = S + 32,768 - 16 MiB = 422,752,281 B
    // <= T: it returns at 167,772,160 ns. On 2.6.32 no append would wait (its own limit).
    Writeback wb = writeback(IoPolicy.DirtyThrottling.LINUX_2_6_18);
    long thresh = wb.thresholdBytes();
    wb.write("heavy", thresh + 10_000_000, false, () -> {});
    long[] done = new long[8];
    for (int i = 0; i < 8; i++) {
      int index = i;
      long at = (i + 1) * SimTime.MILLISECOND;
      simulation.schedule(
          at, () -> wb.write("light", 4096, false, () -> done[index] = simulation.now()));
    }
    simulation.runUntil(SimTime.SECOND);
    for (int i = 0; i < 7; i++) {
      assertEquals((i + 1) * SimTime.MILLISECOND, done[i], "append " + (i + 1));
    }
    assertEquals(167_772_160L, done[7]);
  }

  /** A writer of 1 MiB writes that wants 200 MB/s. */
  private void heavyWriter(Writeback wb) {
    Runnable[] loop = new Runnable[1];
    long interval = SimTime.ceilNanos(MIB / 200e6);
    long[] nextStart = {0};
    loop[0] =
        () -> {
          nextStart[0] = simulation.now() + interval;
          wb.write(
              "heavy",
              MIB,
              false,
              () -> simulation.schedule(Math.max(simulation.now(), nextStart[0]), loop[0]));
        };
    simulation.schedule(0, loop[0]);
  }
}
