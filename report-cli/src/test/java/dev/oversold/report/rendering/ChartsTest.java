package dev.oversold.report.rendering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

final class ChartsTest {
  @Test
  void downsample_averagesConsecutiveBuckets() {
    var lines = List.of(new TimeCharts.Line("a", new double[] {1, 2, 3, 4, 5}));
    // (1+2)/2, (3+4)/2, 5/1
    assertArrayEquals(
        new double[] {1.5, 3.5, 5}, TimeCharts.downsample(lines, 2).get(0).values(), 1e-15);
  }

  @Test
  void bucket_keepsAtMostMaxPoints() {
    var lines = List.of(new TimeCharts.Line("a", new double[TimeCharts.MAX_POINTS * 10 + 1]));
    // 3201 samples -> buckets of 11 -> 292 points
    assertEquals(11, TimeCharts.bucket(lines));
    assertEquals(1, TimeCharts.bucket(List.of(new TimeCharts.Line("b", new double[10]))));
  }

  @Test
  void niceStep_roundsUpToOneTwoTwoAndAHalfOrFive() {
    assertEquals(2.0, Plot.niceStep(1.5), 1e-12);
    assertEquals(2.5, Plot.niceStep(2.1), 1e-12);
    assertEquals(50, Plot.niceStep(31), 1e-12);
    assertEquals(0.1, Plot.niceStep(0.1), 1e-12);
  }

  @Test
  void heat_isWhiteAtZeroAndSaturatedAtTheEnds() {
    assertEquals("#ffffff", Charts.heat(0));
    assertEquals("#c82832", Charts.heat(1));
    assertEquals("#2864c8", Charts.heat(-1));
  }

  @Test
  void topAndOthers_sumsTheSmallestSeries() {
    var lines =
        List.of(
            new TimeCharts.Line("a", new double[] {1}),
            new TimeCharts.Line("b", new double[] {8}),
            new TimeCharts.Line("c", new double[] {2}),
            new TimeCharts.Line("d", new double[] {7}),
            new TimeCharts.Line("e", new double[] {3}),
            new TimeCharts.Line("f", new double[] {6}),
            new TimeCharts.Line("g", new double[] {4}),
            new TimeCharts.Line("h", new double[] {5}));
    var top = TimeCharts.topAndOthers(lines);
    // 8 series, 7 slots: the six largest (8..3), then others = 2 + 1
    assertEquals(
        List.of("b", "d", "f", "h", "g", "e", "others (2)"),
        top.stream().map(TimeCharts.Line::name).toList());
    assertEquals(3, top.get(6).values()[0], 1e-15);
  }
}
