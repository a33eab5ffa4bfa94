package dev.oversold.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.platform.Platforms;
import org.junit.jupiter.api.Test;

/** HostSpec's checks name the missing component, as its other components do (review27 N4). */
final class HostSpecTest {
  @Test
  @SuppressWarnings("NullAway") // the null is the point
  void nullPlatformOptions_isRefusedByName() {
    NullPointerException thrown =
        assertThrows(
            NullPointerException.class,
            () ->
                new HostSpec(
                    "h",
                    PlatformKind.KVM,
                    new HostSpec.Cpu(8, 1.0),
                    new HostSpec.Memory(1L << 30, 0),
                    new HostSpec.Disk(20_000, 500e6, SimDuration.ofMicros(100)),
                    new HostSpec.Network(125e6, SimDuration.ofMicros(50)),
                    Platforms.defaultOptions(PlatformKind.KVM),
                    null));
    assertEquals("platformOptions", thrown.getMessage());
  }
}
