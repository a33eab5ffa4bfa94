package dev.oversold.scenarios;

/**
 * One thing wrong with a scenario file, printed as {@code FILE:LINE:COL: key.path: message
 * (expected)}.
 *
 * @param file the file as the user named it
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param path the key path, e.g. {@code tenants[2].workload.rate}; empty for the whole file
 * @param message what is wrong
 * @param expected what was expected (printed after "expected "); empty when the message says it all
 */
public record Problem(
    String file, int line, int column, String path, String message, String expected) {

  @Override
  public String toString() {
    StringBuilder text =
        new StringBuilder(file).append(':').append(line).append(':').append(column);
    text.append(": ");
    if (!path.isEmpty()) {
      text.append(path).append(": ");
    }
    text.append(message);
    if (!expected.isEmpty()) {
      text.append(" (expected ").append(expected).append(')');
    }
    // Names and values from the file may hold terminal escapes; they are shown, never obeyed.
    return Printable.escape(text.toString());
  }
}
