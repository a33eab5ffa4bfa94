package dev.oversold.core.engine;

/**
 * A non-negative span of simulated time in nanoseconds. The value type that scenario settings and
 * model parameters use; the engine's hot paths work on the raw {@code long}.
 */
public record SimDuration(long nanos) implements Comparable<SimDuration> {
  public static final SimDuration ZERO = new SimDuration(0);

  public SimDuration {
    if (nanos < 0) {
      throw new IllegalArgumentException("duration must not be negative: " + nanos + " ns");
    }
  }

  public static SimDuration ofNanos(long nanos) {
    return new SimDuration(nanos);
  }

  public static SimDuration ofMicros(long micros) {
    return new SimDuration(Math.multiplyExact(micros, SimTime.MICROSECOND));
  }

  public static SimDuration ofMillis(long millis) {
    return new SimDuration(Math.multiplyExact(millis, SimTime.MILLISECOND));
  }

  public static SimDuration ofSeconds(long seconds) {
    return new SimDuration(Math.multiplyExact(seconds, SimTime.SECOND));
  }

  public static SimDuration ofMinutes(long minutes) {
    return new SimDuration(Math.multiplyExact(minutes, SimTime.MINUTE));
  }

  public double seconds() {
    return SimTime.toSeconds(nanos);
  }

  public double millis() {
    return SimTime.toMillis(nanos);
  }

  @Override
  public int compareTo(SimDuration other) {
    return Long.compare(nanos, other.nanos);
  }

  @Override
  public String toString() {
    return SimTime.format(nanos);
  }
}
