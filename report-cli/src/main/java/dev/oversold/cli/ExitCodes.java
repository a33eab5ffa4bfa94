package dev.oversold.cli;

/** The exit codes of the {@code oversold} command (user contract, section 2). */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int INTERNAL_ERROR = 1;
  public static final int BAD_INPUT = 2;

  /** Interrupted (Ctrl-C): 128 + SIGINT, what shells report for a process killed by it. */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
