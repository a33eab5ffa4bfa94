package dev.oversold.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.platform.IoPolicy;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link Writeback} under random writers: bytes are conserved and the dirty limit holds.
 *
 * <p>Set-up: a 256 MiB kernel (threshold 53,687,091 B) over a {@link FifoWriteSink} of 50 MB/s, up
 * to four writers, each writing {@code size} KiB (4 KiB to 2 MiB) every {@code gap} ms or when its
 * last write returns if later, sequential or random, for 20 s.
 */
final class WritebackProperties {
  private static final long RAM = 256L << 20;
  private static final double BANDWIDTH = 50e6;
  private static final long RUN = 20 * SimTime.SECOND;

  /**
   * Conservation: at every writer's return and at the end, written = written back + under writeback
   * + dirty, exactly, and the sink received every byte that was moved to writeback.
   *
   * <p>The limit: dirty plus under-writeback data stays above the threshold at most for as long as
   * the device needs to write back what can be above it. Derivation: past the threshold no writer
   * returns without writing back (2.6.32: its write_chunk, 1.5 x max(4 MiB, its write) >= 1.5 x
   * what it dirtied; 2.6.18: 6 MiB at each check, which comes after at most 4 MiB of its pages, so
   * each writer adds at most 4 MiB more unchecked; modern: it sleeps 200 ms and re-checks while at
   * or past the threshold), so what is above it is at most each writer's last write (n x 2 MiB),
   * plus the flusher's chunk and each writer's own writeback already queued ahead in the FIFO
   * device (4 MiB + n x 6 MiB), while the device drains at B with no gap (dirty is above the
   * background threshold): T <= (n x 2 MiB + 4 MiB + n x 6 MiB) / B, plus one 200 ms pause for a
   * modern writer that checked just before the level went back under. One writeback chunk's service
   * time (4 MiB / 50 MB/s = 84 ms) is the bound for one writer of small writes; the general one is
   * this.
   */
  @Property(tries = 60)
  void bytesAreConserved_andTheDirtyLimitHolds(
      @ForAll IoPolicy.DirtyThrottling kernel,
      @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 4, max = 2048) Integer> sizesKib,
      @ForAll @Size(min = 4, max = 4) List<@IntRange(min = 0, max = 50) Integer> gapsMs,
      @ForAll @Size(min = 4, max = 4) List<Boolean> random) {
    Simulation simulation = new Simulation();
    FifoWriteSink sink = new FifoWriteSink(simulation, BANDWIDTH);
    Writeback wb = new Writeback(simulation, kernel, RAM, 2, sink);
    int n = sizesKib.size();
    for (int i = 0; i < n; i++) {
      String writer = "w" + i;
      long bytes = sizesKib.get(i) * 1024L;
      long gap = gapsMs.get(i) * SimTime.MILLISECOND;
      boolean rnd = random.get(i);
      Runnable[] loop = new Runnable[1];
      loop[0] =
          () -> {
            if (simulation.now() >= RUN) {
              return;
            }
            long next = simulation.now() + gap;
            wb.write(
                writer,
                bytes,
                rnd,
                () -> {
                  assertConserved(wb, sink);
                  simulation.schedule(Math.max(next, simulation.now()), loop[0]);
                });
          };
      simulation.schedule(i * SimTime.MILLISECOND, loop[0]);
    }
    simulation.runUntil(RUN);
    assertConserved(wb, sink);
    long mib = 1L << 20;
    boolean modern = kernel == IoPolicy.DirtyThrottling.MODERN;
    // 2.6.18 checks a writer only when its count reaches ratelimit_pages (4 MiB here) or 8 pages
    // while the limit is exceeded: each writer may add up to 4 MiB unchecked before its check.
    double unchecked = kernel == IoPolicy.DirtyThrottling.LINUX_2_6_18 ? n * 4.0 * mib : 0;
    double bytesAbove = n * 2.0 * mib + 4.0 * mib + n * 6.0 * mib + unchecked;
    long bound =
        SimTime.ceilNanos(bytesAbove / BANDWIDTH) + (modern ? Writeback.MAX_PAUSE_NANOS : 0);
    assertTrue(
        wb.maxOverLimitNanos() <= bound,
        "above the limit for " + wb.maxOverLimitNanos() + " ns, bound " + bound);
    // Everything still dirty at the end is written back once writers stop (expiry at the
    // latest): run on and nothing is left.
    simulation.runUntil(RUN + 2 * Writeback.EXPIRE_NANOS);
    assertConserved(wb, sink);
    assertEquals(0, wb.dirtyBytes() + wb.writebackBytes());
    assertEquals(wb.writtenBytes(), wb.writtenBackBytes());
  }

  /**
   * task_dirty_limit's shares add up to at most one: whatever the tasks (1 to 12) and their writes,
   * at every return each task's limit lies in [thresh - thresh / 8, thresh] and the limits'
   * reductions below the threshold add up to at most thresh / 8 (53,687,091 / 8 = 6,710,886 B).
   * Derivation: a task's reduction is (long) (thresh / 8 x its share); a share is the task's
   * decayed dirtying over the decayed total, and every task's count and the total are halved by the
   * same periods (floors of halves never add up to more than the halved sum), so the shares sum to
   * at most 1 and the truncated reductions to at most floor(thresh / 8). It fails if a task's share
   * were taken against its own dirtying only (every share 1: n x thresh / 8).
   */
  @Property(tries = 60)
  void taskShares_neverLowerTheLimitsByMoreThanAnEighthTogether(
      @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 11) Integer> tasks,
      @ForAll @Size(min = 60, max = 60) List<@IntRange(min = 1, max = 8192) Integer> sizesKib,
      @ForAll @Size(min = 60, max = 60) List<@IntRange(min = 0, max = 300) Integer> gapsMs) {
    Simulation simulation = new Simulation();
    FifoWriteSink sink = new FifoWriteSink(simulation, BANDWIDTH);
    Writeback wb = new Writeback(simulation, IoPolicy.DirtyThrottling.LINUX_2_6_32, RAM, 2, sink);
    long thresh = wb.thresholdBytes();
    Object[] ids = new Object[12];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = new Object();
    }
    long at = 0;
    int[] checks = {0};
    for (int i = 0; i < tasks.size(); i++) {
      Object task = ids[tasks.get(i)];
      long bytes = sizesKib.get(i) * 1024L;
      at += gapsMs.get(i) * SimTime.MILLISECOND;
      simulation.schedule(
          at,
          () ->
              wb.write(
                  task,
                  bytes,
                  false,
                  () -> {
                    long reductions = 0;
                    for (Object id : ids) {
                      long limit = wb.taskLimit(id);
                      assertTrue(limit <= thresh && limit >= thresh - thresh / 8, "limit " + limit);
                      reductions += thresh - limit;
                    }
                    assertTrue(reductions <= thresh / 8, "reductions " + reductions);
                    checks[0]++;
                  }));
    }
    simulation.runUntil(at + 60 * SimTime.SECOND);
    assertEquals(tasks.size(), checks[0]);
  }

  private static void assertConserved(Writeback wb, FifoWriteSink sink) {
    assertEquals(wb.writtenBytes(), wb.writtenBackBytes() + wb.writebackBytes() + wb.dirtyBytes());
    assertEquals(sink.bytes, wb.writtenBackBytes() + wb.writebackBytes());
  }
}
