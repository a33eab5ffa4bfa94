package dev.oversold.core.engine;

/**
 * The thread running a simulation was interrupted (Ctrl-C, or a sibling run failed): the run stops
 * at the next check instead of simulating to its end. Unchecked because event actions cannot throw
 * checked exceptions; callers treat it like {@link InterruptedException}.
 */
public final class SimulationInterruptedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SimulationInterruptedException(long now) {
    super("simulation interrupted at " + SimTime.format(now));
  }
}
