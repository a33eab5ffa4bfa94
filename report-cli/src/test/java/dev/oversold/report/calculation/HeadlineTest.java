package dev.oversold.report.calculation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.report.model.Metrics;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The headline rules on figures worked out by hand. */
final class HeadlineTest {
  private static final double EPS = 1e-12;

  private static Metrics service(double good, double p99) {
    return new Metrics(
        "requests", Map.of("throughput_per_s", good, "good_per_s", good, "latency_ms.p99", p99));
  }

  @Test
  void service_whoseP99Triples_showsItWhileGoodRateStaysZero() {
    // the case: p99 47 ms alone, 150 ms shared, every request still within its SLO
    double headline = Headline.of("service", service(100, 150), service(100, 47));
    assertEquals(1 - 47.0 / 150, headline, EPS);
    assertEquals(0.0, Stats.drop(100, 100), EPS);
  }

  @Test
  void service_losingGoodResponses_showsTheLargerLoss() {
    // good 60 of 100 alone (0.4 lost), p99 60 ms against 50 ms (1 - 50/60 = 0.1667)
    assertEquals(0.4, Headline.of("service", service(60, 60), service(100, 50)), EPS);
  }

  @Test
  void batch_whoseJobsTakeTwiceAsLong_loosesHalfItsRate() {
    Metrics alone = new Metrics("core-seconds", Map.of("good_per_s", 2.0, "jobs.makespan_s", 40.0));
    Metrics shared =
        new Metrics("core-seconds", Map.of("good_per_s", 2.0, "jobs.makespan_s", 80.0));
    // every job done in both runs, makespan doubled: 1 - 40/80
    assertEquals(0.5, Headline.of("batch", shared, alone), EPS);
  }

  @Test
  void noisyNeighbour_isJudgedByItsProgress() {
    Metrics alone = new Metrics("bytes", Map.of("progress_per_s", 400.0));
    Metrics shared = new Metrics("bytes", Map.of("progress_per_s", 300.0));
    assertEquals(0.25, Headline.of("disk-hog", shared, alone), EPS);
    assertTrue(Double.isNaN(Headline.of("disk-hog", shared, new Metrics("bytes", Map.of()))));
  }
}
