package dev.oversold.cli;

import dev.oversold.core.memory.MemoryAdmissionException;
import dev.oversold.scenarios.Problem;
import dev.oversold.scenarios.ScenarioException;
import java.io.PrintWriter;
import java.nio.channels.ClosedByInterruptException;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * Maps what a command throws to an exit code and a message, never a bare stack trace: bad input
 * prints every problem as {@code FILE:LINE:COL: key.path: message (expected)} and exits 2; an
 * interrupt exits 130; anything else is an internal error (exit 1) with a short message, and the
 * stack trace only with {@code --debug}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  private final boolean debug;

  ErrorHandler(String[] args) {
    this.debug = Arrays.asList(args).contains("--debug");
  }

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine command, CommandLine.ParseResult parseResult) {
    PrintWriter err = command.getErr();
    int code;
    if (ex instanceof ScenarioException bad) {
      for (Problem problem : bad.problems()) {
        err.println(problem);
      }
      if (bad.problems().isEmpty()) {
        err.println("oversold: " + bad.getMessage());
      }
      code = ExitCodes.BAD_INPUT;
    } else if (ex instanceof BadInputException bad) {
      err.println("oversold: " + bad.getMessage());
      code = ExitCodes.BAD_INPUT;
    } else if (admission(ex) != null) {
      // The scenario places more memory than the platform can hold (Xen without balloon
      // targets, ESXi reservations): a property of the input, not of the program.
      err.println("oversold: " + admission(ex).getMessage());
      code = ExitCodes.BAD_INPUT;
    } else if (interrupted(ex)) {
      err.println("oversold: interrupted; no report was written");
      code = ExitCodes.INTERRUPTED;
    } else {
      String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
      err.println(
          "oversold: internal error: "
              + message
              + (debug ? "" : " (run again with --debug for details)"));
      if (debug) {
        ex.printStackTrace(err);
      }
      code = ExitCodes.INTERNAL_ERROR;
    }
    err.flush();
    return code;
  }

  private static MemoryAdmissionException admission(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof MemoryAdmissionException refused) {
        return refused;
      }
    }
    return null;
  }

  private static boolean interrupted(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException || t instanceof ClosedByInterruptException) {
        return true;
      }
    }
    return false;
  }
}
