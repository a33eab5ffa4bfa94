package dev.oversold.cli;

/** Input the command cannot use (a bad option value): exit code 2, message without stack trace. */
public final class BadInputException extends Exception {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }
}
