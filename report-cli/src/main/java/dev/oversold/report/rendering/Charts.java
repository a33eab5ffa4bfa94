package dev.oversold.report.rendering;

import dev.oversold.core.result.LatencyDistribution;
import dev.oversold.report.model.InterferenceReport;
import dev.oversold.report.model.TenantReport;
import java.util.Comparator;
import java.util.List;

/**
 * The inline SVG charts of the HTML report. Every chart is drawn even when there is nothing to show
 * (then it says why), so each report section always holds exactly one chart.
 */
final class Charts {
  /** Series drawn individually before the rest is summed into "others": more is unreadable. */
  static final int MAX_SERIES = 7;

  private Charts() {}

  /** An empty chart with a centred explanation. */
  static String placeholder(String label, String message) {
    Svg svg = new Svg(900, 120, label);
    svg.rect(0, 0, 900, 120, "#f6f8fb", "rx=\"8\"");
    svg.text(450, 66, message, "text-anchor=\"middle\" class=\"muted\"");
    return svg.end();
  }

  /** The interference matrix as a heatmap: rows are victims, columns neighbours. */
  static String heatmap(InterferenceReport matrix) {
    if (matrix.isEmpty()) {
      return placeholder(
          "interference matrix", "Interference not computed (report.interference: none)");
    }
    List<String> names = matrix.members();
    int m = names.size();
    double cell = Math.max(14, Math.min(72, 640.0 / m));
    double labelWidth = 8 + 7.2 * names.stream().mapToInt(String::length).max().orElse(4);
    labelWidth = Math.min(labelWidth, 200);
    double left = labelWidth + 10;
    double top = labelWidth + 30;
    double width = left + cell * m + 140;
    double height = top + cell * m + 20;
    double scale = 0.05;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        if (Double.isFinite(matrix.get(i, j))) {
          scale = Math.max(scale, Math.abs(matrix.get(i, j)));
        }
      }
    }
    Svg svg = new Svg(width, height, "interference heatmap");
    svg.text(
        left + cell * m / 2,
        16,
        "neighbour present (column) →",
        "text-anchor=\"middle\" class=\"axis\"");
    for (int j = 0; j < m; j++) {
      double cx = left + cell * j + cell / 2;
      svg.text(
          cx,
          top - 6,
          names.get(j),
          "transform=\"rotate(-60 " + Svg.n(cx) + " " + Svg.n(top - 6) + ")\" class=\"tick\"");
    }
    for (int i = 0; i < m; i++) {
      double cy = top + cell * i;
      svg.text(left - 6, cy + cell / 2 + 4, names.get(i), "text-anchor=\"end\" class=\"tick\"");
      for (int j = 0; j < m; j++) {
        double v = matrix.get(i, j);
        String fill = i == j || !Double.isFinite(v) ? "#eef1f5" : heat(v / scale);
        svg.openGroup(
            names.get(j)
                + " costs "
                + names.get(i)
                + " "
                + Numbers.percent(v)
                + " % of its good rate alone");
        svg.rect(left + cell * j, cy, cell - 1, cell - 1, fill, "");
        if (cell >= 30 && i != j && Double.isFinite(v)) {
          String ink = Math.abs(v / scale) > 0.55 ? "#ffffff" : "#1f2a3c";
          svg.text(
              left + cell * j + cell / 2,
              cy + cell / 2 + 4,
              Numbers.percent(v),
              "text-anchor=\"middle\" class=\"cell\" fill=\"" + ink + "\"");
        }
        svg.closeGroup();
      }
    }
    double lx = left + cell * m + 30;
    for (int k = 0; k <= 20; k++) {
      double f = 1 - k / 10.0;
      svg.rect(lx, top + k * 8, 18, 8, heat(f), "");
    }
    svg.text(lx + 24, top + 8, "+" + Numbers.percent(scale) + " %", "class=\"tick\"");
    svg.text(lx + 24, top + 84, "0", "class=\"tick\"");
    svg.text(lx + 24, top + 166, "-" + Numbers.percent(scale) + " %", "class=\"tick\"");
    return svg.end();
  }

  /** Red for harm, blue for help, white for none; {@code f} in [-1, 1]. */
  static String heat(double f) {
    double t = Math.max(-1, Math.min(1, f));
    int[] to = t >= 0 ? new int[] {200, 40, 50} : new int[] {40, 100, 200};
    double a = Math.abs(t);
    int r = (int) Math.round(255 + (to[0] - 255) * a);
    int g = (int) Math.round(255 + (to[1] - 255) * a);
    int b = (int) Math.round(255 + (to[2] - 255) * a);
    return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", r, g, b);
  }

  /** Horizontal bars of each tenant's (or group's) good-rate degradation. */
  static String degradationBars(List<String> names, List<String> kinds, double[] values) {
    int n = names.size();
    boolean any = false;
    double extent = 0.05;
    for (double v : values) {
      if (Double.isFinite(v)) {
        any = true;
        extent = Math.max(extent, Math.abs(v));
      }
    }
    if (!any) {
      return placeholder("degradation bars", "No degradation to show (report.baseline: none)");
    }
    double negative = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        negative = Math.max(negative, -v);
      }
    }
    extent = Plot.niceStep(extent);
    // the left side only gets room when a tenant did better than alone
    double left = negative > 0 ? Plot.niceStep(negative) : extent / 5;
    double bar = n > 40 ? 12 : 22;
    double labelWidth =
        Math.min(220, 8 + 7.2 * names.stream().mapToInt(String::length).max().orElse(4));
    double plotLeft = labelWidth + 90;
    double plotWidth = 600;
    double top = 30;
    double height = top + n * bar + 40;
    Svg svg = new Svg(plotLeft + plotWidth + 70, height, "degradation bars");
    double perUnit = plotWidth / (left + extent);
    double zero = plotLeft + left * perUnit;
    double tick = Plot.niceStep((left + extent) / 6);
    for (double v = -Math.floor(left / tick) * tick; v <= extent + 1e-9; v += tick) {
      double x = zero + v * perUnit;
      boolean axis = Math.abs(v) < 1e-12;
      svg.line(x, top - 6, x, top + n * bar, axis ? "#5b6578" : "#e3e7ee", "");
      svg.text(
          x,
          top + n * bar + 18,
          Numbers.percent(axis ? 0 : v) + " %",
          "text-anchor=\"middle\" class=\"tick\"");
    }
    if (left * perUnit > 130) {
      svg.text(zero - 8, top - 12, "← better than alone", "text-anchor=\"end\" class=\"muted\"");
    }
    svg.text(zero + 8, top - 12, "worse than alone →", "class=\"muted\"");
    for (int i = 0; i < n; i++) {
      double y = top + i * bar;
      svg.text(labelWidth, y + bar * 0.68, names.get(i), "text-anchor=\"end\" class=\"tick\"");
      svg.text(labelWidth + 10, y + bar * 0.68, kinds.get(i), "class=\"muted\"");
      double v = values[i];
      if (!Double.isFinite(v)) {
        svg.text(zero + 6, y + bar * 0.68, "n/a", "class=\"muted\"");
        continue;
      }
      double clipped = Math.max(-left, Math.min(extent, v));
      double x = clipped >= 0 ? zero : zero + clipped * perUnit;
      String fill = v > 0 ? "#d1495b" : "#3a9d5d";
      svg.rect(x, y + 3, Math.abs(clipped) * perUnit, bar - 6, fill, "rx=\"2\"");
      double labelX = v >= 0 ? zero + clipped * perUnit + 6 : zero + clipped * perUnit - 6;
      svg.text(
          labelX,
          y + bar * 0.68,
          Numbers.percent(v) + " %",
          (v >= 0 ? "" : "text-anchor=\"end\" ") + "class=\"value\"");
    }
    return svg.end();
  }

  /**
   * Latency quantile curves, shared (solid) against alone (dashed), for the service tenants that
   * lost the most; log-scaled latency so the median and the tail fit together.
   */
  static String latency(List<TenantReport> tenants) {
    List<TenantReport> services =
        tenants.stream()
            .filter(t -> !t.latencyShared().isEmpty())
            .sorted(
                Comparator.comparingDouble(
                        (TenantReport t) ->
                            t.degradation() == null || Double.isNaN(t.degradation().p99Ratio())
                                ? t.metrics().p99Ms()
                                : t.degradation().p99Ratio())
                    .reversed())
            .limit(MAX_SERIES - 1)
            .toList();
    if (services.isEmpty()) {
      return placeholder("latency distribution", "No request latencies (no service tenants)");
    }
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (TenantReport t : services) {
      for (LatencyDistribution d : List.of(t.latencyShared(), t.latencyAlone())) {
        for (double ms : d.millis()) {
          if (ms > 0) {
            lo = Math.min(lo, ms);
            hi = Math.max(hi, ms);
          }
        }
      }
    }
    double decadeLo = Math.floor(Math.log10(Math.max(lo, 1e-3)));
    double decadeHi = Math.max(decadeLo + 1, Math.ceil(Math.log10(Math.max(hi, 1e-3))));
    double[] quantiles = services.get(0).latencyShared().quantiles();
    double left = 80;
    double top = 40;
    double width = 620;
    double height = 300;
    Svg svg = new Svg(left + width + 220, top + height + 60, "latency distribution");
    for (double d = decadeLo; d <= decadeHi; d++) {
      double y = top + height * (1 - (d - decadeLo) / (decadeHi - decadeLo));
      svg.line(left, y, left + width, y, "#e3e7ee", "");
      svg.text(
          left - 8,
          y + 4,
          Numbers.machine(Math.pow(10, d)) + " ms",
          "text-anchor=\"end\" class=\"tick\"");
    }
    int q = quantiles.length;
    for (int i = 0; i < q; i++) {
      double x = left + width * i / Math.max(1, q - 1);
      svg.line(x, top + height, x, top + height + 4, "#8a94a6", "");
      String label = quantiles[i] >= 1 ? "max" : "p" + Numbers.machine(quantiles[i] * 100);
      svg.text(x, top + height + 18, label, "text-anchor=\"middle\" class=\"tick\"");
    }
    svg.line(left, top + height, left + width, top + height, "#8a94a6", "");
    svg.text(
        left + width / 2, top + height + 40, "quantile", "text-anchor=\"middle\" class=\"axis\"");
    svg.text(left, top - 14, "response time (log scale)", "class=\"axis\"");
    for (int s = 0; s < services.size(); s++) {
      TenantReport t = services.get(s);
      String color = Svg.color(s);
      for (LatencyDistribution d : List.of(t.latencyAlone(), t.latencyShared())) {
        if (d.isEmpty()) {
          continue;
        }
        StringBuilder path = new StringBuilder();
        double[] ms = d.millis();
        for (int i = 0; i < ms.length; i++) {
          double logValue = Math.log10(Math.max(ms[i], Math.pow(10, decadeLo)));
          double x = left + width * i / Math.max(1, q - 1);
          double y = top + height * (1 - (logValue - decadeLo) / (decadeHi - decadeLo));
          path.append(i == 0 ? "M" : " L").append(Svg.n(x)).append(',').append(Svg.n(y));
        }
        @SuppressWarnings("ReferenceEquality") // which of the two series objects this one is
        boolean alone = d == t.latencyAlone();
        svg.path(
            path.toString(),
            "fill=\"none\" stroke=\""
                + color
                + "\" stroke-width=\"2\""
                + (alone ? " stroke-dasharray=\"6 4\" stroke-opacity=\"0.8\"" : ""));
      }
      double ly = top + 8 + s * 22;
      svg.line(left + width + 24, ly, left + width + 50, ly, color, "stroke-width=\"3\"");
      svg.text(left + width + 58, ly + 4, t.name(), "class=\"tick\"");
    }
    double ly = top + 8 + services.size() * 22 + 10;
    svg.line(left + width + 24, ly, left + width + 50, ly, "#5b6578", "stroke-width=\"2\"");
    svg.text(left + width + 58, ly + 4, "shared", "class=\"muted\"");
    svg.line(
        left + width + 24,
        ly + 20,
        left + width + 50,
        ly + 20,
        "#5b6578",
        "stroke-width=\"2\" stroke-dasharray=\"6 4\"");
    svg.text(left + width + 58, ly + 24, "alone", "class=\"muted\"");
    return svg.end();
  }
}
