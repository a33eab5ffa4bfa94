package dev.oversold.scenarios.schema;

import dev.oversold.core.model.Knob;
import dev.oversold.core.model.KnobKind;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.platform.Platforms;
import dev.oversold.scenarios.convert.Knobs;
import java.util.Locale;

/**
 * The host-options table of docs/scenario-format.md, generated from the platforms' knob
 * declarations (the same ones the loader validates and the schema lists), so the documentation
 * cannot drift from the code: {@code HostOptionsTableTest} compares the two. Run {@link #main} to
 * print the table after adding a knob.
 */
public final class HostOptionsTable {
  private HostOptionsTable() {}

  public static void main(String[] args) {
    System.out.print(markdown());
  }

  /** The table, one row per host option of every platform, in declaration order. */
  public static String markdown() {
    StringBuilder table = new StringBuilder();
    table.append("| platform | option | unit | default | range | meaning |\n");
    table.append("|---|---|---|---|---|---|\n");
    for (PlatformKind kind : Platforms.kinds()) {
      for (Knob knob : Platforms.of(kind).hostOptions()) {
        table
            .append("| ")
            .append(kind.id())
            .append(" | `")
            .append(knob.key())
            .append("` | ")
            .append(unit(knob.kind()))
            .append(" | ")
            .append(knob.hasDefault() ? Knobs.format(knob, knob.defaultValue()) : "none")
            .append(" | ")
            .append(range(knob))
            .append(" | ")
            .append(knob.description().replace("|", "\\|"))
            .append(" |\n");
      }
    }
    return table.toString();
  }

  private static String range(Knob knob) {
    return knob.kind() == KnobKind.CHOICE
        ? String.join(" \\| ", knob.choices())
        : Knobs.format(knob.kind(), knob.min()) + " .. " + Knobs.format(knob.kind(), knob.max());
  }

  private static String unit(KnobKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
