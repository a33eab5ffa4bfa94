package dev.oversold.core.runtime;

import dev.oversold.core.engine.Simulation;
import java.util.ArrayDeque;

/**
 * A test device for {@link Writeback}: one server, requests served one at a time in arrival order,
 * each for {@code ceil(bytes x 1e9 / bandwidth)} ns, random or not (a pure channel, no
 * positioning), so writeback drains at exactly {@code bandwidth} while it has work.
 */
final class FifoWriteSink implements Writeback.Sink {
  private final Simulation simulation;
  private final double bytesPerSecond;
  private final ArrayDeque<Object[]> queue = new ArrayDeque<>();
  private boolean busy;
  long requests;
  long bytes;
  long firstRequestAt = -1;
  long busyNanos;

  FifoWriteSink(Simulation simulation, double bytesPerSecond) {
    this.simulation = simulation;
    this.bytesPerSecond = bytesPerSecond;
  }

  @Override
  public void write(long size, boolean random, Runnable written) {
    requests++;
    bytes += size;
    if (firstRequestAt < 0) {
      firstRequestAt = simulation.now();
    }
    queue.addLast(new Object[] {size, written});
    if (!busy) {
      next();
    }
  }

  private void next() {
    Object[] head = queue.pollFirst();
    if (head == null) {
      busy = false;
      return;
    }
    busy = true;
    long service = (long) Math.ceil((Long) head[0] * 1e9 / bytesPerSecond);
    busyNanos += service;
    simulation.scheduleAfter(
        service,
        () -> {
          ((Runnable) head[1]).run();
          next();
        });
  }
}
