package dev.oversold.scenarios.units;

/**
 * A quantity that does not parse: {@link #getMessage()} says why, {@link #expected()} what fits.
 */
public final class UnitException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String expected;

  public UnitException(String message, String expected) {
    super(message, null, false, false);
    this.expected = expected;
  }

  public String expected() {
    return expected;
  }
}
