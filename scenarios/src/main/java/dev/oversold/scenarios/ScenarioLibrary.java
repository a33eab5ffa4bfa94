package dev.oversold.scenarios;

import dev.oversold.core.model.Scenario;
import dev.oversold.scenarios.tree.Node;
import dev.oversold.scenarios.tree.TreeReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The bundled scenarios, packaged as resources under {@code /scenarios/}. A jar cannot be listed
 * portably, so {@code /scenarios/index.txt} names them, one a line.
 */
public final class ScenarioLibrary {
  private static final String FOLDER = "/scenarios/";

  private ScenarioLibrary() {}

  /** One bundled scenario: its name (file name without extension) and description. */
  public record Entry(String name, String description, String resource) {}

  /** Every bundled scenario, sorted by name. */
  public static List<Entry> list() {
    return Index.ENTRIES;
  }

  /** Read once, on first use: the bundled files do not change while the program runs. */
  private static final class Index {
    static final List<Entry> ENTRIES = build();
  }

  private static List<Entry> build() {
    List<Entry> entries = new ArrayList<>();
    for (String line : read(FOLDER + "index.txt").lines().toList()) {
      String name = line.strip();
      if (name.isEmpty() || name.startsWith("#")) {
        continue;
      }
      String resource = FOLDER + name + ".yaml";
      entries.add(new Entry(name, describe(resource), resource));
    }
    entries.sort(Comparator.comparing(Entry::name));
    return List.copyOf(entries);
  }

  public static Optional<Entry> find(String name) {
    return list().stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The text of a bundled scenario file. */
  public static String text(Entry entry) {
    return read(entry.resource());
  }

  /** Loads a bundled scenario by name. */
  public static Scenario load(String name, List<ScenarioLoader.Override> overrides)
      throws ScenarioException {
    Optional<Entry> entry = find(name);
    if (entry.isEmpty()) {
      List<String> names = list().stream().map(Entry::name).toList();
      throw new ScenarioException(
          List.of(
              new Problem(
                  name,
                  0,
                  0,
                  "",
                  "no bundled scenario '"
                      + name
                      + "'"
                      + dev.oversold.scenarios.bind.Suggest.hint(name, names),
                  "one of: " + String.join(", ", names))));
    }
    return ScenarioLoader.parse(text(entry.get()), "library:" + name + ".yaml", null, overrides);
  }

  /**
   * The description of a bundled file: read from its lines when it is a block scalar ({@link
   * BlockDescription}, no YAML parser started); else from the document tree (binding and converting
   * twelve scenarios was most of what {@code oversold list} did at start-up); a file without one is
   * loaded in full, so that a broken one says why.
   */
  private static String describe(String resource) {
    String text = read(resource);
    Optional<String> block = BlockDescription.of(text);
    if (block.isPresent()) {
      return block.get();
    }
    Problems problems = new Problems(resource);
    if (TreeReader.read(text, resource, false, problems) instanceof Node.MapNode root
        && root.get("description") instanceof Node.ScalarNode description
        && !description.isNull()
        && problems.isEmpty()) {
      return description.text().replaceAll("\\s+", " ").strip();
    }
    try {
      Scenario scenario = ScenarioLoader.parse(text, resource, null, List.of());
      return scenario.description().replaceAll("\\s+", " ").strip();
    } catch (ScenarioException e) {
      return "(invalid: " + e.getMessage() + ")";
    }
  }

  private static String read(String resource) {
    try (InputStream in = ScenarioLibrary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing bundled resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
