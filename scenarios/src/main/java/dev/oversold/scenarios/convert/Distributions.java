package dev.oversold.scenarios.convert;

import dev.oversold.core.model.Distribution;
import dev.oversold.scenarios.dto.TimeDistribution;
import dev.oversold.scenarios.units.Format;

/** Converts time distributions to core distributions in seconds, and writes them back. */
final class Distributions {
  private Distributions() {}

  /** The distribution, or null after reporting why not. */
  static Distribution seconds(
      TimeDistribution dto, String path, Context context, boolean positive) {
    if (dto == null) {
      return null;
    }
    Distribution result = convert(dto, path, context);
    if (result != null && positive && !(result.mean() > 0)) {
      context.error(path, "the mean must be more than 0", "a duration > 0, e.g. 4ms");
      return null;
    }
    return result;
  }

  private static Distribution convert(TimeDistribution dto, String path, Context context) {
    if (dto instanceof TimeDistribution.Fixed fixed) {
      return fixed.value() == null ? null : new Distribution.Constant(fixed.value().secondsValue());
    }
    if (dto instanceof TimeDistribution.Constant constant) {
      return constant.value() == null
          ? null
          : new Distribution.Constant(constant.value().secondsValue());
    }
    if (dto instanceof TimeDistribution.Exponential exponential) {
      if (exponential.mean() == null) {
        return null;
      }
      double mean = exponential.mean().secondsValue();
      if (!(mean > 0)) {
        context.error(
            path + ".mean", "the mean of an exponential must be more than 0", "a duration > 0");
        return null;
      }
      return new Distribution.Exponential(mean);
    }
    if (dto instanceof TimeDistribution.Uniform uniform) {
      if (uniform.min() == null || uniform.max() == null) {
        return null;
      }
      double min = uniform.min().secondsValue();
      double max = uniform.max().secondsValue();
      if (min > max) {
        context.error(path + ".max", "max is below min", "max >= min");
        return null;
      }
      return new Distribution.Uniform(min, max);
    }
    TimeDistribution.Lognormal lognormal = (TimeDistribution.Lognormal) dto;
    if (lognormal.mean() == null || lognormal.stddev() == null) {
      return null;
    }
    double mean = lognormal.mean().secondsValue();
    if (!(mean > 0)) {
      context.error(
          path + ".mean", "the mean of a lognormal must be more than 0", "a duration > 0");
      return null;
    }
    return new Distribution.Lognormal(mean, lognormal.stddev().secondsValue());
  }

  /** The distribution as a YAML flow mapping that converts back to it. */
  static String written(Distribution distribution) {
    if (distribution instanceof Distribution.Constant constant) {
      return "{distribution: constant, value: " + Format.seconds(constant.value()) + "}";
    }
    if (distribution instanceof Distribution.Exponential exponential) {
      return "{distribution: exponential, mean: " + Format.seconds(exponential.mean()) + "}";
    }
    if (distribution instanceof Distribution.Uniform uniform) {
      return "{distribution: uniform, min: "
          + Format.seconds(uniform.min())
          + ", max: "
          + Format.seconds(uniform.max())
          + "}";
    }
    Distribution.Lognormal lognormal = (Distribution.Lognormal) distribution;
    return "{distribution: lognormal, mean: "
        + Format.seconds(lognormal.mean())
        + ", stddev: "
        + Format.seconds(lognormal.stddev())
        + "}";
  }
}
