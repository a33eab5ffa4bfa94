package dev.oversold.benchmarks;

import dev.oversold.core.engine.Simulation;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The classic hold model: a queue kept at {@code pending} events; each event, when it runs,
 * schedules one more at now plus a random delay. The same loop on a bare {@link PriorityQueue} of
 * (time, sequence) entries is the reference; the engine adds its event objects, handles and the
 * clock. Both draw delays from the same precomputed table so that random numbers cost nothing.
 */
final class EngineBenchmark {
  private static final int DELAYS = 1 << 16;

  private EngineBenchmark() {}

  public static void main(String[] args) {
    int pending = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    long events = args.length > 1 ? Long.parseLong(args[1]) : 5_000_000;
    long[] delays = new long[DELAYS];
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < DELAYS; i++) {
      delays[i] = 1 + (long) (-Math.log(1 - random.nextDouble()) * 1_000_000);
    }
    double bestEngine = 0;
    double bestBare = 0;
    for (int round = 0; round < 6; round++) {
      bestBare = Math.max(bestBare, bare(pending, events, delays));
      bestEngine = Math.max(bestEngine, engine(pending, events, delays));
    }
    System.out.println(
        Benchmarks.format(
            "hold model, %d pending, %d events, best of 6 rounds:%n"
                + "  bare PriorityQueue loop: %,.0f events/s%n"
                + "  oversold engine:         %,.0f events/s (%.0f%% of bare)",
            pending, events, bestBare, bestEngine, 100 * bestEngine / bestBare));
  }

  /** Events per second of the engine. */
  private static double engine(int pending, long events, long[] delays) {
    Simulation simulation = new Simulation();
    long[] done = {0};
    int[] next = {0};
    Runnable[] hold = new Runnable[1];
    hold[0] =
        () -> {
          if (++done[0] <= events) {
            simulation.scheduleAfter(delays[next[0]++ & (DELAYS - 1)], hold[0]);
          }
        };
    for (int i = 0; i < pending; i++) {
      simulation.schedule(delays[next[0]++ & (DELAYS - 1)], hold[0]);
    }
    long start = System.nanoTime();
    simulation.runUntil(Long.MAX_VALUE - 1);
    long elapsed = System.nanoTime() - start;
    return simulation.eventsRun() / (elapsed / 1e9);
  }

  /** One entry of the bare queue. */
  private record Entry(long time, long sequence) {}

  private static double bare(int pending, long events, long[] delays) {
    PriorityQueue<Entry> queue =
        new PriorityQueue<>(
            (a, b) ->
                a.time != b.time
                    ? Long.compare(a.time, b.time)
                    : Long.compare(a.sequence, b.sequence));
    long sequence = 0;
    int next = 0;
    for (int i = 0; i < pending; i++) {
      queue.add(new Entry(delays[next++ & (DELAYS - 1)], sequence++));
    }
    long start = System.nanoTime();
    long ran = 0;
    long done = 0;
    while (!queue.isEmpty()) {
      Entry entry = queue.poll();
      ran++;
      if (++done <= events) {
        queue.add(new Entry(entry.time + delays[next++ & (DELAYS - 1)], sequence++));
      }
    }
    long elapsed = System.nanoTime() - start;
    return ran / (elapsed / 1e9);
  }
}
