package dev.oversold.core.memory;

import dev.oversold.core.model.Skew;
import dev.oversold.core.storage.Dataset;
import java.util.List;

/**
 * Which of a tenant's pages a touch finds out of RAM when its reclaim domain evicts cold pages
 * first: the characteristic-time (Che) view of an LRU list.
 *
 * <p>Touches follow the independent reference model: a touched page belongs to popularity class c
 * (n_c pages) with probability p_c, each page of the class equally likely ({@link Dataset#of} with
 * the service's working-set skew). An LRU list evicts a page not touched for longer than its
 * characteristic time T, so in steady state a page of class c is out of RAM with probability
 * exp(-p_c tau / n_c), tau = T times the domain's touch rate in pages per second [Che, Tung, Wang
 * 2002, "Hierarchical Web caching systems: modeling, design and experimental results", IEEE JSAC
 * 20(7); Fricker, Robert, Roberts 2012, "A versatile and accurate approximation for LRU cache
 * performance", ITC 24, for its accuracy at any cache size]. Given the N pages the domain's reclaim
 * took, tau solves sum_c n_c exp(-p_c tau / n_c) = N, and a touched page faults with probability
 * sum_c p_c exp(-p_c tau / n_c). Linux keeps its pages on active and inactive LRU lists and
 * reclaims from the tail of the inactive one (mm/vmscan.c shrink_inactive_list): the pages it takes
 * are the ones not referenced for longest, which is what the view assumes; the second-chance
 * promotion to the active list (mark_page_accessed) is not modelled separately.
 *
 * <p>Only the counts the tenant already keeps are needed: which classes the N pages come from
 * follows from N. With one class (uniform touches) the fault probability is N / pages exactly, the
 * even draw the model made before locality. Cost: O(classes) per Newton step, a few steps from the
 * last solution, and nothing when N and the allocation have not changed since the last touch.
 */
final class TouchLocality {
  /** Newton-bisection steps at most; each halves the bracket at worst (2^-200 of tau). */
  private static final int MAX_STEPS = 200;

  private final Skew skew;
  private long classPages = -1;
  private double[] pages = new double[0];
  private double[] probability = new double[0];

  /** p_c / n_c: a class's touches per page per touch. */
  private double[] rate = new double[0];

  /** Pages of classes never touched (a hot set taking every touch): evicted before any other. */
  private double untouchedPages;

  private long lastNonResident = -1;
  private double lastFault;
  private double lastTau = 1;

  TouchLocality(Skew skew) {
    this.skew = skew;
  }

  /** Touches spread evenly: the fault probability is the non-resident share. */
  boolean uniform() {
    return skew instanceof Skew.Uniform;
  }

  Skew skew() {
    return skew;
  }

  /**
   * Probability that a touched page is one of the {@code nonResident} pages an LRU domain took from
   * {@code total} pages touched with this skew.
   */
  double faultProbability(long total, long nonResident) {
    if (nonResident <= 0 || total <= 0) {
      return 0;
    }
    if (nonResident >= total) {
      return 1;
    }
    if (uniform()) {
      return (double) nonResident / total;
    }
    if (total != classPages) {
      classesFor(total);
    }
    if (nonResident == lastNonResident) {
      return lastFault;
    }
    lastNonResident = nonResident;
    if (nonResident <= untouchedPages) {
      lastFault = 0; // pages nobody touches go first: no touch finds a page out
      return lastFault;
    }
    double tau = solveTau(nonResident);
    lastTau = tau;
    double fault = 0;
    for (int c = 0; c < rate.length; c++) {
      fault += probability[c] * Math.exp(-rate[c] * tau);
    }
    lastFault = Math.min(1, fault);
    return lastFault;
  }

  /** The characteristic time (in touches) at which {@code nonResident} pages are out. */
  double solveTau(long nonResident) {
    double target = nonResident;
    // g(tau) = sum n_c exp(-r_c tau) - N decreases from total - N > 0 to untouched - N < 0.
    double lo = 0;
    double hi = Math.max(lastTau, 1);
    while (outPages(hi) > target) {
      lo = hi;
      hi *= 2;
    }
    double tau = Math.min(Math.max(lastTau, lo), hi);
    for (int step = 0; step < MAX_STEPS; step++) {
      double out = 0;
      double slope = 0;
      for (int c = 0; c < rate.length; c++) {
        double e = pages[c] * Math.exp(-rate[c] * tau);
        out += e;
        slope -= rate[c] * e;
      }
      double g = out - target;
      if (Math.abs(g) <= 1e-9 * target) {
        return tau;
      }
      if (g > 0) {
        lo = tau;
      } else {
        hi = tau;
      }
      double next = slope < 0 ? tau - g / slope : Double.NaN;
      if (!(next > lo && next < hi)) {
        next = 0.5 * (lo + hi); // Newton left the bracket: bisect
      }
      if (hi - lo <= 1e-15 * hi) {
        return next;
      }
      tau = next;
    }
    return tau;
  }

  /** Pages out of RAM at characteristic time {@code tau}: sum n_c exp(-r_c tau). */
  private double outPages(double tau) {
    double out = 0;
    for (int c = 0; c < rate.length; c++) {
      out += pages[c] * Math.exp(-rate[c] * tau);
    }
    return out;
  }

  private void classesFor(long total) {
    List<Dataset.Segment> segments = Dataset.of(skew, total).segments();
    int n = segments.size();
    pages = new double[n];
    probability = new double[n];
    rate = new double[n];
    untouchedPages = 0;
    for (int c = 0; c < n; c++) {
      Dataset.Segment s = segments.get(c);
      pages[c] = s.pages();
      probability[c] = s.probability();
      rate[c] = s.probability() / s.pages();
      if (s.probability() == 0) {
        untouchedPages += s.pages();
      }
    }
    classPages = total;
    lastNonResident = -1;
  }
}
