package dev.oversold.report.rendering;

import dev.oversold.report.calculation.Stats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The time-series charts of the HTML report: stacked areas and lines over simulated time. */
final class TimeCharts {
  /** Points per time series in a chart: about one per two pixels; keeps long runs' pages small. */
  static final int MAX_POINTS = 320;

  /** Series drawn individually before the rest is summed into "others": more is unreadable. */
  static final int MAX_SERIES = Charts.MAX_SERIES;

  private TimeCharts() {}

  /** One named series for a time chart. */
  record Line(String name, double[] values) {}

  /**
   * A stacked area of the largest {@link #MAX_SERIES} series (the rest summed as "others") over
   * time, with optional extra lines drawn on top (capacity, totals).
   */
  static String stackedOverTime(
      String label,
      List<Line> series,
      List<Line> overlays,
      double step,
      String yTitle,
      java.util.function.DoubleFunction<String> yFormat,
      java.util.function.DoubleUnaryOperator tickUnit) {
    int bucket = bucket(series);
    step *= bucket;
    series = downsample(series, bucket);
    overlays = downsample(overlays, bucket);
    List<Line> layers = topAndOthers(series);
    int samples = layers.stream().mapToInt(l -> l.values().length).max().orElse(0);
    if (samples == 0) {
      return Charts.placeholder(label, "No samples recorded");
    }
    double[] total = new double[samples];
    for (Line layer : layers) {
      for (int i = 0; i < layer.values().length; i++) {
        total[i] += Math.max(0, layer.values()[i]);
      }
    }
    double yMax = Stats.max(total);
    for (Line overlay : overlays) {
      yMax = Math.max(yMax, Stats.max(overlay.values()));
    }
    double left = 90;
    double top = 34;
    double width = 640;
    double height = 240;
    Svg svg = new Svg(left + width + 230, top + height + 56, label);
    Plot plot =
        new Plot(left, top, width, height, samples * step, yMax, tickUnit.applyAsDouble(yMax));
    plot.axes(svg, "simulated time (s)", yTitle, yFormat);
    double[] lower = new double[samples];
    for (int s = 0; s < layers.size(); s++) {
      double[] upper = lower.clone();
      double[] values = layers.get(s).values();
      for (int i = 0; i < values.length; i++) {
        upper[i] += Math.max(0, values[i]);
      }
      plot.band(svg, step, lower, upper, colorOf(series, layers.get(s)));
      lower = upper;
    }
    for (int o = 0; o < overlays.size(); o++) {
      plot.line(svg, step, overlays.get(o).values(), o == 0 ? "#1f2a3c" : "#d1495b", true);
    }
    legend(svg, left + width + 24, top, series, layers, overlays);
    return svg.end();
  }

  /** Lines over time (e.g. steal fractions), the largest few by mean. */
  static String linesOverTime(
      String label,
      List<Line> series,
      double step,
      String yTitle,
      java.util.function.DoubleFunction<String> yFormat) {
    int bucket = bucket(series);
    step *= bucket;
    series = downsample(series, bucket);
    List<Line> shown =
        series.stream()
            .sorted(Comparator.comparingDouble((Line l) -> Stats.mean(l.values())).reversed())
            .limit(MAX_SERIES)
            .toList();
    int samples = shown.stream().mapToInt(l -> l.values().length).max().orElse(0);
    if (samples == 0) {
      return Charts.placeholder(label, "No samples recorded");
    }
    double yMax = 0;
    for (Line line : shown) {
      yMax = Math.max(yMax, Stats.max(line.values()));
    }
    double left = 90;
    double top = 34;
    double width = 640;
    double height = 200;
    Svg svg = new Svg(left + width + 230, top + height + 56, label);
    Plot plot = new Plot(left, top, width, height, samples * step, Math.max(yMax, 0.01), 1);
    plot.axes(svg, "simulated time (s)", yTitle, yFormat);
    for (int s = 0; s < shown.size(); s++) {
      plot.line(svg, step, shown.get(s).values(), colorOf(series, shown.get(s)), false);
    }
    legend(svg, left + width + 24, top, series, shown, List.of());
    return svg.end();
  }

  private static void legend(
      Svg svg, double x, double y, List<Line> all, List<Line> layers, List<Line> overlays) {
    for (int s = 0; s < layers.size(); s++) {
      svg.rect(x, y + s * 20, 14, 14, colorOf(all, layers.get(s)), "rx=\"2\"");
      svg.text(x + 22, y + s * 20 + 11, layers.get(s).name(), "class=\"tick\"");
    }
    for (int o = 0; o < overlays.size(); o++) {
      double ly = y + (layers.size() + o) * 20 + 14;
      svg.line(
          x,
          ly,
          x + 14,
          ly,
          o == 0 ? "#1f2a3c" : "#d1495b",
          "stroke-width=\"2\" stroke-dasharray=\"4 3\"");
      svg.text(x + 22, ly + 4, overlays.get(o).name(), "class=\"tick\"");
    }
  }

  /**
   * A series keeps the colour of its position in the full list, so a tenant or group has the same
   * colour in every chart whatever its rank; the "others" band is grey.
   */
  static String colorOf(List<Line> all, Line line) {
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).name().equals(line.name())) {
        return Svg.color(i);
      }
    }
    return "#c9ced6";
  }

  /** Samples averaged into one point so that no series has more than {@link #MAX_POINTS}. */
  static int bucket(List<Line> series) {
    int samples = series.stream().mapToInt(l -> l.values().length).max().orElse(0);
    return Math.max(1, (samples + MAX_POINTS - 1) / MAX_POINTS);
  }

  /** Means over consecutive buckets of {@code bucket} samples (the last may be shorter). */
  static List<Line> downsample(List<Line> series, int bucket) {
    if (bucket == 1) {
      return series;
    }
    List<Line> result = new ArrayList<>();
    for (Line line : series) {
      double[] values = line.values();
      double[] means = new double[(values.length + bucket - 1) / bucket];
      for (int i = 0; i < means.length; i++) {
        int from = i * bucket;
        int to = Math.min(values.length, from + bucket);
        double sum = 0;
        int defined = 0;
        for (int k = from; k < to; k++) {
          if (!Double.isNaN(values[k])) {
            sum += values[k];
            defined++;
          }
        }
        // a bucket whose samples are all undefined stays a gap
        means[i] = defined == 0 ? Double.NaN : sum / defined;
      }
      result.add(new Line(line.name(), means));
    }
    return result;
  }

  /**
   * Tick unit for byte axes: the binary unit (KiB, MiB, GiB...) the largest value is counted in.
   */
  static double binaryUnit(double max) {
    double unit = 1;
    while (max / unit >= 1024) {
      unit *= 1024;
    }
    return unit;
  }

  /** The largest series by mean, then everything else summed into one "others" series. */
  static List<Line> topAndOthers(List<Line> series) {
    List<Line> sorted =
        series.stream()
            .sorted(Comparator.comparingDouble((Line l) -> Stats.mean(l.values())).reversed())
            .toList();
    if (sorted.size() <= MAX_SERIES) {
      return sorted;
    }
    List<Line> result = new ArrayList<>(sorted.subList(0, MAX_SERIES - 1));
    int samples = sorted.stream().mapToInt(l -> l.values().length).max().orElse(0);
    double[] others = new double[samples];
    for (Line line : sorted.subList(MAX_SERIES - 1, sorted.size())) {
      for (int i = 0; i < line.values().length; i++) {
        others[i] += line.values()[i];
      }
    }
    result.add(new Line("others (" + (sorted.size() - MAX_SERIES + 1) + ")", others));
    return result;
  }
}
