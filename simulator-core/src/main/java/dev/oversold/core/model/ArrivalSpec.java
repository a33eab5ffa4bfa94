package dev.oversold.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import dev.oversold.core.engine.SimDuration;
import java.util.List;
import java.util.Objects;

/** How requests arrive at a service. */
public sealed interface ArrivalSpec {
  /** Long-run mean arrivals per second when the service keeps up (open processes). */
  double meanRatePerSecond();

  /** Open Poisson arrivals. */
  record Poisson(double ratePerSecond) implements ArrivalSpec {
    public Poisson {
      checkArgument(ratePerSecond > 0 && Double.isFinite(ratePerSecond), "rate must be > 0");
    }

    @Override
    public double meanRatePerSecond() {
      return ratePerSecond;
    }
  }

  /**
   * Bursty arrivals: a two-state Markov-modulated Poisson process that alternates between an on
   * state and an off state with exponentially distributed durations.
   */
  record OnOff(
      double onRatePerSecond, double offRatePerSecond, SimDuration meanOn, SimDuration meanOff)
      implements ArrivalSpec {
    public OnOff {
      checkArgument(onRatePerSecond >= 0 && offRatePerSecond >= 0, "rates must be >= 0");
      checkArgument(onRatePerSecond + offRatePerSecond > 0, "one of the rates must be > 0");
      checkArgument(meanOn.nanos() > 0 && meanOff.nanos() > 0, "mean durations must be > 0");
    }

    @Override
    public double meanRatePerSecond() {
      double on = meanOn.seconds();
      double off = meanOff.seconds();
      return (onRatePerSecond * on + offRatePerSecond * off) / (on + off);
    }
  }

  /**
   * A periodic pattern: Poisson arrivals whose rate is {@code ratePerSecond} times the profile
   * value of the current slot; the profile's slots split the period evenly (24 slots of a day).
   */
  record Periodic(double ratePerSecond, List<Double> profile, SimDuration period)
      implements ArrivalSpec {
    public Periodic {
      checkArgument(ratePerSecond > 0, "rate must be > 0");
      profile = List.copyOf(profile);
      checkArgument(!profile.isEmpty(), "profile must not be empty");
      checkArgument(profile.stream().allMatch(v -> v >= 0 && v < 1e6), "profile values >= 0");
      checkArgument(period.nanos() >= profile.size(), "period too short for the profile");
    }

    @Override
    public double meanRatePerSecond() {
      return ratePerSecond * profile.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
  }

  /**
   * A closed loop: {@code clients} users who each wait for a response, then think, then ask again.
   */
  record Closed(int clients, Distribution thinkTimeSeconds) implements ArrivalSpec {
    public Closed {
      checkArgument(clients >= 1, "clients must be >= 1");
      Objects.requireNonNull(thinkTimeSeconds, "thinkTimeSeconds");
    }

    /** Upper bound N / Z (zero response time). */
    @Override
    public double meanRatePerSecond() {
      double z = thinkTimeSeconds.mean();
      return z == 0 ? Double.POSITIVE_INFINITY : clients / z;
    }
  }
}
