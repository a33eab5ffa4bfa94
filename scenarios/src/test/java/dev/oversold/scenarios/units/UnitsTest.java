package dev.oversold.scenarios.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class UnitsTest {
  @Test
  void timeSpan_parsesEveryUnitToNanoseconds() throws UnitException {
    assertEquals(5L, TimeSpan.parse("5ns").nanos());
    assertEquals(100_000L, TimeSpan.parse("100us").nanos());
    assertEquals(250_000_000L, TimeSpan.parse("250ms").nanos());
    assertEquals(1_500_000_000L, TimeSpan.parse("1.5s").nanos());
    // 10 m = 600 s; 2 h = 7200 s; 1 d = 86400 s
    assertEquals(600_000_000_000L, TimeSpan.parse("10m").nanos());
    assertEquals(7_200_000_000_000L, TimeSpan.parse("2h").nanos());
    assertEquals(86_400_000_000_000L, TimeSpan.parse("1d").nanos());
    assertEquals(0.004, TimeSpan.parse("4ms").secondsValue());
  }

  @Test
  void timeSpan_bareNumber_isAnErrorNamingTheUnits() {
    UnitException error = assertThrows(UnitException.class, () -> TimeSpan.parse("600"));
    assertEquals("'600' has no unit", error.getMessage());
    assertTrue(error.expected().contains("ns us ms s m h d"), error.expected());
  }

  @Test
  void timeSpan_unknownUnitAndNegative_areErrors() {
    assertEquals(
        "unknown unit 'M'",
        assertThrows(UnitException.class, () -> TimeSpan.parse("10M")).getMessage());
    assertEquals(
        "'-1s' is negative",
        assertThrows(UnitException.class, () -> TimeSpan.parse("-1s")).getMessage());
  }

  @Test
  void timeSpan_overflowingALongOfNanoseconds_isAnError() {
    // Long.MAX_VALUE ns = 9.22e18 ns = 106751.99 days; 106752d is past it.
    assertThrows(UnitException.class, () -> TimeSpan.parse("106752d"));
    assertThrows(UnitException.class, () -> TimeSpan.parse("1e999s"));
  }

  @Test
  void byteSize_binaryAndDecimalPrefixes() throws UnitException {
    assertEquals(1_073_741_824L, ByteSize.parse("1GiB").bytes());
    assertEquals(1_000_000_000L, ByteSize.parse("1GB").bytes());
    assertEquals(1536L, ByteSize.parse("1.5KiB").bytes()); // 1.5 x 1024
    assertEquals(20_480L, ByteSize.parse("20KiB").bytes());
    assertEquals(1_099_511_627_776L, ByteSize.parse("1TiB").bytes());
    assertThrows(UnitException.class, () -> ByteSize.parse("9EiB"));
    assertThrows(UnitException.class, () -> ByteSize.parse("10000000TiB")); // > 8 EiB
  }

  @Test
  void byteRate_acceptsBytesAndBitsPerSecond() throws UnitException {
    assertEquals(5e8, ByteRate.parse("500MB/s").value());
    assertEquals(125e6, ByteRate.parse("1Gbit/s").value()); // 1e9 bits / 8
    assertEquals(12.5e6, ByteRate.parse("100Mbit/s").value());
    assertEquals(200.0 * 1024 * 1024, ByteRate.parse("200MiB/s").value());
    assertEquals(
        "'1GiB' is not a rate per second",
        assertThrows(UnitException.class, () -> ByteRate.parse("1GiB")).getMessage());
  }

  @Test
  void rateAndPercent_needTheirUnits() throws UnitException {
    assertEquals(20.0, Rate.parse("20/s").value());
    assertEquals(0.5, Percent.parse("50%").value());
    assertEquals(4.0, Percent.parse("400%").value());
    assertThrows(UnitException.class, () -> Rate.parse("20"));
    assertThrows(UnitException.class, () -> Percent.parse("0.5"));
  }

  @Test
  void format_writesTextThatParsesBackToTheSameValue() throws UnitException {
    assertEquals("90s", Format.duration(90_000_000_000L));
    assertEquals("2m", Format.duration(120_000_000_000L));
    assertEquals("1500us", Format.duration(1_500_000L));
    assertEquals("1GiB", Format.bytes(1L << 30));
    assertEquals("1000B", Format.bytes(1000));
    double awkward = 0.1 + 0.2; // 0.30000000000000004, not a short decimal
    assertEquals(awkward, TimeSpan.parse(Format.seconds(awkward)).secondsValue());
    assertEquals(awkward, Percent.parse(Format.percent(awkward)).value());
    assertEquals(1e-300, Rate.parse(Format.rate(1e-300)).value());
  }
}
