package dev.oversold.core.network;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.engine.Simulation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

final class HtbProperties {
  /**
   * With a class per tenant and guaranteed rates that fit the link, a victim sending at 90 % of its
   * rate gets everything through however many neighbours flood.
   */
  @Property(tries = 30)
  void aFloodNeverTakesAnotherClassesGuaranteedRate(
      @ForAll @DoubleRange(min = 5e6, max = 60e6) double victimRate,
      @ForAll @IntRange(min = 1, max = 3) int flooders) {
    Simulation simulation = new Simulation();
    Htb htb = new Htb(1000);
    double linkHtbBytes = 125e6 * 1514 / 1538;
    double flooderRate = (linkHtbBytes - victimRate) / flooders * 0.99;
    Flow victim = new Flow("victim");
    htb.addClass(victim, new Htb.ClassSpec(victimRate, 125e6, 15_140));
    TxPath path = new TxPath(simulation, htb, null, 64, 1e9, 1500);
    long end = SimDuration.ofMillis(300).nanos();
    for (int i = 0; i < flooders; i++) {
      Flow flood = new Flow("flood-" + i);
      htb.addClass(flood, new Htb.ClassSpec(flooderRate, 125e6, 15_140));
      for (long t = 0; t < end; t += 6_152) {
        simulation.schedule(t, () -> path.send(new Frame(flood, 1500, f -> {})));
      }
    }
    long gap = (long) (1514 / (victimRate * 0.9) * 1e9);
    long sent = 0;
    for (long t = 0; t < end; t += gap) {
      sent++;
      simulation.schedule(t, () -> path.send(new Frame(victim, 1500, f -> {})));
    }
    simulation.runUntil(end + SimDuration.ofMillis(20).nanos());
    assertTrue(victim.dropped() == 0, "victim dropped " + victim.dropped());
    assertTrue(victim.delivered() == sent, victim.delivered() + " of " + sent);
  }
}
