package dev.oversold.report.rendering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

final class NumbersTest {
  @Test
  void machine_keepsNineSignificantDigitsWithoutExponent() {
    // 1 - 0.8 is 0.19999999999999996 in binary; nine digits round it back to 0.2
    assertEquals("0.2", Numbers.machine(1 - 0.8));
    assertEquals("1073741824", Numbers.machine(1L << 30));
    assertEquals("0.0000123456789", Numbers.machine(0.00001234567891));
    assertEquals("0", Numbers.machine(-0.0));
    assertNull(Numbers.machine(Double.NaN));
  }

  @Test
  void fixed_ignoresTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertEquals("1234.50", Numbers.fixed(1234.5, 2));
      assertEquals("0.0", Numbers.fixed(-0.01, 1));
      assertEquals("-", Numbers.fixed(Double.NaN, 1));
      assertEquals("1.5 GiB", Numbers.bytes(1.5 * (1L << 30)));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void negativeZero_matchesTheRegexItReplaced() {
    // The independent side is the regex Numbers.fixed used before (-0(\.0*)?), over the
    // strings String.format gives near zero and hand-picked near misses.
    List<String> texts = new ArrayList<>(List.of("-0", "-0.", "-0.0", "-0.000", "0", "0.0", ""));
    texts.addAll(List.of("-", "-00", "-0.01", "-0.10", "-0,0", "-0.0-", "--0.0", "-1", "-0x"));
    for (double v : new double[] {-0.0, -1e-9, -0.004, -0.005, -0.05, -0.5, -1, 0.0, 0.004}) {
      for (int decimals = 0; decimals <= 4; decimals++) {
        texts.add(String.format(Locale.ROOT, "%." + decimals + "f", v));
      }
    }
    for (String text : texts) {
      assertEquals(text.matches("-0(\\.0*)?"), Numbers.isNegativeZero(text), text);
    }
    assertEquals("0.00", Numbers.fixed(-0.004, 2));
    assertEquals("-0.01", Numbers.fixed(-0.005, 2));
  }
}
