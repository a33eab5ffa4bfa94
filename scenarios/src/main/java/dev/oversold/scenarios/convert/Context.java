package dev.oversold.scenarios.convert;

import dev.oversold.scenarios.Problems;
import dev.oversold.scenarios.tree.Location;
import dev.oversold.scenarios.tree.Node;
import dev.oversold.scenarios.tree.Paths;
import java.nio.file.Path;

/** What the converters share: where to report problems and how to locate a key path. */
final class Context {
  final Problems problems;
  private final Node root;
  final Path baseDir;

  Context(Problems problems, Node root, Path baseDir) {
    this.problems = problems;
    this.root = root;
    this.baseDir = baseDir;
  }

  /**
   * Whether a noisy neighbour's {@code rate} is above 0; when it is not, says so at {@code
   * path.rate} with {@code example} as what was expected.
   */
  boolean positiveRate(double value, String path, String example) {
    if (value > 0) {
      return true;
    }
    error(path + ".rate", "the rate must be more than 0", example);
    return false;
  }

  /** Reports a problem at the place {@code path} was written. */
  void error(String path, String message, String expected) {
    problems.add(locate(path), path, message, expected);
  }

  /** Reports a problem at the key {@code path} ends with (an unknown key). */
  void errorAtKey(String path, String message, String expected) {
    Location location = Paths.locateKey(root, path);
    problems.add(location == null ? locate(path) : location, path, message, expected);
  }

  Location locate(String path) {
    Location location = Paths.locate(root, path);
    return location == null ? new Location(problems.file(), 1, 1) : location;
  }
}
