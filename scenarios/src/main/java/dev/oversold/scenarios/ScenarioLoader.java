package dev.oversold.scenarios;

import dev.oversold.core.model.Scenario;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads scenario files (YAML or JSON, version 1) into validated {@link Scenario}s. Every problem in
 * a file is reported at once, with its line and column; nothing here throws anything but {@link
 * ScenarioException} for bad input.
 */
public final class ScenarioLoader {
  private ScenarioLoader() {}

  /** Loads a file; jobs files it names resolve relative to its folder. */
  public static Scenario load(Path file) throws ScenarioException {
    return load(file, List.of());
  }

  /**
   * Loads a file after applying overrides ({@code --set} of {@code oversold sweep}) to its document
   * tree: each override's key is a path like {@code hosts[0].cpu.cores} or {@code seed}, its value
   * a YAML scalar such as {@code 8}, {@code kvm} or {@code 2GiB}.
   */
  public static Scenario load(Path file, List<Override> overrides) throws ScenarioException {
    throw new UnsupportedOperationException("scenario loading is not implemented yet");
  }

  /** Parses text; {@code fileName} names it in errors and {@code baseDir} resolves jobs files. */
  public static Scenario parse(String text, String fileName, Path baseDir, List<Override> overrides)
      throws ScenarioException {
    throw new UnsupportedOperationException("scenario loading is not implemented yet");
  }

  /** One {@code KEY=VALUE} override. */
  public record Override(String key, String value) {}
}
