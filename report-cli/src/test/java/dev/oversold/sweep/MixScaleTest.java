package dev.oversold.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.model.ReportSettings;
import dev.oversold.core.model.Scenario;
import dev.oversold.scenarios.ScenarioLoader;
import dev.oversold.testing.TestScenarios;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --scale}: totals, templates and the overrides of each level, by hand. */
final class MixScaleTest {
  // web-1, web-2 (template web, 2 tenants) and hog (template hog, 1 tenant)
  private static final Scenario NOISY = TestScenarios.noisy();

  private static List<String> overrides(SweepAxis.Level level) {
    return level.overrides().stream().map(o -> o.key() + "=" + o.value()).toList();
  }

  @Test
  void totals_rangeStepAndList() {
    assertEquals(List.of(2, 3, 4), MixScale.totals("x", "2..4"));
    assertEquals(List.of(10, 25, 40), MixScale.totals("x", "10..40:15"));
    assertEquals(List.of(10, 25), MixScale.totals("x", "10..39:15"));
    assertEquals(List.of(5, 1, 8), MixScale.totals("x", "5,1,8"));
  }

  @Test
  void all_scalesTheWholeMixInProportion() {
    // shares 2 : 1. Total 6: 4 + 2 exactly. Total 4: quotas 2.667 and 1.333 round to 3 + 1
    SweepAxis axis = MixScale.axis(NOISY, "all=6,4");
    assertEquals("scale all", axis.label());
    assertEquals(
        List.of("tenants[web].count=4", "tenants[hog].count=2"), overrides(axis.levels().get(0)));
    assertEquals(
        List.of("tenants[web].count=3", "tenants[hog].count=1"), overrides(axis.levels().get(1)));
  }

  @Test
  void aTotalThatRoundsATemplateAway_isRefusedWithTheSmallestThatKeepsIt() {
    // shares web 2 : hog 1, Sainte-Lague by hand: seat 1 to web (2/1 > 1/1); seat 2 to hog (web's
    // priority 2/3 < hog's 1/1). So a total of 1 leaves hog out and 2 is the smallest that keeps
    // it.
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MixScale.axis(NOISY, "all=1..4"));
    assertEquals(
        "--scale all=1..4: at a total of 1, template hog (1 of the mix's 3 in the file) gets no"
            + " tenant; the smallest total that keeps every template is 2 (or scale a group"
            + " without it)",
        e.getMessage());
    assertEquals(3, MixScale.axis(NOISY, "all=2..4").levels().size());
  }

  @Test
  void smallestTotalKeepingAll_nineWebsAndOneHog() {
    // shares 9 : 1 by hand: web's priorities 9, 3, 1.8, 1.29, 1.0 take seats 1-5 (the fifth ties
    // hog's 1/1 and stays with the template listed first); 9/11 < 1 gives seat 6 to hog.
    assertEquals(6, MixScale.smallestTotalKeepingAll(new double[] {9, 1}));
    assertEquals(1, MixScale.smallestTotalKeepingAll(new double[] {4}));
  }

  @Test
  void aGroup_scalesOnlyTheTemplatesItsGlobMatches() {
    Scenario grouped =
        TestScenarios.noisy(
            PlatformKind.OPENVZ,
            new ReportSettings(
                ReportSettings.Baseline.ISOLATED,
                ReportSettings.Interference.NONE,
                Map.of("victims", "web-*")),
            20);
    SweepAxis axis = MixScale.axis(grouped, "victims=5");
    assertEquals(List.of("tenants[web].count=5"), overrides(axis.levels().get(0)));
  }

  @Test
  void unknownGroup_namesTheGroupsAndTemplates() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MixScale.axis(NOISY, "db=1..3"));
    assertEquals(
        "--scale db: no such group or template in noisy-test (groups: all; templates: web, hog)",
        e.getMessage());
  }

  @Test
  void badTotals_areRefusedWithTheForms() {
    for (String spec : List.of("web=0..3", "web=5..2", "web=a..b", "web=1..3:0", "web=1..5000")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> MixScale.axis(NOISY, spec), spec);
      assertTrue(e.getMessage().startsWith("--scale " + spec), e.getMessage());
    }
  }

  @Test
  void setAxis_shortKeys() {
    assertEquals("cores", SweepAxis.shortKey("hosts[0].cpu.cores"));
    assertEquals("web.count", SweepAxis.shortKey("tenants[web].count"));
    assertEquals("seed", SweepAxis.shortKey("seed"));
    SweepAxis set = SweepAxis.ofSet("tenants[web].count=1,2");
    assertEquals(
        List.of(new ScenarioLoader.Override("tenants[web].count", "2")),
        set.levels().get(1).overrides());
  }
}
