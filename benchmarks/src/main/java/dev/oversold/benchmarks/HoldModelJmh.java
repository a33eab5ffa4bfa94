package dev.oversold.benchmarks;

import dev.oversold.core.engine.Simulation;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The hold model under JMH: a queue kept at {@code pending} events, each event scheduling one more
 * at now plus an exponential delay (mean 1 ms) from a precomputed table. One invocation runs {@link
 * #BATCH} events; the {@code events} counter is events per second. The engine (event objects,
 * handles, the clock) against a bare {@link PriorityQueue} of (time, sequence) entries.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HoldModelJmh {
  static final int BATCH = 100_000;
  private static final int DELAYS = 1 << 16;

  @Param({"1000", "100000"})
  public int pending;

  private long[] delays;
  private int next;
  private Simulation simulation;
  private Runnable hold;
  private PriorityQueue<Entry> bare;
  private long sequence;

  /** Events run, reported by JMH as a rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Events {
    public long events;
  }

  private record Entry(long time, long sequence) {}

  @Setup(Level.Trial)
  public void setUp() {
    delays = new long[DELAYS];
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < DELAYS; i++) {
      delays[i] = 1 + (long) (-Math.log(1 - random.nextDouble()) * 1_000_000);
    }
    simulation = new Simulation();
    hold = () -> simulation.scheduleAfter(delay(), hold);
    bare =
        new PriorityQueue<>(
            (a, b) ->
                a.time != b.time
                    ? Long.compare(a.time, b.time)
                    : Long.compare(a.sequence, b.sequence));
    for (int i = 0; i < pending; i++) {
      simulation.schedule(delay(), hold);
      bare.add(new Entry(delay(), sequence++));
    }
  }

  private long delay() {
    return delays[next++ & (DELAYS - 1)];
  }

  /**
   * The engine runs until the instant by which {@link #BATCH} events are due on average: pending
   * events, each due after 1 ms on average, run at pending per ms.
   */
  @Benchmark
  public long engine(Events counter) {
    long before = simulation.eventsRun();
    simulation.runUntil(simulation.now() + BATCH * 1_000_000L / pending);
    long ran = simulation.eventsRun() - before;
    counter.events += ran;
    return ran;
  }

  @Benchmark
  public long barePriorityQueue(Events counter) {
    long last = 0;
    for (int i = 0; i < BATCH; i++) {
      Entry entry = bare.poll();
      last = entry.time;
      bare.add(new Entry(entry.time + delay(), sequence++));
    }
    counter.events += BATCH;
    return last;
  }
}
