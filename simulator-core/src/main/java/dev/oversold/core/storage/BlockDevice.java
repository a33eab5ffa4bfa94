package dev.oversold.core.storage;

import com.google.common.base.Preconditions;
import dev.oversold.core.engine.EventHandle;
import dev.oversold.core.engine.Simulation;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

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
 * <p>A request larger than the queue's {@code max_sectors_kb} ({@link
 * DeviceProfile#maxRequestBytes}, 512 KiB by default) is split before the scheduler sees it, as the
 * block layer builds no larger request: a 4 MiB write is eight 512 KiB requests, so a scheduler
 * that serves reads first (or holds async requests back, as CFQ does) can put a read behind one
 * chunk instead of the whole transfer. The submitted request completes when its last chunk does.
 *
 * <p>Every step is an event at an exact nanosecond; there is no rate sharing and no drift. Cost is
 * O(1) per step plus the scheduler's own (O(log q) in queues for the fair schedulers).
 */
public final class BlockDevice {
  private final Simulation simulation;
  private final ServiceTimeModel service;
  private final IoScheduler scheduler;
  private final int queueDepth;
  private final long maxRequestBytes;

  private final ArrayDeque<BlockRequest> deviceQueue = new ArrayDeque<>();
  private final ArrayDeque<BlockRequest> channelQueue = new ArrayDeque<>();
  private int dispatched;
  private int busyUnits;
  private boolean channelBusy;
  private @Nullable BlockRequest inChannel;
  private @Nullable EventHandle channelEvent;
  private final Runnable channelAction = this::channelDone;
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
  private long deviceRequests;

  /**
   * @param queueDepth requests the device accepts at once
   * @param maxRequestBytes the queue's {@code max_sectors_kb} in bytes, at least one page (4096)
   */
  public BlockDevice(
      Simulation simulation,
      ServiceTimeModel service,
      int queueDepth,
      long maxRequestBytes,
      IoScheduler scheduler) {
    Preconditions.checkArgument(queueDepth >= 1, "queue depth must be at least 1: %s", queueDepth);
    Preconditions.checkArgument(
        maxRequestBytes >= DeviceProfile.MIN_MAX_REQUEST_BYTES,
        "max request size must be at least one page (4096 B): %s",
        maxRequestBytes);
    this.simulation = simulation;
    this.service = service;
    this.scheduler = scheduler;
    this.queueDepth = queueDepth;
    this.maxRequestBytes = maxRequestBytes;
    this.createdAt = simulation.now();
    this.lastChange = createdAt;
    scheduler.attach(queueDepth, createdAt);
  }

  /**
   * A device with {@code queueDepth} tags and the profile's (or else the default) request limit.
   */
  public BlockDevice(
      Simulation simulation, ServiceTimeModel service, int queueDepth, IoScheduler scheduler) {
    this(
        simulation,
        service,
        queueDepth,
        service instanceof DeviceProfile profile
            ? profile.maxRequestBytes()
            : DeviceProfile.DEFAULT_MAX_REQUEST_BYTES,
        scheduler);
  }

  public BlockDevice(Simulation simulation, DeviceProfile profile, IoScheduler scheduler) {
    this(simulation, profile, profile.queueDepth(), profile.maxRequestBytes(), scheduler);
  }

  /** Hands {@code request} to the scheduler; its callback runs when the device has served it. */
  public void submit(BlockRequest request) {
    long now = simulation.now();
    advance(now);
    request.submitted(now);
    inSystem++;
    if (request.bytes() <= maxRequestBytes) {
      scheduler.add(request, now);
    } else {
      for (BlockRequest chunk : request.split(maxRequestBytes)) {
        chunk.submitted(now);
        scheduler.add(chunk, now);
      }
    }
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
    // One transfer at a time: its request waits in a field and one event is queued again for each
    // (rescheduling an event that has run takes a fresh sequence number, as scheduling a new one
    // would, so the order of events is the same).
    inChannel = request;
    EventHandle event = channelEvent;
    if (event == null) {
      channelEvent = simulation.schedule(now + transfer, channelAction);
    } else {
      simulation.reschedule(event, now + transfer);
    }
  }

  private void channelDone() {
    BlockRequest request = inChannel;
    inChannel = null;
    if (request != null) {
      transferred(request);
    }
  }

  private void transferred(BlockRequest request) {
    long now = simulation.now();
    advance(now);
    channelBusy = false;
    startChannel(now);
    complete(request, now);
  }

  private void complete(BlockRequest deviceRequest, long now) {
    dispatched--;
    deviceRequests++;
    scheduler.completed(deviceRequest, now);
    deviceRequest.markCompleted(now);
    BlockRequest parent = deviceRequest.parent();
    BlockRequest request = deviceRequest;
    if (parent != null) {
      parent.served(deviceRequest.serviceNanos());
      if (!parent.chunkDone()) {
        dispatch(now);
        return;
      }
      request = parent;
      request.markCompleted(now);
    }
    inSystem--;
    completed++;
    bytes += request.bytes();
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

  /** Requests submitted and not yet completed (a split request counts once). */
  public long inSystem() {
    return inSystem;
  }

  /** Requests completed so far (as submitted: a split request counts once). */
  public long completed() {
    return completed;
  }

  /** Requests the device itself completed: chunks of split requests count one by one. */
  public long deviceRequests() {
    return deviceRequests;
  }

  /** Requests in the device (dispatched by the scheduler, not completed), at most the depth. */
  public int dispatched() {
    return dispatched;
  }

  /** The queue's {@code max_sectors_kb}, in bytes. */
  public long maxRequestBytes() {
    return maxRequestBytes;
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
