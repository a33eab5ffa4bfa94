package dev.oversold.report.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.oversold.core.result.HostResult;
import dev.oversold.core.result.Series;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** HostReport's checks name a missing options map, as its other components do (review27 N4). */
final class HostReportTest {
  @SuppressWarnings("NullAway") // the nulls are the point
  private static HostReport host(
      @Nullable Map<String, String> options, @Nullable Map<String, String> changed) {
    return new HostReport(
        "h",
        "kvm",
        8,
        1L << 30,
        1,
        1,
        1,
        0,
        0,
        0,
        Series.EMPTY,
        HostResult.Load.IDLE,
        HostResult.Load.IDLE,
        options,
        changed);
  }

  @Test
  void nullOptions_areRefusedByName() {
    assertEquals(
        "options",
        assertThrows(NullPointerException.class, () -> host(null, Map.of())).getMessage());
    assertEquals(
        "changedOptions",
        assertThrows(NullPointerException.class, () -> host(Map.of(), null)).getMessage());
    assertEquals(Map.of("a", "1"), host(Map.of("a", "1"), Map.of()).options());
  }
}
