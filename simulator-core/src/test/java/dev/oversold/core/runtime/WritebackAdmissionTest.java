package dev.oversold.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.platform.IoPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 2.6.18's {@code balance_dirty_pages} over a sink that models request allocation ({@link
 * Writeback.Sink#admits()}): a throttled writer goes on when its writeback is admitted, skips files
 * another writer is submitting ({@code I_LOCK}), and with nothing it may write naps in {@code
 * blk_congestion_wait} (100 ms) until the level is back under the limit. The test sink admits and
 * completes each submission only when the test says so, so every time below is set by hand.
 */
final class WritebackAdmissionTest {
  private static final long GIB = 1L << 30;

  /** Submissions in order: {bytes, admitted, written}. */
  private static final class HeldSink implements Writeback.Sink {
    final List<Object[]> submissions = new ArrayList<>();
    boolean congested;

    @Override
    public boolean congested() {
      return congested;
    }

    @Override
    public void write(long bytes, boolean random, Runnable written) {
      throw new AssertionError("an admitting sink is called with both callbacks");
    }

    @Override
    public boolean admits() {
      return true;
    }

    @Override
    public void write(long bytes, boolean random, Runnable admitted, Runnable written) {
      submissions.add(new Object[] {bytes, admitted, written});
    }

    long bytes(int i) {
      return (Long) submissions.get(i)[0];
    }

    void admit(int i) {
      ((Runnable) submissions.get(i)[1]).run();
    }

    void written(int i) {
      ((Runnable) submissions.get(i)[2]).run();
    }
  }

  @Test
  void linux2618_aLightWriterSkipsTheLockedFileAndNapsUntilTheLevelIsUnderTheLimit() {
    // 1 GiB over 2 CPUs: T = 429,496,729 B, background 107,374,182 B, ratelimit_pages 1,024
    // (4 MiB), write_chunk 6 MiB (WritebackTest). The heavy writer dirties S = T + 1,000,000 B at
    // t = 0, file 0. Its check at page 1,024 finds S > T: pdflush (dirty > background) submits
    // 4,194,304 B of file 0 and holds the file until that is admitted; the heavy writer finds no
    // other file and naps. t = 1..8 ms: the light writer appends 4 KiB a ms to file 1; appends 1-7
    // return at once (dirty_exceeded: a check every 8 pages); the 8th is checked, S + 32,768 > T:
    // the oldest dirty data is file 0's, but file 0 is locked, so it submits its own 32,768 B.
    // At 20 ms its 32 KiB is admitted (not written): it has written 32,768 B of its 6 MiB duty,
    // finds file 0 still locked and nothing else dirty, naps 100 ms (120 ms), re-checks (still
    // over, nothing written back), naps again (to 320 ms). At 250 ms pdflush's 4 MiB and the 32 KiB
    // are written: the completion wakes the nappers; the level is S + 32,768 - 4,194,304 - 32,768
    // = T - 3,194,304 <= T, so the 8th append returns at 250 ms.
    Simulation simulation = new Simulation();
    HeldSink sink = new HeldSink();
    Writeback wb = new Writeback(simulation, IoPolicy.DirtyThrottling.LINUX_2_6_18, GIB, 2, sink);
    long thresh = wb.thresholdBytes();
    wb.write("heavy", thresh + 1_000_000, false, () -> {});
    long[] done = new long[8];
    for (int i = 0; i < 8; i++) {
      int index = i;
      simulation.schedule(
          (i + 1) * SimTime.MILLISECOND,
          () -> wb.write("light", 4096, false, () -> done[index] = simulation.now()));
    }
    simulation.runUntil(8 * SimTime.MILLISECOND);
    assertEquals(2, sink.submissions.size());
    assertEquals(4_194_304L, sink.bytes(0));
    // Not 6 MiB of the heavy writer's older data: its file is locked by pdflush.
    assertEquals(32_768L, sink.bytes(1));
    simulation.schedule(20 * SimTime.MILLISECOND, () -> sink.admit(1));
    simulation.schedule(
        250 * SimTime.MILLISECOND,
        () -> {
          sink.admit(0);
          sink.written(0);
          sink.written(1);
        });
    simulation.runUntil(SimTime.SECOND);
    for (int i = 0; i < 7; i++) {
      assertEquals((i + 1) * SimTime.MILLISECOND, done[i], "append " + (i + 1));
    }
    assertEquals(250 * SimTime.MILLISECOND, done[7]);
    assertEquals(wb.writtenBytes(), wb.writtenBackBytes() + wb.writebackBytes() + wb.dirtyBytes());
  }

  @Test
  void linux2618_aThrottledWriterGoesOnWhenItsChunkIsAdmitted_notWhenItIsWritten() {
    // The queue is congested throughout, so pdflush (nonblocking) only backs off, every 100 ms,
    // and locks no file. The heavy writer dirties S = T + 1,000,000 B at t = 0; its check at page
    // 1,024 finds S > T and it submits its duty, write_chunk = 6 MiB = 6,291,456 B of the oldest
    // dirty data (its own file), and waits for admission. At 30 ms that is admitted, not written:
    // pages_written reaches write_chunk, so balance_dirty_pages returns, the write call goes on
    // with its next page, whose check (every 8 pages, dirty_exceeded) finds S > T again (nothing
    // was written back) and submits the next 6 MiB at 30 ms. Were the writer to wait for its
    // writeback to be written (the stand-in on sinks that do not admit), the second submission
    // would never come here, since nothing is ever written.
    Simulation simulation = new Simulation();
    HeldSink sink = new HeldSink();
    sink.congested = true;
    Writeback wb = new Writeback(simulation, IoPolicy.DirtyThrottling.LINUX_2_6_18, GIB, 2, sink);
    long[] done = {-1};
    wb.write("heavy", wb.thresholdBytes() + 1_000_000, false, () -> done[0] = simulation.now());
    simulation.runUntil(29 * SimTime.MILLISECOND);
    assertEquals(1, sink.submissions.size());
    assertEquals(6_291_456L, sink.bytes(0));
    simulation.schedule(30 * SimTime.MILLISECOND, () -> sink.admit(0));
    simulation.runUntil(31 * SimTime.MILLISECOND);
    assertEquals(2, sink.submissions.size());
    assertEquals(6_291_456L, sink.bytes(1));
    assertEquals(0, wb.writtenBackBytes());
    assertEquals(-1, done[0]);
  }
}
