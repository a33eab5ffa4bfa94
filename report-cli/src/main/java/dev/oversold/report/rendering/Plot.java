package dev.oversold.report.rendering;

import java.util.function.DoubleFunction;

/**
 * The frame of one x-y chart inside an {@link Svg}: maps data to pixels, draws grid lines, ticks
 * and axis titles, and draws series as lines or stacked areas.
 */
final class Plot {
  private final double left;
  private final double top;
  private final double width;
  private final double height;
  private final double xMax;
  private final double yMax;

  /**
   * A frame whose y axis runs to a nice ceiling of {@code yMax} counted in {@code unit} (1 for
   * plain numbers, 1024^k for bytes, so byte axes get ticks like 2 GiB rather than 2.1 GB).
   */
  Plot(
      double left, double top, double width, double height, double xMax, double yMax, double unit) {
    this.left = left;
    this.top = top;
    this.width = width;
    this.height = height;
    this.xMax = xMax > 0 ? xMax : 1;
    this.yMax = yMax > 0 ? niceCeiling(yMax / unit) * unit : 1;
  }

  double x(double value) {
    return left + width * value / xMax;
  }

  double y(double value) {
    return top + height * (1 - Math.min(value, yMax) / yMax);
  }

  /** Grid, ticks and titles; {@code yFormat} prints y tick values with their unit. */
  void axes(Svg svg, String xTitle, String yTitle, DoubleFunction<String> yFormat) {
    double yStep = yMax / 4;
    for (int i = 0; i <= 4; i++) {
      double v = yStep * i;
      svg.line(left, y(v), left + width, y(v), "#e3e7ee", "stroke-width=\"1\"");
      svg.text(left - 8, y(v) + 4, yFormat.apply(v), "text-anchor=\"end\" class=\"tick\"");
    }
    double xStep = niceStep(xMax / 6);
    for (double v = 0; v <= xMax + 1e-9; v += xStep) {
      svg.line(x(v), top + height, x(v), top + height + 4, "#8a94a6", "");
      svg.text(
          x(v), top + height + 18, Numbers.machine(v), "text-anchor=\"middle\" class=\"tick\"");
    }
    svg.line(left, top + height, left + width, top + height, "#8a94a6", "");
    svg.text(left + width / 2, top + height + 36, xTitle, "text-anchor=\"middle\" class=\"axis\"");
    svg.text(left, top - 10, yTitle, "class=\"axis\"");
  }

  /**
   * A polyline through (i * step, values[i]); a NaN (an interval with nothing to show, such as no
   * request completed) leaves a gap.
   */
  void line(Svg svg, double step, double[] values, String color, boolean dashed) {
    StringBuilder d = new StringBuilder();
    boolean pen = false;
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        pen = false;
        continue;
      }
      d.append(d.length() == 0 ? "M" : pen ? " L" : " M")
          .append(Svg.n(x(i * step + step / 2)))
          .append(',')
          .append(Svg.n(y(Math.max(0, values[i]))));
      pen = true;
    }
    if (d.length() == 0) {
      return;
    }
    svg.path(
        d.toString(),
        "fill=\"none\" stroke=\""
            + color
            + "\" stroke-width=\"2\" stroke-linejoin=\"round\""
            + (dashed ? " stroke-dasharray=\"6 4\"" : ""));
  }

  /** The band between {@code lower} and {@code upper} (a layer of a stacked area). */
  void band(Svg svg, double step, double[] lower, double[] upper, String color) {
    if (upper.length == 0) {
      return;
    }
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < upper.length; i++) {
      d.append(i == 0 ? "M" : " L")
          .append(Svg.n(x(i * step + step / 2)))
          .append(',')
          .append(Svg.n(y(upper[i])));
    }
    for (int i = lower.length - 1; i >= 0; i--) {
      d.append(" L").append(Svg.n(x(i * step + step / 2))).append(',').append(Svg.n(y(lower[i])));
    }
    svg.path(
        d.append(" Z").toString(), "fill=\"" + color + "\" fill-opacity=\"0.78\" stroke=\"none\"");
  }

  /** The smallest 1, 2, 2.5 or 5 times a power of ten at or above {@code value}. */
  static double niceStep(double value) {
    if (!(value > 0)) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * power >= value - 1e-12 * power) {
        return m * power;
      }
    }
    return 10 * power;
  }

  /** A ceiling that divides into four nice steps. */
  static double niceCeiling(double value) {
    return niceStep(value / 4) * 4;
  }
}
