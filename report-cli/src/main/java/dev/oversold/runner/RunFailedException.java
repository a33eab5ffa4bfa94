package dev.oversold.runner;

/** A simulation threw: names the run so the user knows which one. */
public final class RunFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RunFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
