package dev.oversold.scenarios.bind;

import dev.oversold.scenarios.units.ByteRate;
import dev.oversold.scenarios.units.ByteSize;
import dev.oversold.scenarios.units.Percent;
import dev.oversold.scenarios.units.Rate;
import dev.oversold.scenarios.units.TimeSpan;
import dev.oversold.scenarios.units.UnitException;
import dev.oversold.scenarios.units.Units;
import java.util.List;
import java.util.Optional;

/** The quantity types a DTO may hold, with their parser and their schema pattern. */
public record Quantity<T>(Class<T> type, Parser<T> parser, String expected, String pattern) {

  /** Parses one quantity. */
  @FunctionalInterface
  public interface Parser<T> {
    T parse(String text) throws UnitException;
  }

  private static final String NUMBER =
      "^\\s*[+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]{1,3})?\\s*";

  public static final List<Quantity<?>> ALL =
      List.of(
          new Quantity<>(
              TimeSpan.class,
              TimeSpan::parse,
              Units.TIME_UNITS,
              NUMBER + "(ns|us|µs|ms|s|m|h|d)\\s*$"),
          new Quantity<>(
              ByteSize.class,
              ByteSize::parse,
              Units.BYTE_UNITS,
              NUMBER + "(B|KiB|MiB|GiB|TiB|KB|MB|GB|TB)\\s*$"),
          new Quantity<>(
              ByteRate.class,
              ByteRate::parse,
              Units.BYTE_RATE_UNITS,
              NUMBER + "(B|KiB|MiB|GiB|TiB|KB|MB|GB|TB|bit|Kbit|Mbit|Gbit|Tbit)\\s*/s\\s*$"),
          new Quantity<>(Rate.class, Rate::parse, Units.RATE_UNITS, NUMBER + "/s\\s*$"),
          new Quantity<>(Percent.class, Percent::parse, Units.PERCENT_UNITS, NUMBER + "%\\s*$"));

  public static Optional<Quantity<?>> of(Class<?> type) {
    return ALL.stream().filter(q -> q.type().equals(type)).findFirst();
  }
}
