package dev.oversold.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.testkit.Specs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A VM's guest kernel era ({@code guest-dirty-throttling}): the guest's own page cache runs the
 * {@link Writeback} of that kernel, over the guest's RAM. Hand-derived from 2.6.18's
 * mm/page-writeback.c (as in {@code WritebackTest}), for a 1 GiB guest on one vCPU.
 */
final class GuestKernelTest {
  private static final long GIB = 1L << 30;

  /** 2.6.18 (index 0 of 2.6.18, 2.6.32, modern). */
  private static final Map<String, Double> GUEST_2_6_18 = Map.of("guest-dirty-throttling", 0.0);

  private static Hosts guest(String platform, Map<String, Double> options) {
    return new Hosts(
        Specs.host("h", platform, 8 * GIB, GIB, options),
        List.of(Specs.idleTenant("g", "h", GIB, Map.of())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"kvm", "xen", "vmware"})
  void guest2618_limitsAreFortyAndTenPercentOfTheGuestsRam(String platform) {
    // vm_dirty_ratio 40 (2.6.18): (long) (1,073,741,824 x 0.40) = 429,496,729 B; background 10 %:
    // (long) (429,496,729 x 0.25) = 107,374,182 B. A modern guest: 20 %, (long) (1,073,741,824 x
    // 0.20) = 214,748,364 B, and the same background.
    Hosts old = guest(platform, GUEST_2_6_18);
    old.tenant(0).disk().io(1, 4096, true, false, () -> {});
    assertEquals(429_496_729L, old.tenant(0).storage().guestWriteback().thresholdBytes());
    assertEquals(107_374_182L, old.tenant(0).storage().guestWriteback().backgroundThresholdBytes());
    Hosts modern = guest(platform, Map.of());
    modern.tenant(0).disk().io(1, 4096, true, false, () -> {});
    assertEquals(214_748_364L, modern.tenant(0).storage().guestWriteback().thresholdBytes());
  }

  @ParameterizedTest
  @ValueSource(strings = {"kvm", "xen", "vmware"})
  void guest2618_aLightWriterNextToTheHog_isCheckedEveryEighthPage(String platform) {
    // One guest, two writers: at t = 0 the hog dirties T + 10,000,000 B (T = 429,496,729 B) in
    // one call, which sets dirty_exceeded at its first check. t = 1..8 ms: a light writer (a log)
    // appends 4 KiB each ms. 2.6.18 checks a writer every ratelimit_pages, 8 pages while
    // dirty_exceeded (balance_dirty_pages_ratelimited_nr), and checks only the global level: its
    // appends 1..7 return at once, the 8th is checked, finds the level past T and writes back 6
    // MiB (1.5 x ratelimit_pages: 1 GiB / (1 CPU x 32) capped at 1,024 pages) itself, so it
    // returns later. In a modern guest the light writer is past the free-run ceiling from its
    // first append and pauses at once (no 7 free appends).
    long hog = 429_496_729L + 10_000_000L;
    for (boolean old : new boolean[] {true, false}) {
      Hosts hosts = guest(platform, old ? GUEST_2_6_18 : Map.of());
      Object hogTask = new Object();
      Object logTask = new Object();
      hosts.tenant(0).disk().io(1, hog, true, false, hogTask, () -> {});
      long[] done = new long[8];
      for (int i = 0; i < 8; i++) {
        int index = i;
        hosts.simulation.schedule(
            (i + 1) * SimTime.MILLISECOND,
            () ->
                hosts
                    .tenant(0)
                    .disk()
                    .io(1, 4096, true, false, logTask, () -> done[index] = hosts.simulation.now()));
      }
      hosts.simulation.runUntil(60 * SimTime.SECOND);
      if (old) {
        for (int i = 0; i < 7; i++) {
          assertEquals((i + 1) * SimTime.MILLISECOND, done[i], platform + " append " + (i + 1));
        }
        assertTrue(done[7] > 8 * SimTime.MILLISECOND, platform + ": the 8th append waits");
      } else {
        assertTrue(done[0] > SimTime.MILLISECOND, platform + " modern: the 1st append pauses");
      }
    }
  }
}
