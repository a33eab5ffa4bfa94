package dev.oversold.sweep;

import dev.oversold.scenarios.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One dimension of a sweep: a column label, a short name for point folders, and the levels it
 * takes. A {@code --set KEY=V1,V2} axis sets one key per level; a {@code --scale} axis sets the
 * count of every template of a mix per level.
 *
 * @param label the column heading in sweep.txt/csv/json (the key, or {@code scale GROUP})
 * @param shortName what point folder names call it ({@code cores}, {@code web.count}, {@code web})
 * @param levels the values, in the order given
 */
public record SweepAxis(String label, String shortName, List<Level> levels) {
  public SweepAxis {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(shortName, "shortName");
    levels = List.copyOf(levels);
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("an axis needs at least one level");
    }
  }

  /**
   * One level of an axis.
   *
   * @param value what the point's row shows in this axis' column
   * @param overrides the scenario keys the level sets
   */
  public record Level(String value, List<ScenarioLoader.Override> overrides) {
    public Level {
      Objects.requireNonNull(value, "value");
      overrides = List.copyOf(overrides);
    }
  }

  /**
   * Parses {@code KEY=V1,V2,...}.
   *
   * @throws IllegalArgumentException with a message for the user when malformed
   */
  public static SweepAxis ofSet(String set) {
    int eq = set.indexOf('=');
    if (eq <= 0 || eq == set.length() - 1) {
      throw new IllegalArgumentException("--set " + set + " must look like KEY=V1,V2,...");
    }
    String key = set.substring(0, eq).strip();
    List<Level> levels = new ArrayList<>();
    for (String value : set.substring(eq + 1).split(",", -1)) {
      if (value.isBlank()) {
        throw new IllegalArgumentException("--set " + set + " has an empty value");
      }
      String v = value.strip();
      levels.add(new Level(v, List.of(new ScenarioLoader.Override(key, v))));
    }
    return new SweepAxis(key, shortKey(key), levels);
  }

  /**
   * The last segment of a key, with the item name before it when the item is addressed by name:
   * {@code hosts[0].cpu.cores} is {@code cores}, {@code tenants[web].count} is {@code web.count}.
   */
  static String shortKey(String key) {
    int dot = key.lastIndexOf('.');
    String last = key.substring(dot + 1);
    if (dot > 0 && key.charAt(dot - 1) == ']') {
      int open = key.lastIndexOf('[', dot);
      String item = open < 0 ? "" : key.substring(open + 1, dot - 1);
      if (!item.isEmpty() && !item.chars().allMatch(Character::isDigit)) {
        return item + "." + last;
      }
    }
    return last;
  }
}
