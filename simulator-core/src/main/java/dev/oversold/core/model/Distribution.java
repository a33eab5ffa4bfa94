package dev.oversold.core.model;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A distribution of a non-negative quantity (seconds of reference-core work, think time...). The
 * unit is the one of the field that holds it.
 */
public sealed interface Distribution {
  /** The mean, in the field's unit. */
  double mean();

  /** Always {@code value}. */
  record Constant(double value) implements Distribution {
    public Constant {
      checkArgument(value >= 0 && Double.isFinite(value), "value must be >= 0, got %s", value);
    }

    @Override
    public double mean() {
      return value;
    }
  }

  /** Exponential with the given mean. */
  record Exponential(double mean) implements Distribution {
    public Exponential {
      checkArgument(mean > 0 && Double.isFinite(mean), "mean must be > 0, got %s", mean);
    }
  }

  /** Uniform on [min, max]. */
  record Uniform(double min, double max) implements Distribution {
    public Uniform {
      checkArgument(min >= 0 && min <= max && Double.isFinite(max), "need 0 <= min <= max");
    }

    @Override
    public double mean() {
      return (min + max) / 2;
    }
  }

  /** Lognormal with the given mean and standard deviation (of the value, not of its log). */
  record Lognormal(double mean, double stddev) implements Distribution {
    public Lognormal {
      checkArgument(mean > 0 && Double.isFinite(mean), "mean must be > 0, got %s", mean);
      checkArgument(stddev >= 0 && Double.isFinite(stddev), "stddev must be >= 0");
    }
  }
}
