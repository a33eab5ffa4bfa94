package dev.oversold.core.workload;

import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.ArrivalSpec;

/** Gaps between arrivals of an open process, drawn from the tenant's arrival stream. */
abstract class OpenArrivals {
  final RandomStream random;

  OpenArrivals(RandomStream random) {
    this.random = random;
  }

  /** Nanoseconds from {@code now} to the next arrival. */
  abstract long nextGap(long now);

  static OpenArrivals of(ArrivalSpec spec, RandomStream random) {
    if (spec instanceof ArrivalSpec.Poisson poisson) {
      return new Poisson(random, poisson.ratePerSecond());
    }
    if (spec instanceof ArrivalSpec.OnOff onOff) {
      return new OnOff(random, onOff);
    }
    if (spec instanceof ArrivalSpec.Periodic periodic) {
      return new Periodic(random, periodic);
    }
    throw new IllegalArgumentException("not an open arrival process: " + spec);
  }

  static long exponentialNanos(RandomStream random, double ratePerSecond) {
    return ratePerSecond <= 0
        ? SimTime.NEVER
        : Math.max(1, SimTime.ceilNanos(random.nextExponential(1 / ratePerSecond)));
  }

  private static final class Poisson extends OpenArrivals {
    private final double rate;

    Poisson(RandomStream random, double rate) {
      super(random);
      this.rate = rate;
    }

    @Override
    long nextGap(long now) {
      return exponentialNanos(random, rate);
    }
  }

  /**
   * Two-state MMPP. Both the arrival gap and the state holding time are memoryless, so the next
   * event is whichever comes first; a state switch redraws the gap at the new rate. The first state
   * is drawn from the stationary distribution (on with probability meanOn / (meanOn + meanOff)), so
   * the process is stationary from its start and its long-run rate holds over any window.
   */
  private static final class OnOff extends OpenArrivals {
    private final ArrivalSpec.OnOff spec;
    private boolean on = true;
    private long stateEnds = -1;

    OnOff(RandomStream random, ArrivalSpec.OnOff spec) {
      super(random);
      this.spec = spec;
    }

    @Override
    long nextGap(long now) {
      if (stateEnds < 0) {
        double onSeconds = spec.meanOn().seconds();
        on = random.nextDouble() * (onSeconds + spec.meanOff().seconds()) < onSeconds;
        stateEnds = now + holding();
      }
      long t = now;
      while (true) {
        long gap = exponentialNanos(random, on ? spec.onRatePerSecond() : spec.offRatePerSecond());
        if (gap != SimTime.NEVER && t + gap <= stateEnds) {
          return t + gap - now;
        }
        t = stateEnds;
        on = !on;
        stateEnds = t + holding();
      }
    }

    private long holding() {
      double mean = (on ? spec.meanOn() : spec.meanOff()).seconds();
      return Math.max(1, SimTime.ceilNanos(random.nextExponential(mean)));
    }
  }

  /** Non-homogeneous Poisson by thinning: candidates at the peak rate, kept with rate(t)/peak. */
  private static final class Periodic extends OpenArrivals {
    private final ArrivalSpec.Periodic spec;
    private final double peak;

    Periodic(RandomStream random, ArrivalSpec.Periodic spec) {
      super(random);
      this.spec = spec;
      this.peak =
          spec.ratePerSecond() * spec.profile().stream().mapToDouble(v -> v).max().orElse(0);
    }

    @Override
    long nextGap(long now) {
      if (peak <= 0) {
        return SimTime.NEVER;
      }
      long t = now;
      while (true) {
        t += exponentialNanos(random, peak);
        double rate = spec.ratePerSecond() * spec.profile().get(slot(t));
        if (random.nextDouble() * peak < rate) {
          return t - now;
        }
      }
    }

    private int slot(long t) {
      long period = spec.period().nanos();
      long within = t % period;
      return (int) Math.min(spec.profile().size() - 1, within / (period / spec.profile().size()));
    }
  }
}
