package dev.oversold.planner;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * plan.html: the table, the warnings, and per platform the deciding figure against the tenant count
 * with its 95% intervals, the limit as a dashed line and the answer marked. Self-contained (inline
 * SVG, no scripts).
 */
public final class PlanHtmlWriter {
  private static final int WIDTH = 560;
  private static final int HEIGHT = 260;
  private static final int PAD = 48;

  private PlanHtmlWriter() {}

  public static void write(PlanReport plan, Writer out) throws IOException {
    StringWriter table = new StringWriter();
    PlanTableWriter.write(plan, table);
    out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.write("<title>oversold plan: " + escape(plan.scenario()) + "</title>");
    out.write(
        "<style>body{font-family:sans-serif;margin:2em}pre{background:#f6f6f6;padding:1em}"
            + "svg{border:1px solid #ddd;margin:0.5em 0}</style></head><body>\n");
    out.write("<h1>Plan: " + escape(plan.scenario()) + "</h1>\n");
    out.write("<pre>" + escape(table.toString()) + "</pre>\n");
    for (PlanReport.PlatformPlan p : plan.platforms()) {
      out.write("<h2>" + escape(p.platform()) + "</h2>\n");
      chart(p.search(), limitOf(plan.limits(), p.search().curveMetric()), out);
    }
    out.write("</body></html>\n");
  }

  private static double limitOf(PlanLimits limits, String metric) {
    for (Limit limit : limits.asList()) {
      if (limit.metric().equals(metric)) {
        return limit.value();
      }
    }
    return Double.NaN;
  }

  private static void chart(SearchResult s, double limit, Writer out) throws IOException {
    List<SearchResult.CurvePoint> points =
        s.curve().stream().filter(p -> Double.isFinite(p.value())).toList();
    if (points.isEmpty() || Double.isNaN(limit)) {
      out.write("<p>No figure to plot (" + escape(s.curveMetric()) + ").</p>\n");
      return;
    }
    double maxX = s.curve().stream().mapToInt(SearchResult.CurvePoint::tenants).max().orElse(1);
    double maxY = limit;
    double minY = Math.min(0, limit);
    for (SearchResult.CurvePoint p : points) {
      double top = Double.isNaN(p.high()) ? p.value() : p.high();
      double bottom = Double.isNaN(p.low()) ? p.value() : p.low();
      maxY = Math.max(maxY, top);
      minY = Math.min(minY, bottom);
    }
    maxY = maxY + (maxY - minY) * 0.1 + 1e-12;
    Scale scale = new Scale(maxX, minY, maxY);
    out.write(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\""
                + " aria-label=\"%s against tenant count\">\n",
            WIDTH,
            HEIGHT,
            escape(s.curveMetric())));
    line(out, PAD, HEIGHT - PAD, WIDTH - PAD, HEIGHT - PAD, "#000", "");
    line(out, PAD, PAD / 2.0, PAD, HEIGHT - PAD, "#000", "");
    text(out, WIDTH / 2.0, HEIGHT - 10, "tenants (0.." + (int) maxX + ")");
    text(out, PAD + 70, PAD / 2.0 - 6, s.curveMetric() + " (max " + fmt(maxY) + ")");
    double ly = scale.y(limit);
    line(out, PAD, ly, WIDTH - PAD, ly, "#c00", " stroke-dasharray=\"6 4\"");
    text(out, WIDTH - PAD - 40, ly - 4, "limit " + fmt(limit));
    if (s.tenants() > 0) {
      double ax = scale.x(s.tenants());
      line(out, ax, PAD / 2.0, ax, HEIGHT - PAD, "#070", " stroke-dasharray=\"2 3\"");
      text(out, ax, PAD / 2.0 + 10, "answer " + s.tenants());
    }
    StringBuilder path = new StringBuilder();
    for (SearchResult.CurvePoint p : points) {
      double x = scale.x(p.tenants());
      double y = scale.y(p.value());
      path.append(path.length() == 0 ? "M" : " L").append(fmt(x)).append(' ').append(fmt(y));
      if (!Double.isNaN(p.low())) {
        line(out, x, scale.y(p.low()), x, scale.y(p.high()), "#36c", "");
      }
      out.write(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"#36c\"><title>%d tenants: %s</title>"
                  + "</circle>\n",
              fmt(x),
              fmt(y),
              p.tenants(),
              escape(Figures.format(s.curveMetric(), p.value()))));
    }
    out.write("<path d=\"" + path + "\" fill=\"none\" stroke=\"#36c\"/>\n</svg>\n");
  }

  /** Maps counts and figures onto the drawing area. */
  private record Scale(double maxX, double minY, double maxY) {
    double x(double tenants) {
      return PAD + tenants / maxX * (WIDTH - 2 * PAD);
    }

    double y(double value) {
      return HEIGHT - PAD - (value - minY) / (maxY - minY) * (HEIGHT - 1.5 * PAD);
    }
  }

  private static void line(
      Writer out, double x1, double y1, double x2, double y2, String color, String extra)
      throws IOException {
    out.write(
        String.format(
            Locale.ROOT,
            "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\"%s/>\n",
            fmt(x1),
            fmt(y1),
            fmt(x2),
            fmt(y2),
            color,
            extra));
  }

  private static void text(Writer out, double x, double y, String content) throws IOException {
    out.write(
        String.format(
            Locale.ROOT,
            "<text x=\"%s\" y=\"%s\" font-size=\"11\" text-anchor=\"middle\">%s</text>\n",
            fmt(x),
            fmt(y),
            escape(content)));
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
