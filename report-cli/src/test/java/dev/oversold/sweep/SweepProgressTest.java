package dev.oversold.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress lines from a clock the test moves by hand; every expected time is worked out below. */
final class SweepProgressTest {
  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong(100 * SECOND); // any origin: only differences count
  private final StringWriter text = new StringWriter();

  private SweepProgress progress(boolean terminal, double... weights) {
    return new SweepProgress(
        new PrintWriter(text),
        terminal,
        now::get,
        List.of("cores-1", "cores-2", "cores-4"),
        weights);
  }

  @Test
  void pointLines_giveItsTime_doneOverTotal_andTheTimeLeftByWeight() {
    // weights 1, 1, 2: after the first point (10 s) a quarter of the work is done, so 3 x 10 s
    // are left; after the second (at 25 s) half is done: 25 s left. The last line has no estimate.
    SweepProgress p = progress(false, 1, 1, 2);
    p.pointStarted(0);
    p.pointStarted(1);
    now.addAndGet(10 * SECOND);
    p.pointFinished(0);
    now.addAndGet(5 * SECOND);
    p.pointStarted(2);
    now.addAndGet(10 * SECOND);
    p.pointFinished(1); // started at 0 s, done at 25 s
    now.addAndGet(55 * SECOND);
    p.pointFinished(2); // started at 15 s, done at 80 s: 65 s
    assertEquals(
        """
        sweep: cores-1 done in 10.0 s (1/3 points, 10.0 s elapsed, about 30.0 s left)
        sweep: cores-2 done in 25.0 s (2/3 points, 25.0 s elapsed, about 25.0 s left)
        sweep: cores-4 done in 1m05s (3/3 points, 1m20s elapsed)
        """,
        text.toString().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void withoutWeights_theTimeLeftCountsPoints() {
    // no estimate of any point's work: one of three points took 12 s, so 2 x 12 s are left
    SweepProgress p = progress(false, 0, 0, 0);
    now.addAndGet(12 * SECOND);
    p.pointFinished(0);
    assertEquals(
        "sweep: cores-1 done in 12.0 s (1/3 points, 12.0 s elapsed, about 24.0 s left)",
        text.toString().strip());
  }

  @Test
  void redirected_writesNoControlCharacters_andNoRunStatus() {
    SweepProgress p = progress(false, 1, 1, 1);
    p.runFinished(1, 9, 20);
    p.runFinished(2, 9, 40);
    p.finish();
    assertEquals("", text.toString());
    p.pointFinished(0);
    assertFalse(text.toString().contains("\r"), text.toString());
  }

  @Test
  void terminal_redrawsTheStatusInPlace_andAPointLineReplacesIt() {
    SweepProgress p = progress(true, 1, 1, 1);
    now.addAndGet(2 * SECOND);
    p.runFinished(1, 9, 20);
    now.addAndGet(1 * SECOND);
    p.pointFinished(0);
    String status = "  0/3 points, 1/9 runs, 2.0 s elapsed";
    String line = "sweep: cores-1 done in 3.0 s (1/3 points, 3.0 s elapsed, about 6.0 s left)";
    assertEquals("\r" + status + "\r" + line + "\n", text.toString());
  }

  @Test
  void durations_readAsPeopleReadThem() {
    assertEquals("0.0 s", SweepProgress.duration(0));
    assertEquals("59.9 s", SweepProgress.duration(59.94));
    assertEquals("1m00s", SweepProgress.duration(59.96));
    assertEquals("4m05s", SweepProgress.duration(245.4));
    assertEquals("2h07m", SweepProgress.duration(2 * 3600 + 7 * 60 + 10));
    assertEquals("?", SweepProgress.duration(Double.NaN));
  }
}
