package dev.oversold.scenarios.units;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A size in bytes written with a unit ({@code 512MiB}, {@code 20GB}), rounded to whole bytes. */
public record ByteSize(long bytes) {
  private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  public ByteSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("negative size " + bytes);
    }
  }

  public static ByteSize parse(String text) throws UnitException {
    Quantities.Split split = Quantities.split(text, Units.BYTE_UNITS);
    BigDecimal bytes =
        split.number().multiply(Quantities.factor(Units.BYTES, split, text, Units.BYTE_UNITS));
    Quantities.checkAtMost(bytes, MAX, text, "at most 8EiB");
    return new ByteSize(bytes.setScale(0, RoundingMode.HALF_UP).longValueExact());
  }
}
