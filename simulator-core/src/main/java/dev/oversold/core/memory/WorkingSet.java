package dev.oversold.core.memory;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;

/**
 * A tenant's recently touched pages, decayed over a 60 s window: ESXi samples each VM's working set
 * every 60 s (reference: vSphere Resource Management, idle memory tax), and its reclaimer targets
 * the idle rest first.
 */
final class WorkingSet {
  /** Decay window in seconds: ESXi's working-set sampling period. */
  private static final double WINDOW_SECONDS = 60.0;

  private final Simulation simulation;
  private double touchedEwma;
  private long lastTouch;

  WorkingSet(Simulation simulation) {
    this.simulation = simulation;
  }

  /** Records a touch of {@code pages} pages now. */
  void touched(long pages) {
    decay();
    touchedEwma += pages;
  }

  /** Fraction of {@code residentPages} touched recently, at most 1; 0 when nothing is resident. */
  double activeFraction(long residentPages) {
    if (residentPages == 0) {
      return 0;
    }
    decay();
    return Math.min(1, touchedEwma / residentPages);
  }

  private void decay() {
    long now = simulation.now();
    if (now > lastTouch) {
      touchedEwma *= Math.exp(-SimTime.toSeconds(now - lastTouch) / WINDOW_SECONDS);
      lastTouch = now;
    }
  }
}
