package dev.oversold.core.sharing;

/**
 * How a consumer takes part in a {@link SharedCapacity}.
 *
 * @param weight relative share under contention (> 0)
 * @param floor reservation in units/s that it gets before anyone's weight counts (>= 0)
 * @param cap ceiling in units/s ({@code Double.POSITIVE_INFINITY} for none)
 * @param perJobMaxRate most units/s one job can use (one core's speed for CPU)
 * @param parallelLimit most jobs that run at once (vCPUs); more jobs time-share them
 * @param efficiency fraction of the allocation that becomes useful work, in (0, 1]
 * @param weightPerJob when true the weight counts once per running job (threads of one OS scheduler
 *     with no grouping, as on bare metal); when false once for the whole share
 */
public record ShareSettings(
    double weight,
    double floor,
    double cap,
    double perJobMaxRate,
    int parallelLimit,
    double efficiency,
    boolean weightPerJob) {

  public ShareSettings {
    checkWeight(weight);
    checkNonNegative("floor", floor);
    checkNonNegative("cap", cap);
    if (!(perJobMaxRate > 0)) {
      throw new IllegalArgumentException("perJobMaxRate must be > 0, got " + perJobMaxRate);
    }
    if (parallelLimit < 1) {
      throw new IllegalArgumentException("parallelLimit must be >= 1, got " + parallelLimit);
    }
    checkEfficiency(efficiency);
  }

  /** Weight 1, no floor, no cap, one job per unit, unlimited parallelism, no overhead. */
  public static ShareSettings simple(double perJobMaxRate) {
    return new ShareSettings(
        1, 0, Double.POSITIVE_INFINITY, perJobMaxRate, Integer.MAX_VALUE, 1, false);
  }

  public ShareSettings withCap(double newCap) {
    return new ShareSettings(
        weight, floor, newCap, perJobMaxRate, parallelLimit, efficiency, weightPerJob);
  }

  public ShareSettings withParallelLimit(int newLimit) {
    return new ShareSettings(weight, floor, cap, perJobMaxRate, newLimit, efficiency, weightPerJob);
  }

  public ShareSettings withEfficiency(double newEfficiency) {
    return new ShareSettings(
        weight, floor, cap, perJobMaxRate, parallelLimit, newEfficiency, weightPerJob);
  }

  public ShareSettings withWeightPerJob(boolean perJob) {
    return new ShareSettings(weight, floor, cap, perJobMaxRate, parallelLimit, efficiency, perJob);
  }

  static void checkWeight(double weight) {
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("weight must be finite and > 0, got " + weight);
    }
  }

  static void checkNonNegative(String what, double value) {
    if (!(value >= 0)) {
      throw new IllegalArgumentException(what + " must be >= 0, got " + value);
    }
  }

  static void checkEfficiency(double efficiency) {
    if (!(efficiency > 0 && efficiency <= 1)) {
      throw new IllegalArgumentException("efficiency must be in (0, 1], got " + efficiency);
    }
  }
}
