package dev.oversold.planner;

import java.util.List;
import java.util.Objects;

/**
 * The answer of one capacity search.
 *
 * @param tenants the largest count meeting every limit (0 when even one tenant misses)
 * @param decidingMetric the limit that stopped the count from growing ({@code admission} when the
 *     platform refused to place one more)
 * @param curveMetric the limited figure the curve and the margin show: the deciding one, or with
 *     {@code admission} the one closest to its limit
 * @param margin the share of the deciding limit still unused at the answer ({@code (limit - value)
 *     / limit}; negative when even one tenant misses)
 * @param bindingResource the resource under most pressure at the first count that missed
 * @param curve the deciding figure at every count tried, by count
 * @param warnings what the user should know about how the answer was reached
 * @param observations replications run over all counts
 */
public record SearchResult(
    int tenants,
    String decidingMetric,
    String curveMetric,
    double margin,
    String bindingResource,
    List<CurvePoint> curve,
    List<String> warnings,
    int observations) {
  public SearchResult {
    Objects.requireNonNull(decidingMetric, "decidingMetric");
    Objects.requireNonNull(curveMetric, "curveMetric");
    Objects.requireNonNull(bindingResource, "bindingResource");
    curve = List.copyOf(curve);
    warnings = List.copyOf(warnings);
  }

  /**
   * The deciding figure at one count.
   *
   * @param tenants the count
   * @param value mean over replications; NaN when the platform refused the count
   * @param low lower end of the 95% interval; NaN without one
   * @param high upper end of the 95% interval; NaN without one
   * @param replications how many replications ran there
   */
  public record CurvePoint(int tenants, double value, double low, double high, int replications) {}
}
