package dev.oversold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.KnobValues;
import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.platform.Platforms;
import dev.oversold.testing.TestScenarios;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which host options each platform of {@code compare} runs with. */
final class CompareHostOptionsTest {
  @Test
  void aHostAlreadyOnThePlatform_keepsItsOptions_theOthersGetTheirDefaults() {
    // An OpenVZ host set to 2.6.18's dirty throttling (index 0 of 2.6.18, 2.6.32, modern; the
    // default is 2.6.32, index 1).
    Map<String, Double> values =
        new TreeMap<>(Platforms.defaultOptions(PlatformKind.OPENVZ).values());
    values.put("dirty-throttling", 0.0);
    HostSpec host =
        TestScenarios.host("h", PlatformKind.OPENVZ, 2)
            .withPlatform(PlatformKind.OPENVZ, new KnobValues(values));
    assertEquals(
        0.0,
        Platforms.onPlatform(host, PlatformKind.OPENVZ).options().values().get("dirty-throttling"));
    assertEquals(
        Platforms.defaultOptions(PlatformKind.KVM),
        Platforms.onPlatform(host, PlatformKind.KVM).options());
    assertEquals(
        1.0, Platforms.defaultOptions(PlatformKind.OPENVZ).values().get("dirty-throttling"));
  }
}
