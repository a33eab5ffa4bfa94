package dev.oversold.sweep;

import dev.oversold.scenarios.ScenarioLoader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cartesian product of sweep axes (the first axis varies slowest), each point named for its
 * folder: {@code SHORT-VALUE} per axis joined by {@code _} ({@code cores-4_web.count-20}), any
 * character other than letters, digits, dot, minus and underscore replaced by {@code -}, and {@code
 * -2}, {@code -3}... appended when two points would otherwise share a name.
 */
public final class SweepGrid {
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

  private SweepGrid() {}

  public static List<SweepPoint> points(List<SweepAxis> axes) {
    List<List<Integer>> combos = new ArrayList<>();
    combos.add(List.of());
    for (SweepAxis axis : axes) {
      List<List<Integer>> next = new ArrayList<>();
      for (List<Integer> combo : combos) {
        for (int level = 0; level < axis.levels().size(); level++) {
          List<Integer> extended = new ArrayList<>(combo);
          extended.add(level);
          next.add(extended);
        }
      }
      combos = next;
    }
    List<SweepPoint> points = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (List<Integer> combo : combos) {
      List<String> labels = new ArrayList<>();
      List<String> parts = new ArrayList<>();
      List<ScenarioLoader.Override> overrides = new ArrayList<>();
      for (int a = 0; a < axes.size(); a++) {
        SweepAxis.Level level = axes.get(a).levels().get(combo.get(a));
        labels.add(level.value());
        parts.add(axes.get(a).shortName() + "-" + level.value());
        overrides.addAll(level.overrides());
      }
      String base = safe(String.join("_", parts));
      String name = base;
      for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
        name = base + "-" + n;
      }
      points.add(new SweepPoint(name, labels, overrides));
    }
    return points;
  }

  /** A name any file system takes: no separators, no spaces, no leading dot. */
  static String safe(String name) {
    String safe = UNSAFE.matcher(name).replaceAll("-");
    return safe.startsWith(".") ? "-" + safe.substring(1) : safe;
  }
}
