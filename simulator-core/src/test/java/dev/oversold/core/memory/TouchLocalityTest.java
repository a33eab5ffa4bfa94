package dev.oversold.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.model.Skew;
import org.junit.jupiter.api.Test;

/**
 * Fault rates of skewed touches against numbers derived outside the model: Che's approximation
 * computed page by page, and hot sets by hand.
 */
final class TouchLocalityTest {
  private static final long PAGE = Pages.PAGE_BYTES;

  /**
   * Che's approximation for an LRU list of R = total - N pages under a Zipf(s) law, computed rank
   * by rank (no popularity classes): q_r = r^-s / sum_k k^-s, t solves sum_r (1 - exp(-q_r t)) = R
   * by bisection, the fault rate is sum_r q_r exp(-q_r t).
   */
  private static double chePerRank(int total, double s, long nonResident) {
    double[] q = new double[total];
    double norm = 0;
    for (int r = 1; r <= total; r++) {
      q[r - 1] = Math.pow(r, -s);
      norm += q[r - 1];
    }
    for (int r = 0; r < total; r++) {
      q[r] /= norm;
    }
    double lo = 0;
    double hi = 1;
    while (out(q, hi) > nonResident) {
      lo = hi;
      hi *= 2;
    }
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      if (out(q, mid) > nonResident) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double t = (lo + hi) / 2;
    double miss = 0;
    for (double x : q) {
      miss += x * Math.exp(-x * t);
    }
    return miss;
  }

  private static double out(double[] q, double t) {
    double sum = 0;
    for (double x : q) {
      sum += Math.exp(-x * t);
    }
    return sum;
  }

  @Test
  void zipfFaultRateMatchesChesApproximationAtAGivenResidentSize() {
    // 10,000 pages, Zipf 0.9, resident 2,000 / 5,000 / 8,000 pages. Rank by rank, Che gives
    // 0.32868 / 0.15104 / 0.04831 (uniform touches: 0.8 / 0.5 / 0.2). The model groups ranks into
    // classes 1.125 wide, which moves the rate by 0.03-0.11 % here: 0.5 % tolerance.
    TouchLocality zipf = new TouchLocality(new Skew.Zipf(0.9));
    for (long nonResident : new long[] {8_000, 5_000, 2_000}) {
      double expected = chePerRank(10_000, 0.9, nonResident);
      double actual = zipf.faultProbability(10_000, nonResident);
      assertEquals(expected, actual, 0.005 * expected, "non-resident " + nonResident);
      assertTrue(actual < nonResident / 10_000.0, "below uniform's " + nonResident / 10_000.0);
    }
    assertEquals(0.32868, chePerRank(10_000, 0.9, 8_000), 1e-5); // the figure quoted above
  }

  @Test
  void aHotSetTakingEveryTouchKeepsItsHotPagesResidentWhileColdOnesGo() {
    // 1,000 pages, 20 % hot taking 100 % of the touches: the 800 cold pages are never touched, so
    // the LRU evicts them first. Up to 800 pages out: none is hot, no touch faults. 900 out: all
    // 800 cold and 100 of the 200 hot (each hot page equally likely), so a touch faults with
    // probability 100 / 200 = 0.5.
    TouchLocality hot = new TouchLocality(new Skew.HotSet(0.2, 1.0));
    assertEquals(0, hot.faultProbability(1_000, 500));
    assertEquals(0, hot.faultProbability(1_000, 800));
    assertEquals(0.5, hot.faultProbability(1_000, 900), 1e-9);
    assertEquals(1, hot.faultProbability(1_000, 1_000));
  }

  @Test
  void aHotSetUnderLruLosesSomeHotPagesByHand() {
    // 1,000 pages, 200 hot taking 80 % of touches: per-page touch probability 0.8 / 200 = 0.004
    // hot, 0.2 / 800 = 0.00025 cold. At characteristic time tau = 500 touches a hot page is out
    // with probability e^-2 = 0.135335, a cold one with e^-0.125 = 0.882497: 200 x 0.135335 +
    // 800 x 0.882497 = 733.07 pages out, and a touch faults with probability 0.8 e^-2 + 0.2
    // e^-0.125 = 0.108268 + 0.176499 = 0.284767. At 733 pages out (0.07 fewer) the rate is lower by
    // 0.07 x dF/dN = 0.07 x (0.8 x 0.004 e^-2 + 0.2 x 0.00025 e^-0.125) / (200 x 0.004 e^-2 + 800 x
    // 0.00025 e^-0.125) = 0.07 x 0.001676 = 0.00012.
    TouchLocality hot = new TouchLocality(new Skew.HotSet(0.2, 0.8));
    assertEquals(0.284767 - 0.00012, hot.faultProbability(1_000, 733), 2e-5);
    // An LRU is not a frequency list: with 800 pages out (as many resident as hot pages) a
    // cold-only eviction would fault 0.2 of touches; LRU keeps some cold pages and loses hot ones.
    assertTrue(hot.faultProbability(1_000, 800) > 0.2);
  }

  @Test
  void uniformTouchesFaultWithTheNonResidentShareExactly() {
    TouchLocality uniform = new TouchLocality(Skew.UNIFORM);
    assertEquals(1234.0 / 5678, uniform.faultProbability(5678, 1234));
    assertEquals(0, uniform.faultProbability(5678, 0));
  }

  @Test
  void aGuestAtItsLimitTouchingAZipfWorkingSetFaultsAsChePredicts() {
    // A Xen guest (no host reclaim) with 40 MiB = 10,240 pages of RAM holds 80 MiB = 20,480 pages:
    // 40 page tables, 10,200 anon resident, 10,280 in its swap. Each touch of 64 pages brings the
    // faulted pages in and the guest's reclaim pushes as many out, so 10,280 stay out, and the
    // fraction of touched pages that fault is Che's rate for 20,480 pages with 10,280 out:
    // 0.145808 rank by rank. 2,000 touches x 64 pages = 128,000 pages: a binomial fraction's sd is
    // sqrt(0.146 x 0.854 / 128,000) = 0.00099, 0.7 % of the rate; 3 % tolerance is 4 sd. Uniform
    // touches would fault 10,280 / 20,480 = 0.502.
    HostMemory host =
        MemoryModels.host(
            new Simulation(),
            MemoryModels.Platform.XEN,
            1024,
            0,
            java.util.List.<long[]>of(new long[] {40, 64, 0}));
    TenantMemory guest = host.tenants().get(0);
    guest.touchSkew(new Skew.Zipf(0.9));
    guest.allocate(80L << 20);
    assertEquals(10_280, guest.tenantSwapPages());
    for (int i = 0; i < 2_000; i++) {
      guest.touch(64 * PAGE, () -> {});
    }
    assertEquals(10_280, guest.tenantSwapPages());
    double perPage = guest.majorFaults() / 128_000.0;
    double che = chePerRank(20_480, 0.9, 10_280);
    assertEquals(0.145808, che, 1e-6);
    assertEquals(che, perPage, 0.03 * che);
  }

  @Test
  void hostSwapOfAVmIsBlindToTheGuestsSkew() {
    // A KVM guest whose frames the host swapped: 1,000 of its 4,000 resident anon pages, chosen
    // without the guest's LRU. A hot-set guest (10 % of pages, 99 % of touches) with nothing in its
    // own swap still finds a touched page host-swapped with probability 1,000 / 4,000 = 0.25:
    // 400 touches of 10 pages = 4,000 pages, 1,000 expected host faults (sd sqrt(4,000 x 0.25 x
    // 0.75) = 27; 10 % tolerance). The host swap is then refilled so the share stays 0.25.
    Simulation simulation = new Simulation();
    HostMemory host =
        new HostMemory(
            "h",
            simulation,
            new HostMemoryConfig(1L << 30, 1L << 30, 0, 1000, 1000, 0.5, HostReclaimer.NONE));
    TenantMemory vm =
        host.add(
            "vm",
            new TenantMemoryConfig(
                64L << 20, 64L << 20, 0, 0, 1, TenantMemoryConfig.Kind.VM_ON_DEMAND),
            new RandomStream(7));
    vm.connect(MemoryIo.NONE, c -> {}, () -> {});
    vm.touchSkew(new Skew.HotSet(0.1, 0.99));
    vm.allocate(4_000 * PAGE);
    long hostFaults = 0;
    for (int i = 0; i < 400; i++) {
      vm.reclaim().hostSwapOut(1_000 - vm.hostSwappedPages());
      assertEquals(1_000, vm.hostSwappedPages());
      long before = vm.majorFaults();
      vm.touch(10 * PAGE, () -> {});
      hostFaults += vm.majorFaults() - before;
    }
    assertEquals(1_000.0, hostFaults, 100.0);
  }
}
