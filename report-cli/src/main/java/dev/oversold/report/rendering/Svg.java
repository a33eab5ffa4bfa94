package dev.oversold.report.rendering;

/**
 * A tiny SVG builder writing XML-clean markup (every element closed, every text escaped) so the
 * HTML report parses as XML. Coordinates print with one decimal, independent of the locale.
 */
final class Svg {
  /** Categorical colours, distinguishable and print-friendly (Tableau 10 hues). */
  static final String[] PALETTE = {
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"
  };

  private final StringBuilder out = new StringBuilder();

  Svg(double width, double height, String label) {
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
        .append(n(width))
        .append(' ')
        .append(n(height))
        .append("\" width=\"")
        .append(n(width))
        .append("\" height=\"")
        .append(n(height))
        .append("\" aria-label=\"")
        .append(escape(label))
        .append("\">\n");
  }

  static String color(int index) {
    return PALETTE[Math.floorMod(index, PALETTE.length)];
  }

  static String n(double value) {
    // String.format(Locale.ROOT, "%.1f", value), character for character
    String text = FixedDecimals.format(value, 1);
    return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
  }

  /** Escapes text and attribute values for HTML and XML alike. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  Svg rect(double x, double y, double w, double h, String fill, String extra) {
    out.append("<rect x=\"")
        .append(n(x))
        .append("\" y=\"")
        .append(n(y))
        .append("\" width=\"")
        .append(n(Math.max(0, w)))
        .append("\" height=\"")
        .append(n(Math.max(0, h)))
        .append("\" fill=\"")
        .append(fill)
        .append('"')
        .append(extra.isEmpty() ? "" : " " + extra)
        .append("/>\n");
    return this;
  }

  Svg line(double x1, double y1, double x2, double y2, String stroke, String extra) {
    out.append("<line x1=\"")
        .append(n(x1))
        .append("\" y1=\"")
        .append(n(y1))
        .append("\" x2=\"")
        .append(n(x2))
        .append("\" y2=\"")
        .append(n(y2))
        .append("\" stroke=\"")
        .append(stroke)
        .append('"')
        .append(extra.isEmpty() ? "" : " " + extra)
        .append("/>\n");
    return this;
  }

  /** Text; {@code attributes} holds anchor, size, class... */
  Svg text(double x, double y, String text, String attributes) {
    out.append("<text x=\"")
        .append(n(x))
        .append("\" y=\"")
        .append(n(y))
        .append('"')
        .append(attributes.isEmpty() ? "" : " " + attributes)
        .append('>')
        .append(escape(text))
        .append("</text>\n");
    return this;
  }

  /** A path from a ready-made {@code d} attribute. */
  Svg path(String d, String attributes) {
    out.append("<path d=\"").append(d).append("\" ").append(attributes).append("/>\n");
    return this;
  }

  /** A tooltip for the element opened before it cannot be added after; use a titled group. */
  Svg openGroup(String title) {
    out.append("<g><title>").append(escape(title)).append("</title>\n");
    return this;
  }

  Svg closeGroup() {
    out.append("</g>\n");
    return this;
  }

  String end() {
    return out.append("</svg>\n").toString();
  }
}
