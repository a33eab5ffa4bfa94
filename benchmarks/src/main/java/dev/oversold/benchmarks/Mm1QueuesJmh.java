package dev.oversold.benchmarks;

import dev.oversold.core.engine.Simulation;
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
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;

/**
 * K independent M/M/1 FIFO queues in one event list (arrival rate 0.5/s, service rate 1/s, so
 * utilisation 0.5 and about one event per queue per simulated second), on the Oversold engine and
 * on SSJ 3.3.2 (its default splay-tree event list, one event object per arrival and departure as in
 * SSJ's own queue examples). Both draw from the same precomputed exponential table, so the figure
 * is the cost of the event machinery. One invocation advances the clock by 100,000 / K simulated
 * seconds (about 100,000 events); the {@code events} counter is events per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Mm1QueuesJmh {
  private static final int DRAWS = 1 << 16;
  private static final double ARRIVAL_MEAN_S = 2.0;
  private static final double SERVICE_MEAN_S = 1.0;

  @Param({"1000", "100000"})
  public int queues;

  /** Unit exponential draws (mean 1). */
  private double[] draws;

  private int next;
  private double span;
  private Simulation engine;
  private Simulator ssj;

  /** Events run, reported by JMH as a rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Events {
    public long events;
  }

  @Setup(Level.Trial)
  public void setUp() {
    draws = new double[DRAWS];
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < DRAWS; i++) {
      draws[i] = -Math.log(1 - random.nextDouble());
    }
    span = 100_000.0 / queues;
    engine = new Simulation();
    ssj = new Simulator();
    ssj.init();
    for (int q = 0; q < queues; q++) {
      new EngineQueue().start();
      new SsjQueue().start();
    }
  }

  private double draw(double mean) {
    return mean * draws[next++ & (DRAWS - 1)];
  }

  private static long nanos(double seconds) {
    return Math.max(1, Math.round(seconds * 1e9));
  }

  private long ssjEvents;

  @Benchmark
  public long oversoldEngine(Events counter) {
    long before = engine.eventsRun();
    engine.runUntil(engine.now() + nanos(span));
    long ran = engine.eventsRun() - before;
    counter.events += ran;
    return ran;
  }

  @Benchmark
  public long ssj(Events counter) {
    long before = ssjEvents;
    new Stop().schedule(span);
    ssj.start();
    long ran = ssjEvents - before;
    counter.events += ran;
    return ran;
  }

  /** One queue on the engine: customers waiting or in service, and the two recurring events. */
  private final class EngineQueue {
    private int inSystem;
    private final Runnable arrival = this::arrive;
    private final Runnable departure = this::depart;

    void start() {
      engine.scheduleAfter(nanos(draw(ARRIVAL_MEAN_S)), arrival);
    }

    private void arrive() {
      if (++inSystem == 1) {
        engine.scheduleAfter(nanos(draw(SERVICE_MEAN_S)), departure);
      }
      engine.scheduleAfter(nanos(draw(ARRIVAL_MEAN_S)), arrival);
    }

    private void depart() {
      if (--inSystem > 0) {
        engine.scheduleAfter(nanos(draw(SERVICE_MEAN_S)), departure);
      }
    }
  }

  /** One queue on SSJ, written the way SSJ's examples write it. */
  private final class SsjQueue {
    private int inSystem;

    void start() {
      new Arrival().schedule(draw(ARRIVAL_MEAN_S));
    }

    private final class Arrival extends Event {
      Arrival() {
        super(ssj);
      }

      @Override
      public void actions() {
        ssjEvents++;
        if (++inSystem == 1) {
          new Departure().schedule(draw(SERVICE_MEAN_S));
        }
        new Arrival().schedule(draw(ARRIVAL_MEAN_S));
      }
    }

    private final class Departure extends Event {
      Departure() {
        super(ssj);
      }

      @Override
      public void actions() {
        ssjEvents++;
        if (--inSystem > 0) {
          new Departure().schedule(draw(SERVICE_MEAN_S));
        }
      }
    }
  }

  /** Ends one invocation's slice of simulated time. */
  private final class Stop extends Event {
    Stop() {
      super(ssj);
    }

    @Override
    public void actions() {
      ssj.stop();
    }
  }
}
