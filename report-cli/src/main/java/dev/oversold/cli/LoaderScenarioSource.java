package dev.oversold.cli;

import dev.oversold.core.model.Scenario;
import dev.oversold.scenarios.Problem;
import dev.oversold.scenarios.ScenarioException;
import dev.oversold.scenarios.ScenarioLibrary;
import dev.oversold.scenarios.ScenarioLoader;
import dev.oversold.scenarios.ScenarioSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Resolves {@code FILE|NAME} with the scenarios module: an existing file is loaded, anything else
 * that looks like a name is looked up among the bundled scenarios.
 */
public final class LoaderScenarioSource implements ScenarioSource {
  @Override
  public Scenario resolve(String fileOrName, List<ScenarioLoader.Override> overrides)
      throws ScenarioException {
    Path path = Path.of(fileOrName);
    if (Files.isRegularFile(path)) {
      return ScenarioLoader.load(path, overrides);
    }
    if (!looksLikeFile(fileOrName) && ScenarioLibrary.find(fileOrName).isPresent()) {
      return ScenarioLibrary.load(fileOrName, overrides);
    }
    String message =
        Files.isDirectory(path)
            ? "is a folder, not a scenario file"
            : Files.exists(path)
                ? "is a device or pipe, not a scenario file"
                : looksLikeFile(fileOrName) ? "no such file" : "no such file or bundled scenario";
    throw new ScenarioException(
        List.of(
            new Problem(
                fileOrName,
                0,
                0,
                "",
                message,
                "a scenario file (.yaml, .yml, .json) or a name shown by `oversold list`")));
  }

  private static boolean looksLikeFile(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return text.contains("/")
        || text.contains("\\")
        || lower.endsWith(".yaml")
        || lower.endsWith(".yml")
        || lower.endsWith(".json");
  }

  @Override
  public List<ScenarioLibrary.Entry> bundled() {
    return ScenarioLibrary.list();
  }

  @Override
  public String schema() {
    return ScenarioSchema.json();
  }
}
