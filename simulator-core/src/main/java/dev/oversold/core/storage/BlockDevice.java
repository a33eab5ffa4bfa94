package dev.oversold.core.storage;

import com.google.common.base.Preconditions;
import dev.oversold.core.engine.EventHandle;
import dev.oversold.core.engine.Simulation;
import java.util.ArrayDeque;

/**
 * A host's block device behind its I/O scheduler: the one place where bytes become device time.
 *
 * <p>A request waits in the scheduler until the device has a free slot ({@code queueDepth} requests
 * at once), then in the device's own queue until one of its units is free. A unit positions (seek,
 * access latency); on a disk the arm then transfers its data itself, on flash the unit hands the
 * data to the one channel, which moves one request's bytes at a time. Requests are served in
 * dispatch order inside the device: once dispatched, the scheduler's weights no longer apply, which
 * is why a deep device queue dilutes them.
 *
 * <p>Every step is an event at an exact nanosecond; there is no rate sharing and no drift. Cost is
 * O(1) per step plus the scheduler's own (O(log q) in queues for the fair schedulers).
 */
public final class BlockDevice {
  private final Simulation simulation;
  private final ServiceTimeModel service;
  private final IoScheduler scheduler;
  private final int queueDepth;

  private final ArrayDeque<BlockRequest> deviceQueue = new ArrayDeque<>();
  private final ArrayDeque<BlockRequest> channelQueue = new ArrayDeque<>();
  private int dispatched;
  private int busyUnits;
  private boolean channelBusy;
  private EventHandle retry;
  private long retryTime = Long.MAX_VALUE;
  private final Runnable retryAction = this::retryDispatch;

  // Time integrals, brought up to date on every change: for utilisation and Little's law.
  private final long createdAt;
  private long lastChange;
  private long inSystem;
  private double inSystemNanos;
  private double busyUnitNanos;
  private long completed;
  private long bytes;

  public BlockDevice(
      Simulation simulation, ServiceTimeModel service, int queueDepth, IoScheduler scheduler) {
    Preconditions.checkArgument(queueDepth >= 1, "queue depth must be at least 1: %s", queueDepth);
    this.simulation = simulation;
    this.service = service;
    this.scheduler = scheduler;
    this.queueDepth = queueDepth;
    this.createdAt = simulation.now();
    this.lastChange = createdAt;
  }

  public BlockDevice(Simulation simulation, DeviceProfile profile, IoScheduler scheduler) {
    this(simulation, profile, profile.queueDepth(), scheduler);
  }

  /** Hands {@code request} to the scheduler; its callback runs when the device has served it. */
  public void submit(BlockRequest request) {
    long now = simulation.now();
    advance(now);
    request.submitted(now);
    inSystem++;
    scheduler.add(request, now);
    dispatch(now);
  }

  private void dispatch(long now) {
    while (dispatched < queueDepth) {
      BlockRequest next = scheduler.next(now);
      if (next == null) {
        break;
      }
      dispatched++;
      next.dispatched(now);
      deviceQueue.addLast(next);
    }
    startUnits(now);
    if (scheduler.waiting() > 0 && dispatched < queueDepth) {
      armRetry(scheduler.retryAt(now));
    }
  }

  private void startUnits(long now) {
    while (busyUnits < service.units() && !deviceQueue.isEmpty()) {
      BlockRequest request = deviceQueue.pollFirst();
      busyUnits++;
      long positioning = service.positioningNanos(request);
      if (service.unitHeldThroughTransfer()) {
        long total = positioning + service.transferNanos(request);
        request.served(total);
        simulation.schedule(now + total, () -> armDone(request));
      } else {
        request.served(positioning);
        simulation.schedule(now + positioning, () -> positioned(request));
      }
    }
  }

  private void armDone(BlockRequest request) {
    long now = simulation.now();
    advance(now);
    busyUnits--;
    complete(request, now);
  }

  private void positioned(BlockRequest request) {
    long now = simulation.now();
    advance(now);
    busyUnits--;
    channelQueue.addLast(request);
    startChannel(now);
    startUnits(now);
  }

  private void startChannel(long now) {
    if (channelBusy || channelQueue.isEmpty()) {
      return;
    }
    BlockRequest request = channelQueue.pollFirst();
    channelBusy = true;
    long transfer = service.transferNanos(request);
    request.served(transfer);
    simulation.schedule(now + transfer, () -> transferred(request));
  }

  private void transferred(BlockRequest request) {
    long now = simulation.now();
    advance(now);
    channelBusy = false;
    startChannel(now);
    complete(request, now);
  }

  private void complete(BlockRequest request, long now) {
    dispatched--;
    inSystem--;
    completed++;
    bytes += request.bytes();
    scheduler.completed(request, now);
    request.markCompleted(now);
    request.queue().recordCompletion(request);
    // The callback may submit the stream's next request: the scheduler sees it before it chooses.
    request.notifyDone();
    dispatch(now);
  }

  private void armRetry(long time) {
    if (time == Long.MAX_VALUE || time >= retryTime) {
      return;
    }
    if (retry != null) {
      retry.cancel();
    }
    retryTime = time;
    retry = simulation.schedule(time, retryAction);
  }

  private void retryDispatch() {
    retry = null;
    retryTime = Long.MAX_VALUE;
    long now = simulation.now();
    advance(now);
    dispatch(now);
  }

  private void advance(long now) {
    long elapsed = now - lastChange;
    if (elapsed > 0) {
      inSystemNanos += (double) inSystem * elapsed;
      busyUnitNanos += (double) busyUnits * elapsed;
      lastChange = now;
    }
  }

  /** Requests submitted and not yet completed. */
  public long inSystem() {
    return inSystem;
  }

  /** Requests completed so far. */
  public long completed() {
    return completed;
  }

  /** Bytes of completed requests. */
  public long bytes() {
    return bytes;
  }

  /** Time-average number of requests in the scheduler and the device since it was created. */
  public double meanInSystem() {
    long now = simulation.now();
    advance(now);
    return now == createdAt ? 0 : inSystemNanos / (now - createdAt);
  }

  /** Fraction of unit-time busy positioning (or positioning and transferring on a disk). */
  public double unitUtilisation() {
    long now = simulation.now();
    advance(now);
    return now == createdAt ? 0 : busyUnitNanos / ((double) (now - createdAt) * service.units());
  }

  public IoScheduler scheduler() {
    return scheduler;
  }
}
