package dev.oversold.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.oversold.core.model.Skew;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scenario's skew becomes the dataset's popularity classes. */
final class DatasetOfSkewTest {
  @Test
  void uniform_isOneClassOfEveryPage() {
    assertEquals(List.of(new Dataset.Segment(1000, 1)), Dataset.of(Skew.UNIFORM, 1000).segments());
  }

  @Test
  void hotSet_isTwoClasses() {
    // 20 % of 1,000 pages = 200 hot pages with 80 % of the reads; 800 cold with the other 20 %.
    List<Dataset.Segment> segments = Dataset.of(new Skew.HotSet(0.2, 0.8), 1000).segments();
    assertEquals(2, segments.size());
    assertEquals(200, segments.get(0).pages());
    assertEquals(0.8, segments.get(0).probability(), 1e-12);
    assertEquals(800, segments.get(1).pages());
    assertEquals(0.2, segments.get(1).probability(), 1e-12);
  }

  @Test
  void zipf_givesTheFirstPageItsShare() {
    // Exponent 1 over 4 pages: weights 1, 1/2, 1/3, 1/4 (harmonic number H4 = 25/12), all in the
    // first segment of ranks [1, 1] and the next bounds floor(1.125 r): page 1 gets 12/25.
    Dataset dataset = Dataset.of(new Skew.Zipf(1), 4);
    assertEquals(4, dataset.pages());
    assertEquals(12.0 / 25, dataset.segments().get(0).probability(), 1e-12);
  }

  @Test
  void skewsOutsideTheirRange_areRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Skew.Zipf(0));
    assertThrows(IllegalArgumentException.class, () -> new Skew.HotSet(0, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new Skew.HotSet(0.5, 0.4));
    assertThrows(IllegalArgumentException.class, () -> new Skew.HotSet(1.2, 1));
  }
}
