package dev.oversold.core.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * Swap-out writes someone waits for: a reclaim pass counts each write it issues, and whoever
 * reclaimed (a task in direct reclaim, kswapd before its next batch) continues once the last of
 * them is on the device. A frame being written is not free until its write completes, so a task
 * that needs it waits that long.
 */
final class WriteWait {
  private long outstanding;
  private final List<Runnable> waiters = new ArrayList<>(1);

  /** Counts one write batch; the returned callback marks it written. */
  Runnable issue() {
    outstanding++;
    return this::written;
  }

  private void written() {
    outstanding--;
    if (outstanding == 0 && !waiters.isEmpty()) {
      List<Runnable> ready = new ArrayList<>(waiters);
      waiters.clear();
      for (Runnable waiter : ready) {
        waiter.run();
      }
    }
  }

  /** Whether some write is still on its way to the device. */
  boolean pending() {
    return outstanding > 0;
  }

  /** Runs {@code then} once every write issued so far is on the device (now if none is left). */
  void whenWritten(Runnable then) {
    if (outstanding == 0) {
      then.run();
    } else {
      waiters.add(then);
    }
  }
}
