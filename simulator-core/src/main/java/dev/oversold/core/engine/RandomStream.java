package dev.oversold.core.engine;

import java.util.SplittableRandom;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * One random stream: a SplitMix64 generator ({@link SplittableRandom}) behind Commons Math's {@link
 * RandomGenerator} interface, so the Commons Math distributions can draw from it. Fast, small, and
 * the same sequence on every JVM for the same seed.
 */
public final class RandomStream implements RandomGenerator {
  private SplittableRandom random;

  public RandomStream(long seed) {
    this.random = new SplittableRandom(seed);
  }

  @Override
  public void setSeed(int seed) {
    random = new SplittableRandom(seed);
  }

  @Override
  public void setSeed(int[] seed) {
    long mixed = 0;
    for (int value : seed) {
      mixed = mixed * 31 + value;
    }
    random = new SplittableRandom(mixed);
  }

  @Override
  public void setSeed(long seed) {
    random = new SplittableRandom(seed);
  }

  @Override
  public void nextBytes(byte[] bytes) {
    random.nextBytes(bytes);
  }

  @Override
  public int nextInt() {
    return random.nextInt();
  }

  @Override
  public int nextInt(int n) {
    return random.nextInt(n);
  }

  @Override
  public long nextLong() {
    return random.nextLong();
  }

  @Override
  public boolean nextBoolean() {
    return random.nextBoolean();
  }

  @Override
  public float nextFloat() {
    return (random.nextInt() >>> 8) * 0x1.0p-24f;
  }

  /** Uniform in [0, 1). */
  @Override
  public double nextDouble() {
    return random.nextDouble();
  }

  /** Uniform in (0, 1]: safe to take the logarithm of. */
  public double nextOpenDouble() {
    return 1.0 - random.nextDouble();
  }

  /** Exponentially distributed with the given mean (inverse transform). */
  public double nextExponential(double mean) {
    return -mean * Math.log(nextOpenDouble());
  }

  @Override
  public double nextGaussian() {
    // Marsaglia polar method; no cached second value so the stream stays a pure function of its
    // state.
    double u;
    double v;
    double s;
    do {
      u = 2 * random.nextDouble() - 1;
      v = 2 * random.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    return u * Math.sqrt(-2 * Math.log(s) / s);
  }
}
