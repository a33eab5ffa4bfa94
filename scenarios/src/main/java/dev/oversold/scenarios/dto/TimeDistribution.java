package dev.oversold.scenarios.dto;

import dev.oversold.scenarios.units.TimeSpan;

/** A distribution of a time (CPU work, think time): a fixed duration or a named distribution. */
@Doc("A duration (e.g. 4ms), or a distribution of durations.")
@Discriminator("distribution")
// permits fixes the order of the schema and of error messages; inferred, it follows javac's
// order of meeting the classes.
public sealed interface TimeDistribution
    permits TimeDistribution.Fixed,
        TimeDistribution.Constant,
        TimeDistribution.Exponential,
        TimeDistribution.Uniform,
        TimeDistribution.Lognormal {
  /** {@code cpu: 4ms}: always that long. */
  @Wrapper
  @Doc("Always this long.")
  record Fixed(TimeSpan value) implements TimeDistribution {}

  /** Always {@code value}. */
  @TypeName("constant")
  @Doc("Always the same value.")
  record Constant(@Required @Doc("The value.") TimeSpan value) implements TimeDistribution {}

  /** Exponential. */
  @TypeName("exponential")
  @Doc("Exponential with the given mean (memoryless).")
  record Exponential(@Required @Doc("The mean.") TimeSpan mean) implements TimeDistribution {}

  /** Uniform. */
  @TypeName("uniform")
  @Doc("Uniform between min and max.")
  record Uniform(
      @Required @Doc("Smallest value.") TimeSpan min, @Required @Doc("Largest value.") TimeSpan max)
      implements TimeDistribution {}

  /** Lognormal. */
  @TypeName("lognormal")
  @Doc("Lognormal with the given mean and standard deviation (of the value, not of its log).")
  record Lognormal(
      @Required @Doc("The mean.") TimeSpan mean,
      @Required @Doc("The standard deviation.") TimeSpan stddev)
      implements TimeDistribution {}
}
