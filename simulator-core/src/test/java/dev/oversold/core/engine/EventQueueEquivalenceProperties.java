package dev.oversold.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

/**
 * The event queue (a 4-ary heap with its keys in arrays beside the events) against the one it
 * replaced ({@link LegacyEventQueue}: a binary heap reading each event's key from the event), on
 * random sequences of adds, polls (plain, and of the head only if due by a time), cancellations and
 * moves, applied to both.
 *
 * <p>Keys are unique (every add and every move takes a fresh sequence number, as {@link Simulation}
 * gives them), so the two heaps, whatever their shape, must agree exactly: after every action the
 * same size and the same pending flag for every event, and the same head when the action looks; and
 * every poll returns the same event. Times are drawn from a handful of values so that most
 * comparisons are ties on time, decided by the sequence.
 */
final class EventQueueEquivalenceProperties {
  /**
   * kind: 0-3 add, 4 poll, 5 poll if due by {@code time}, 6 cancel event {@code target}, 7 move
   * event {@code target}; {@code look}: compare the heads afterwards (a look settles the root entry
   * that a poll-if-due leaves for the next add to take over, so most actions do not look).
   */
  record Action(int kind, int target, long time, boolean look) {}

  @Provide
  Arbitrary<List<Action>> actions() {
    Arbitrary<Action> action =
        Combinators.combine(
                Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(0, 1_000),
                Arbitraries.oneOf(
                    Arbitraries.longs().between(0, 5), Arbitraries.longs().between(0, 1_000_000)),
                Arbitraries.integers().between(0, 3).map(i -> i == 0))
            .as(Action::new);
    return action.list().ofMinSize(1).ofMaxSize(600);
  }

  @Property(tries = 300)
  void sameOrderAsTheBinaryHeapOfEvents(@ForAll("actions") List<Action> actions) {
    Simulation owner = new Simulation();
    EventQueue current = new EventQueue();
    LegacyEventQueue legacy = new LegacyEventQueue();
    List<Event> currentEvents = new ArrayList<>();
    List<Event> legacyEvents = new ArrayList<>();
    long sequence = 0;
    Runnable nothing = () -> {};
    for (Action action : actions) {
      if (action.kind() <= 3) {
        currentEvents.add(new Event(owner, action.time(), sequence, nothing));
        legacyEvents.add(new Event(owner, action.time(), sequence, nothing));
        sequence++;
        current.add(currentEvents.get(currentEvents.size() - 1));
        legacy.add(legacyEvents.get(legacyEvents.size() - 1));
      } else if (action.kind() == 4) {
        assertSame(
            counterpart(legacy.poll(), legacyEvents, currentEvents),
            current.poll(),
            "the same event leaves first");
      } else if (action.kind() == 5) {
        // Simulation.runUntil(time)'s step: the head leaves only if it is due by then.
        Event head = legacy.peek();
        Event due = head != null && head.time <= action.time() ? legacy.poll() : null;
        assertSame(
            counterpart(due, legacyEvents, currentEvents),
            current.pollDue(action.time()),
            "the same event leaves first, if due");
      } else if (!currentEvents.isEmpty()) {
        int i = action.target() % currentEvents.size();
        Event c = currentEvents.get(i);
        Event l = legacyEvents.get(i);
        if (action.kind() == 6) {
          current.remove(c);
          legacy.remove(l);
        } else if (c.isPending()) {
          // Simulation.reschedule of a pending event: a new time and a fresh sequence.
          c.time = action.time();
          l.time = action.time();
          c.sequence = sequence;
          l.sequence = sequence;
          sequence++;
          current.changed(c);
          legacy.changed(l);
        }
      }
      assertEquals(legacy.size(), current.size());
      if (action.look()) {
        assertSame(counterpart(legacy.peek(), legacyEvents, currentEvents), current.peek());
      }
      for (int i = 0; i < currentEvents.size(); i++) {
        assertEquals(legacyEvents.get(i).isPending(), currentEvents.get(i).isPending());
      }
    }
    // Draining both gives the same order to the end.
    Event next;
    while ((next = legacy.poll()) != null) {
      assertSame(counterpart(next, legacyEvents, currentEvents), current.poll());
    }
    assertNull(current.poll());
  }

  private static @Nullable Event counterpart(
      @Nullable Event legacyEvent, List<Event> legacyEvents, List<Event> currentEvents) {
    if (legacyEvent == null) {
      return null;
    }
    return currentEvents.get(legacyEvents.indexOf(legacyEvent));
  }
}
