package dev.oversold.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

final class SimTimeTest {
  @Test
  void ceilNanos_roundsUpSoEventsNeverFireEarly() {
    assertEquals(1, SimTime.ceilNanos(0.1e-9));
    assertEquals(1_500_000_000L, SimTime.ceilNanos(1.5));
    assertEquals(0, SimTime.ceilNanos(0));
    assertEquals(SimTime.NEVER, SimTime.ceilNanos(1e300));
    assertThrows(IllegalArgumentException.class, () -> SimTime.ceilNanos(-1));
    assertThrows(IllegalArgumentException.class, () -> SimTime.ceilNanos(Double.NaN));
  }

  @Test
  void plus_saturatesInsteadOfOverflowing() {
    assertEquals(30, SimTime.plus(10, 20));
    assertEquals(SimTime.NEVER, SimTime.plus(SimTime.NEVER - 1, 5));
  }

  @Test
  void format_usesTheLargestExactUnit() {
    assertEquals("2m", SimTime.format(2 * SimTime.MINUTE));
    assertEquals("1h", SimTime.format(SimTime.HOUR));
    assertEquals("1.5s", SimTime.format(1_500_000_000L));
    assertEquals("250ms", SimTime.format(250 * SimTime.MILLISECOND));
    assertEquals("100us", SimTime.format(100 * SimTime.MICROSECOND));
    assertEquals("7ns", SimTime.format(7));
    assertEquals("never", SimTime.format(SimTime.NEVER));
  }

  @Test
  void simDuration_rejectsNegativeSpans() {
    assertThrows(IllegalArgumentException.class, () -> new SimDuration(-1));
    assertEquals(90.0, SimDuration.ofMinutes(1).seconds() + SimDuration.ofSeconds(30).seconds());
  }
}
