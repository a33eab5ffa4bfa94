package dev.oversold.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the plainest {@code list} and {@code validate FILE...} command lines without building
 * picocli: its command model is built by reflection over Java 5 bytecode that no class-data archive
 * holds, which was most of what these short commands cost at start-up. Only a command line picocli
 * would parse into exactly these calls is taken here (no options, no {@code @argument-files}); the
 * output, the exit code and the handling of errors are those of the picocli path ({@link
 * ListCommand#print}, {@link ValidateCommand#check}, {@link ErrorHandler#report}).
 */
final class QuickCommands {
  private QuickCommands() {}

  /** Whether {@link #run} handles {@code args}; every other command line goes to picocli. */
  static boolean handles(String[] args) {
    if (args.length == 1) {
      return args[0].equals("list");
    }
    if (args.length < 2 || !args[0].equals("validate")) {
      return false;
    }
    for (int i = 1; i < args.length; i++) {
      // options and picocli's @file expansion: left to picocli
      if (args[i].startsWith("-") || args[i].startsWith("@")) {
        return false;
      }
    }
    return true;
  }

  /** Runs a command line {@link #handles} accepted; returns the exit code. */
  static int run(String[] args, ScenarioSource source, PrintWriter out, PrintWriter err) {
    try {
      if (args[0].equals("list")) {
        return ListCommand.print(source, out);
      }
      List<String> files = Arrays.asList(args).subList(1, args.length);
      return ValidateCommand.check(source, files, /* showCost= */ false, out, err);
    } catch (RuntimeException e) {
      return ErrorHandler.report(e, err, /* debug= */ false);
    }
  }
}
