package dev.oversold.scenarios.convert;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Keeps a scenario file from reading files outside its own folder tree through {@code jobs-file} (a
 * shared scenario naming {@code ../../etc/passwd} would otherwise have the tool read it and quote
 * it in errors). Symbolic links are resolved before the check. A path given on the command line
 * ({@code --set ...jobs-file=PATH}) is the user's own choice and may point anywhere.
 */
final class JobsFileScope {
  private JobsFileScope() {}

  static boolean allowed(Path file, String path, Context context) {
    boolean fromCommandLine = !context.locate(path).source().equals(context.problems.file());
    if (fromCommandLine) {
      return true;
    }
    try {
      Path base = context.baseDir.toRealPath();
      if (file.toRealPath().startsWith(base)) {
        return true;
      }
      context.error(
          path,
          "the jobs file is outside the scenario's folder (" + base + ")",
          "a CSV file in the scenario's folder or below it, or a path given with --set");
    } catch (IOException e) {
      context.error(path, "cannot resolve the jobs file's path", "a readable CSV file");
    }
    return false;
  }
}
