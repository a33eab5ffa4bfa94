package dev.oversold.planner;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers in plan files: 9 significant digits, plain notation, null when undefined. */
final class PlanNumbers {
  private PlanNumbers() {}

  /** The number's text, or null for NaN and infinities. */
  static String machine(double value) {
    if (!Double.isFinite(value)) {
      return null;
    }
    if (value == 0) {
      return "0";
    }
    return new BigDecimal(value).round(new MathContext(9)).stripTrailingZeros().toPlainString();
  }
}
