package dev.oversold.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.model.Scenario;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.testing.TestScenarios;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A mix by shares on the test scenario (web-1, web-2, hog), names written out by hand. */
final class TenantMixTest {
  private static final Scenario NOISY = TestScenarios.noisy();

  private static TenantMix webTwiceHog() {
    return new TenantMix(
        List.of(
            TenantFamily.find(NOISY, Optional.of("web")),
            TenantFamily.find(NOISY, Optional.of("hog"))),
        List.of(2.0, 1.0));
  }

  @Test
  void total_isSplitByShare_andCopiesAreNamedAsRangesWould() {
    // 2 : 1 of 6 is 4 webs and 2 hogs, each at its definition's place in the file
    assertEquals(
        List.of("web-1", "web-2", "web-3", "web-4", "hog-1", "hog-2"),
        webTwiceHog().withCount(NOISY, 6).tenants().stream().map(TenantSpec::name).toList());
    // 2 : 1 of 1 gives the one tenant to web; the hog is left out
    assertEquals(
        List.of("web-1"),
        webTwiceHog().withCount(NOISY, 1).tenants().stream().map(TenantSpec::name).toList());
  }

  @Test
  void name_givesSharesAsPercentages_andTheServiceIsTheTemplate() {
    TenantMix mix =
        new TenantMix(
            List.of(
                TenantFamily.find(NOISY, Optional.of("hog")),
                TenantFamily.find(NOISY, Optional.of("web"))),
            List.of(1.0, 2.0));
    assertEquals("hog 33.33%, web 66.67%", mix.name());
    assertEquals("web-1", mix.template().name());
    assertEquals(3, mix.fileCount());
  }
}
