package dev.oversold.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link Htb} keeps its active classes in a sorted array; {@link LegacyHtb} is the same qdisc with
 * them in a TreeMap. Driven by the same classes, frames, times and dequeue sizes, both must accept,
 * drop and hand out the same packets in the same order and report the same backlog and next ready
 * time: the pick order (DRR from each level's pointer, wrapping in classid order) is what the array
 * must reproduce.
 */
final class HtbEquivalenceProperties {
  @Property(tries = 300)
  void sortedArrayPicksAsTheTreeMapDid(
      @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 1_000_000) Integer> classes,
      @ForAll @IntRange(min = 1, max = 40) int limit,
      @ForAll @Size(max = 600) List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> steps) {
    Htb htb = new Htb(limit);
    LegacyHtb legacy = new LegacyHtb(limit);
    List<Flow> flows = new ArrayList<>();
    List<Flow> legacyFlows = new ArrayList<>();
    for (int i = 0; i < classes.size(); i++) {
      int c = classes.get(i);
      // rate 50 kB/s .. 5 MB/s, ceil 1-4x the rate, burst one to 60 packets of 1,514 B
      double rate = 50_000 + (c % 100) * 50_000.0;
      double ceil = rate * (1 + (c / 100) % 4);
      long burst = 1_514L * (1 + (c / 400) % 60);
      Htb.ClassSpec spec = new Htb.ClassSpec(rate, ceil, burst);
      Flow flow = new Flow("f" + i);
      Flow legacyFlow = new Flow("f" + i);
      htb.addClass(flow, spec);
      legacy.addClass(legacyFlow, spec);
      flows.add(flow);
      legacyFlows.add(legacyFlow);
    }
    long now = 0;
    for (int step : steps) {
      now += (step % 7) * 97_000L; // 0 to 0.58 ms between steps, often none
      int what = (step / 7) % 3;
      if (what == 0) {
        int flow = (step / 21) % flows.size();
        int payload = 64 + (step / 300) % 1437;
        int packets = 1 + (step / 500_000) % 6;
        assertEquals(
            legacy.enqueue(new Frame(legacyFlows.get(flow), payload, packets, f -> {}), now),
            htb.enqueue(new Frame(flows.get(flow), payload, packets, f -> {}), now),
            "enqueue at " + now);
      } else if (what == 1) {
        int maxFrames = 1 + (step / 21) % 64;
        Frame expected = legacy.dequeue(now, f -> {}, maxFrames);
        Frame actual = htb.dequeue(now, f -> {}, maxFrames);
        assertEquals(describe(expected, legacyFlows), describe(actual, flows), "dequeue at " + now);
      } else {
        assertEquals(legacy.readyAt(now), htb.readyAt(now), "readyAt at " + now);
      }
      assertEquals(legacy.backlog(), htb.backlog(), "backlog at " + now);
    }
    for (int i = 0; i < flows.size(); i++) {
      assertEquals(legacyFlows.get(i).dropped(), flows.get(i).dropped(), "drops of f" + i);
    }
  }

  private static String describe(Frame frame, List<Flow> flows) {
    return frame == null
        ? "none"
        : "f"
            + flows.indexOf(frame.flow())
            + " "
            + frame.payloadBytes()
            + " B x "
            + frame.packets();
  }
}
