package dev.oversold.cli;

import dev.oversold.core.engine.SimulationInterruptedException;
import dev.oversold.core.memory.MemoryAdmissionException;
import dev.oversold.scenarios.Printable;
import dev.oversold.scenarios.Problem;
import dev.oversold.scenarios.ScenarioException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.FileSystemException;
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
    return report(ex, command.getErr(), debug);
  }

  /**
   * Prints what {@code ex} means on {@code err} and returns the exit code; also used by {@link
   * QuickCommands}, which runs {@code list} and {@code validate} without picocli.
   */
  static int report(Exception ex, PrintWriter err, boolean debug) {
    int code;
    if (ex instanceof ScenarioException bad) {
      for (Problem problem : bad.problems()) {
        err.println(problem);
      }
      if (bad.problems().isEmpty()) {
        err.println("oversold: " + Printable.escape(bad.getMessage()));
      }
      code = ExitCodes.BAD_INPUT;
    } else if (ex instanceof BadInputException bad) {
      err.println("oversold: " + Printable.escape(bad.getMessage()));
      code = ExitCodes.BAD_INPUT;
    } else if (admission(ex) != null) {
      // The scenario places more memory than the platform can hold (Xen without balloon
      // targets, ESXi reservations): a property of the input, not of the program.
      err.println("oversold: " + admission(ex).getMessage());
      code = ExitCodes.BAD_INPUT;
    } else if (OutOfMemory.in(ex)) {
      err.println(OutOfMemory.message());
      code = ExitCodes.INTERNAL_ERROR;
    } else if (interrupted(ex)) {
      err.println("oversold: interrupted; no report was written");
      code = ExitCodes.INTERRUPTED;
    } else if (ex instanceof IOException io) {
      // The folder was fine before simulating (OutputDirectory) but writing failed: disk full,
      // removed meanwhile. Not the input's fault, yet worth a sentence rather than a bare path.
      String file =
          io instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() : "";
      err.println(
          "oversold: cannot write the reports"
              + (file.isEmpty() ? "" : " (" + Printable.escape(file) + ")")
              + ": "
              + OutputDirectory.reason(io)
              + "; the folder keeps its previous reports");
      code = ExitCodes.INTERNAL_ERROR;
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

  static boolean interrupted(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException
          || t instanceof ClosedByInterruptException
          || t instanceof SimulationInterruptedException) {
        return true;
      }
    }
    return false;
  }
}
