package dev.oversold.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.model.PlatformKind;
import dev.oversold.testing.TestScenarios;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class MembershipTest {
  @Test
  void glob_matchesStarAndQuestionMarkOnly() {
    assertTrue(Glob.of("web-*").matches("web-12"));
    assertTrue(Glob.of("db-?").matches("db-1"));
    assertFalse(Glob.of("db-?").matches("db-12"));
    assertFalse(Glob.of("web.*").matches("web-1"), "dots are literal");
  }

  @Test
  void rows_firstMatchingGroupWins_unmatchedStandAlone() {
    Map<String, String> groups = new LinkedHashMap<>();
    groups.put("first", "web-1");
    groups.put("web", "web-*");
    var scenario = TestScenarios.noisy(PlatformKind.OPENVZ, TestScenarios.groups(groups), 20);
    List<Member> rows = Membership.rows(scenario);
    assertEquals(
        List.of(
            new Member("first", List.of("web-1")),
            new Member("web", List.of("web-2")),
            new Member("hog", List.of("hog"))),
        rows);
  }
}
