package dev.oversold.report.rendering;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: text columns left-aligned, number columns right-aligned, two spaces apart.
 */
public final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final int width;
  private final int textColumns;

  /** The first {@code textColumns} columns hold text and align left. */
  public TextTable(int textColumns, String... header) {
    this.width = header.length;
    this.textColumns = textColumns;
    rows.add(header);
  }

  public void add(String... cells) {
    if (cells.length != width) {
      throw new IllegalArgumentException("expected " + width + " cells");
    }
    rows.add(cells);
  }

  public String render() {
    int[] widths = new int[width];
    for (String[] row : rows) {
      for (int c = 0; c < width; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < width; c++) {
        if (c > 0) {
          line.append("  ");
        }
        String pad = " ".repeat(widths[c] - row[c].length());
        line.append(c < textColumns ? row[c] + pad : pad + row[c]);
      }
      text.append(line.toString().stripTrailing()).append('\n');
      if (r == 0) {
        int total = 0;
        for (int w : widths) {
          total += w;
        }
        text.append("-".repeat(total + 2 * (width - 1))).append('\n');
      }
    }
    return text.toString();
  }
}
