package dev.oversold.core.runtime;

import dev.oversold.core.engine.EventHandle;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.platform.IoPolicy.DirtyThrottling;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * One kernel's dirty page cache and its writeback (mm/page-writeback.c, fs/fs-writeback.c): a
 * buffered write dirties pages and returns; the flusher writes dirty data back in chunks; writers
 * that dirty faster than the device drains are throttled in {@code balance_dirty_pages}.
 *
 * <p>Which kernel: the shared kernel of OpenVZ (and bare metal) has one instance for the whole host
 * over the host's RAM, its flusher on the host's own queue; a VM's guest kernel has one over the
 * guest's RAM, its writeback going down the guest's virtual I/O path. Three throttles:
 *
 * <ul>
 *   <li>{@link DirtyThrottling#LINUX_2_6_18} (RHEL 5's kernel, OpenVZ's 028stab line): {@code
 *       balance_dirty_pages} checks only the global level: a writer is checked once its CPU has
 *       dirtied {@code ratelimit_pages} pages since the last check (8 while the limit is exceeded,
 *       {@code balance_dirty_pages_ratelimited_nr}); past {@code vm_dirty_ratio} (40 % then) of
 *       dirtyable memory it writes back {@code sync_writeback_pages()} = 1.5 x ratelimit_pages of
 *       the oldest dirty data itself (on a sink that {@link Sink#admits() admits}: of files no
 *       other writer is submitting, going on once the chunk is admitted), else waits in {@code
 *       blk_congestion_wait} (100 ms). No per-task limit and no free-run ceiling, so every writer,
 *       light or heavy, meets the same limit: a light writer next to a heavy one is throttled
 *       whenever the heavy one holds the level at the threshold.
 *   <li>{@link DirtyThrottling#LINUX_2_6_32} (OpenVZ's RHEL 6 kernel): a writer whose share of
 *       dirty plus under-writeback memory is past its limit writes back {@code write_chunk} of the
 *       oldest dirty data itself and waits for it, else waits in {@code congestion_wait} (100 ms,
 *       or until a writeback completes); its limit is the dirty threshold lowered by up to 1/8 in
 *       proportion to its share of recent dirtying ({@code task_dirty_limit}), so a heavy writer is
 *       stopped first, and a light writer next to it is stopped too once the global limit is
 *       crossed.
 *   <li>{@link DirtyThrottling#MODERN} (3.2+, the VMs' guests): no writer writes back; past the
 *       free-run ceiling each write sleeps {@code bytes / (dirty_ratelimit x pos_ratio)}, at most
 *       200 ms, with {@code pos_ratio} the cubic of {@code pos_ratio_polynom} around the setpoint
 *       and {@code dirty_ratelimit} the balanced rate that makes all writers together dirty at the
 *       measured writeback bandwidth ({@code wb_update_write_bandwidth}, {@code
 *       wb_update_dirty_ratelimit}).
 * </ul>
 *
 * <p>Simplifications (each an assumption): dirtyable memory is all of the kernel's RAM (the kernel
 * counts free plus reclaimable pages, nearly all of RAM when anonymous memory is small); one
 * backing device per kernel, so the per-bdi limit is the global one; a writer is what the caller
 * names (a disk hog's thread, else the whole tenant: {@code DiskAccess#io} with a task); every
 * write call is checked (the kernel checks every {@code ratelimit_pages}, 8 pages once over the
 * limit); a writer's own writeback waits for its completion where the kernel waits for the request
 * queue to admit it (on a congested queue, about when earlier requests complete), except where the
 * sink models the request queue's allocation ({@link Sink#admits()}: the host queue of a 2.6.18
 * shared kernel), where a 2.6.18 writer returns once its writeback is admitted, as the kernel's
 * does.
 */
final class Writeback {
  /** Where the kernel's writeback requests go: the host's queue or the guest's virtual disk. */
  interface Sink {
    /** Writes {@code bytes} (one request); {@code written} when the device has served it. */
    void write(long bytes, boolean random, Runnable written);

    /**
     * Whether this sink allocates request slots ({@code get_request_wait}) and so can say when a
     * write has been admitted, before it is written.
     */
    default boolean admits() {
      return false;
    }

    /**
     * Whether the request queue is congested ({@code bdi_write_congested}); never, unless it
     * admits.
     */
    default boolean congested() {
      return false;
    }

    /**
     * Writes {@code bytes}: {@code admitted} once the request queue has allocated every request of
     * it (the submitter may go on), {@code written} when the device has served it. Only called when
     * {@link #admits()}.
     */
    default void write(long bytes, boolean random, Runnable admitted, Runnable written) {
      throw new UnsupportedOperationException("this sink does not model request allocation");
    }
  }

  /**
   * Bytes the flusher writes back per pass: 1,024 pages = 4 MiB, {@code MAX_WRITEBACK_PAGES}
   * (fs/fs-writeback.c, 2.6.32), so flushes interleave with other I/O.
   */
  static final long CHUNK_BYTES = 4L << 20;

  /**
   * Dirty data of one kind written within 1 s shares one segment and its first write's time, so the
   * periodic flush may write data back up to 1 s before it is 30 s old (an assumption: the kernel
   * keeps the time per inode, {@code dirtied_when}; here there are no files).
   */
  static final long DIRTIED_GRAIN_NANOS = SimTime.SECOND;

  /** A page: what a randomly dirtied write is written back as, one 4 KiB write each. */
  private static final long PAGE = 4096;

  /**
   * vm.dirty_background_ratio: the flusher starts writing back above 10 % of dirtyable memory
   * (mm/page-writeback.c {@code dirty_background_ratio = 10}, 2.6.32 and modern).
   */
  static final double DIRTY_BACKGROUND_RATIO = 0.10;

  /**
   * vm.dirty_ratio: writers are throttled above 20 % of dirtyable memory (mm/page-writeback.c
   * {@code vm_dirty_ratio = 20}, 2.6.32 and modern).
   */
  static final double DIRTY_RATIO = 0.20;

  /**
   * vm_dirty_ratio of 2.6.18: 40 % (mm/page-writeback.c {@code int vm_dirty_ratio = 40}, lowered to
   * 10 in 2.6.22 and raised to 20 in 2.6.30); the background ratio was already 10 %. {@code
   * get_dirty_limits} caps it at half the unmapped share of memory: an assumption here that mapped
   * plus anonymous pages stay under 20 % of RAM, so the cap does not bite.
   */
  static final double DIRTY_RATIO_2_6_18 = 0.40;

  /**
   * 2.6.18's check interval while the limit is exceeded: every 8 pages a CPU dirties ({@code
   * balance_dirty_pages_ratelimited_nr}: {@code if (dirty_exceeded) ratelimit = 8}).
   */
  static final long EXCEEDED_RATELIMIT_PAGES = 8;

  /**
   * vm.dirty_expire_centisecs: data dirty longer than 30 s is written back by the periodic flush
   * (mm/page-writeback.c {@code dirty_expire_interval = 30 * 100}).
   */
  static final long EXPIRE_NANOS = 30 * SimTime.SECOND;

  /**
   * vm.dirty_writeback_centisecs: the flusher wakes every 5 s to write expired data
   * (mm/page-writeback.c {@code dirty_writeback_interval = 5 * 100}).
   */
  static final long WAKEUP_NANOS = 5 * SimTime.SECOND;

  /**
   * A throttled 2.6.32 writer that could not write enough waits {@code
   * congestion_wait(BLK_RW_ASYNC, HZ/10)}: 100 ms at most, less if a write completes.
   */
  static final long CONGESTION_WAIT_NANOS = 100 * SimTime.MILLISECOND;

  /**
   * {@code task_dirty_limit} (2.6.32): a task's limit is the threshold less 1/8 of it times the
   * task's fraction of recent dirtying ({@code dirty >> 3}), never below half the threshold.
   */
  static final int TASK_LIMIT_FRACTION = 8;

  /**
   * The largest {@code ratelimit_pages}: 4 MiB ({@code writeback_set_ratelimit}, 2.6.32: total
   * pages / (CPUs x 32), at least 16 pages, at most 4,096 KiB), so a throttled writer writes back
   * {@code sync_writeback_pages} = 1.5 x that: 6 MiB at most.
   */
  static final long MAX_RATELIMIT_BYTES = 4L << 20;

  /** The smallest {@code ratelimit_pages}: 16 pages. */
  static final long MIN_RATELIMIT_BYTES = 16 * PAGE;

  /** Modern {@code MAX_PAUSE}: a throttled writer sleeps at most HZ/5 = 200 ms at a time. */
  static final long MAX_PAUSE_NANOS = 200 * SimTime.MILLISECOND;

  /**
   * Modern {@code INIT_BW}: the write bandwidth a backing device is assumed to have before any
   * writeback was measured, 100 MiB/s (mm/backing-dev.c).
   */
  static final double INIT_BANDWIDTH = 100.0 * (1 << 20);

  /**
   * Modern {@code BANDWIDTH_INTERVAL}: the write bandwidth is re-estimated every 200 ms; each
   * estimate is averaged over a 3 s period ({@code wb_update_write_bandwidth}, which rounds it to a
   * power of two in jiffies: an assumption here).
   */
  static final long BANDWIDTH_INTERVAL_NANOS = 200 * SimTime.MILLISECOND;

  static final long BANDWIDTH_PERIOD_NANOS = 3 * SimTime.SECOND;

  /** Upper bound of a dirtier's rate limit, bytes/s (no device writes 1 TB/s; a guard only). */
  private static final double MAX_DIRTY_RATELIMIT = 1e12;

  private final Simulation simulation;
  private final DirtyThrottling kernel;
  private final Sink sink;
  private final long thresh;
  private final long backgroundThresh;
  private final long ratelimitBytes;
  private final long ratelimitPages;
  private final long proportionPeriod;

  /**
   * 2.6.18 on a sink that models request allocation: a writer throttled in {@code
   * balance_dirty_pages} goes on once its chunk is submitted, not written. 2.6.18's loop counts
   * {@code pages_written += write_chunk - wbc.nr_to_write}, and {@code writeback_inodes} with
   * {@code WB_SYNC_NONE} decrements {@code nr_to_write} as {@code mpage_writepages} submits each
   * page's bio (fs/mpage.c); a submitter blocks only in {@code get_request_wait} while the queue
   * has no request for it (block/ll_rw_blk.c). So "We've done our duty" comes at admission.
   */
  private final boolean returnsAtAdmission;

  /**
   * With {@link #returnsAtAdmission}: each writer's file, numbered (an assumption: one file per
   * writer, as IOzone's {@code -t} gives each thread its own file and a web its own log), and the
   * files whose writeback is being submitted. 2.6.18's {@code __writeback_single_inode} skips an
   * inode another task holds ({@code I_LOCK}, held through {@code do_writepages} and so through
   * {@code get_request_wait}) unless the writeback is {@code WB_SYNC_ALL} (fs/fs-writeback.c): a
   * throttled writer writes the oldest dirty data of files nobody else is writing.
   */
  private final Map<Object, Long> inodes = new HashMap<>();

  private final java.util.Set<Long> locked = new java.util.HashSet<>();

  /** Dirty data not yet under writeback, oldest first: {bytes, 1 if random, dirtied at ns}. */
  private final ArrayDeque<long[]> segments = new ArrayDeque<>();

  private long dirty;
  private long underWriteback;
  private long written;
  private long writtenBack;
  private long maxOverLimitNanos;
  private long overLimitSince = -1;
  private long throttledWrites;
  private long throttledNanos;

  private boolean flushing;
  private long expireCutoff = Long.MIN_VALUE;
  private @Nullable EventHandle wakeup;

  /** Writers waiting in congestion_wait, woken by the next completed writeback or their timer. */
  private final List<Throttle> congested = new ArrayList<>();

  /**
   * Floating proportion of recent dirtying per writer: {decayed bytes, period index, 2.6.18's
   * ratelimit count in pages}.
   */
  private final Map<Object, long[]> dirtied = new HashMap<>();

  /**
   * The writer {@link #countDirtied} saw last and its entry of {@link #dirtied} (a guest kernel has
   * one writer, so the map is looked up once): a cache of the map, never a different value.
   */
  private @Nullable Object lastWriter;

  private long[] lastDirtied = new long[0];

  /** 2.6.18's {@code dirty_exceeded}: the last check found the level above the limit. */
  private boolean dirtyExceeded;

  private long dirtiedTotal;
  private long dirtiedPeriod;
  private long dirtiedRecent;

  private double bandwidth = INIT_BANDWIDTH;
  private double dirtyRatelimit = INIT_BANDWIDTH;
  private long ratelimitStamp;
  private long dirtiedSinceStamp;
  private long bandwidthStamp;
  private long bandwidthBytes;

  /**
   * @param dirtyableBytes memory the dirty ratios apply to (the kernel's RAM)
   * @param cpus the kernel's CPUs, for 2.6.32's ratelimit_pages
   */
  Writeback(
      Simulation simulation, DirtyThrottling kernel, long dirtyableBytes, int cpus, Sink sink) {
    this.simulation = simulation;
    this.kernel = kernel;
    this.sink = sink;
    double ratio = kernel == DirtyThrottling.LINUX_2_6_18 ? DIRTY_RATIO_2_6_18 : DIRTY_RATIO;
    this.thresh = Math.max(CHUNK_BYTES, (long) (dirtyableBytes * ratio));
    this.backgroundThresh = (long) (thresh * (DIRTY_BACKGROUND_RATIO / ratio));
    // set_ratelimit (2.6.18) and writeback_set_ratelimit (2.6.32): the same formula.
    this.ratelimitBytes =
        Math.max(
            MIN_RATELIMIT_BYTES,
            Math.min(MAX_RATELIMIT_BYTES, dirtyableBytes / (Math.max(1, cpus) * 32L)));
    this.ratelimitPages = ratelimitBytes / PAGE;
    // calc_period_shift (2.6.32): 2 + ilog2(dirty threshold in pages), so a proportion period is
    // 4 x the threshold's largest power of two of pages: the task fractions forget dirtying older
    // than two to four dirty thresholds' worth.
    long pages = Math.max(2, thresh / PAGE);
    this.proportionPeriod = (4L << (63 - Long.numberOfLeadingZeros(pages - 1))) * PAGE;
    this.bandwidthStamp = simulation.now();
    this.ratelimitStamp = simulation.now();
    this.returnsAtAdmission = kernel == DirtyThrottling.LINUX_2_6_18 && sink.admits();
  }

  /**
   * {@code writer} dirties {@code bytes}, written at random offsets or sequentially; {@code done}
   * when the write returns (at once, or after the writer was throttled).
   */
  void write(Object writer, long bytes, boolean random, Runnable done) {
    long now = simulation.now();
    written += bytes;
    dirty += bytes;
    long[] last = segments.peekLast();
    if (returnsAtAdmission) {
      // Each writer's data is its own file's (an inode of its own), so segments keep it apart.
      long inode = inodes.computeIfAbsent(writer, w -> (long) inodes.size());
      if (last != null
          && last[3] == inode
          && (last[1] == 1) == random
          && now - last[2] < DIRTIED_GRAIN_NANOS) {
        last[0] += bytes;
      } else {
        segments.addLast(new long[] {bytes, random ? 1 : 0, now, inode});
      }
    } else if (last != null && (last[1] == 1) == random && now - last[2] < DIRTIED_GRAIN_NANOS) {
      last[0] += bytes;
    } else {
      segments.addLast(new long[] {bytes, random ? 1 : 0, now});
    }
    countDirtied(writer, bytes);
    dirtiedSinceStamp += bytes;
    noteLevel();
    armWakeup();
    Throttle throttle = new Throttle(writer, bytes, done, now);
    switch (kernel) {
      case LINUX_2_6_18 -> {
        // generic_file_buffered_write calls balance_dirty_pages_ratelimited once per page it
        // copies into: a write of n bytes counts ceil(n / 4 KiB) pages (an append inside one page
        // counts one; page alignment is not tracked).
        throttle.pagesLeft = Math.max(1, (bytes + PAGE - 1) / PAGE);
        ratelimited2618(throttle);
      }
      case LINUX_2_6_32 -> balance2632(throttle);
      case MODERN -> balanceModern(throttle);
    }
  }

  /** Dirty bytes not yet under writeback (NR_FILE_DIRTY). */
  long dirtyBytes() {
    return dirty;
  }

  /** Bytes submitted for writeback and not yet completed (NR_WRITEBACK). */
  long writebackBytes() {
    return underWriteback;
  }

  /** Bytes written into the cache so far. */
  long writtenBytes() {
    return written;
  }

  long writtenBackBytes() {
    return writtenBack;
  }

  /** The dirty limit, vm.dirty_ratio of dirtyable memory, bytes. */
  long thresholdBytes() {
    return thresh;
  }

  /** Where background writeback starts, vm.dirty_background_ratio of dirtyable memory, bytes. */
  long backgroundThresholdBytes() {
    return backgroundThresh;
  }

  /** Longest stretch dirty plus under-writeback bytes stayed above the dirty limit, ns. */
  long maxOverLimitNanos() {
    return Math.max(maxOverLimitNanos, overLimitSince < 0 ? 0 : simulation.now() - overLimitSince);
  }

  /** Writes that were throttled, and the total time they waited. */
  long throttledWrites() {
    return throttledWrites;
  }

  long throttledNanos() {
    return throttledNanos;
  }

  /** {@code writer}'s limit after task_dirty_limit (2.6.32), bytes. */
  long taskLimit(Object writer) {
    double fraction = fraction(writer);
    long limit = thresh - (long) (thresh / (double) TASK_LIMIT_FRACTION * fraction);
    return Math.max(thresh / 2, limit);
  }

  // ------------------------------------------------------------------ throttling

  /** One write call in balance_dirty_pages. */
  private final class Throttle {
    final Object writer;
    final long bytes;
    final long writeChunk;

    /** 2.6.18: pages of this write not yet counted toward the writer's next check. */
    long pagesLeft;

    final Runnable done;
    final long since;
    long pagesWritten;
    @Nullable EventHandle timer;

    Throttle(Object writer, long bytes, Runnable done, long since) {
      this.writer = writer;
      this.bytes = bytes;
      // sync_writeback_pages(dirtied): 1.5 x max(ratelimit_pages, pages dirtied) (2.6.32);
      // sync_writeback_pages(): 1.5 x ratelimit_pages whatever was dirtied (2.6.18).
      long base =
          kernel == DirtyThrottling.LINUX_2_6_18 ? ratelimitBytes : Math.max(ratelimitBytes, bytes);
      this.writeChunk = base + base / 2;
      this.done = done;
      this.since = since;
    }

    void release() {
      long waited = simulation.now() - since;
      if (waited > 0) {
        throttledWrites++;
        throttledNanos += waited;
      }
      complete(done);
    }
  }

  private void balance2632(Throttle t) {
    startBackground();
    long nr = dirty + underWriteback;
    long limit = taskLimit(t.writer);
    // Under its limit, or the background flusher can still catch up (below (bg + thresh) / 2).
    if (nr <= limit || nr < (backgroundThresh + thresh) / 2 || t.pagesWritten >= t.writeChunk) {
      t.release();
      return;
    }
    if (dirty > 0 && dirty + underWriteback > limit) {
      // writeback_inodes_wbc: the writer writes back the oldest dirty data itself.
      long[] left = {t.writeChunk - t.pagesWritten};
      writeOwn(t, left);
      return;
    }
    congestionWait(t);
  }

  /**
   * 2.6.18's {@code balance_dirty_pages_ratelimited_nr}: the write's pages are counted on its
   * writer's counter (the kernel's is per CPU, shared by the tasks on it: an assumption, one per
   * writer, which checks a light writer about as often when a heavy one keeps resetting the CPU's
   * counter); each time the count reaches the interval ({@code ratelimit_pages}, or 8 while the
   * limit is exceeded) it restarts at 0 and {@code balance_dirty_pages} runs. Checks that find the
   * level at or under the limit cost no time.
   */
  private void ratelimited2618(Throttle t) {
    long[] counter = dirtiedEntry(t.writer);
    while (true) {
      long interval = dirtyExceeded ? EXCEEDED_RATELIMIT_PAGES : ratelimitPages;
      long need = Math.max(1, interval - counter[2]);
      if (t.pagesLeft < need) {
        counter[2] += t.pagesLeft;
        t.pagesLeft = 0;
        t.release();
        return;
      }
      t.pagesLeft -= need;
      counter[2] = 0;
      // balance_dirty_pages ends by waking pdflush above the background threshold even when the
      // level is under the limit.
      startBackground();
      if (dirty + underWriteback <= thresh) {
        dirtyExceeded = false;
        continue;
      }
      t.pagesWritten = 0;
      balance2618(t);
      return;
    }
  }

  /**
   * 2.6.18's {@code balance_dirty_pages} loop: past the global limit the writer writes back its
   * chunk of the oldest dirty data itself ({@code writeback_inodes}), then stops once the level is
   * back at or under the limit or its chunk is written; with nothing dirty it waits in {@code
   * blk_congestion_wait}. Then the write's remaining pages count on toward the next check.
   */
  private void balance2618(Throttle t) {
    startBackground();
    long nr = dirty + underWriteback;
    if (nr <= thresh) {
      dirtyExceeded = false;
      ratelimited2618(t);
      return;
    }
    dirtyExceeded = true;
    if (t.pagesWritten >= t.writeChunk) {
      ratelimited2618(t);
      return;
    }
    if (dirty > 0) {
      writeOwn(t, new long[] {t.writeChunk - t.pagesWritten});
      return;
    }
    congestionWait(t);
  }

  /** The next step of {@code t}'s balance_dirty_pages loop, as its kernel runs it. */
  private void rebalance(Throttle t) {
    if (kernel == DirtyThrottling.LINUX_2_6_18) {
      balance2618(t);
    } else {
      balance2632(t);
    }
  }

  /** The writer writes back up to {@code left[0]} bytes, piece after piece, then re-checks. */
  private void writeOwn(Throttle t, long[] left) {
    long taken =
        flushOldest(
            left[0],
            returnsAtAdmission,
            bytes -> {
              t.pagesWritten += bytes;
              left[0] -= bytes;
              if (left[0] > 0 && dirty > 0) {
                writeOwn(t, left);
              } else {
                rebalance(t);
              }
            });
    if (taken == 0) {
      congestionWait(t);
    }
  }

  private void congestionWait(Throttle t) {
    congested.add(t);
    t.timer =
        simulation.scheduleAfter(
            CONGESTION_WAIT_NANOS,
            () -> {
              congested.remove(t);
              t.timer = null;
              rebalance(t);
            });
  }

  private void wakeCongested() {
    if (congested.isEmpty()) {
      return;
    }
    List<Throttle> woken = new ArrayList<>(congested);
    congested.clear();
    for (Throttle t : woken) {
      if (t.timer != null) {
        t.timer.cancel();
        t.timer = null;
      }
      simulation.schedule(simulation.now(), () -> rebalance(t));
    }
  }

  private void balanceModern(Throttle t) {
    startBackground();
    long nr = dirty + underWriteback;
    long freerun = (backgroundThresh + thresh) / 2; // dirty_freerun_ceiling
    if (nr <= freerun) {
      t.release();
      return;
    }
    // pos_ratio_polynom: setpoint halfway between the free-run ceiling and the limit; 1 at the
    // setpoint, 2 at the ceiling, 0 at the limit, cubic in between.
    double setpoint = (freerun + thresh) / 2.0;
    double x = (setpoint - nr) / (thresh - setpoint + 1);
    double posRatio = Math.max(0, Math.min(2, 1 + x * x * x));
    updateDirtyRatelimit(posRatio);
    if (nr >= thresh || posRatio <= 0) {
      simulation.scheduleAfter(MAX_PAUSE_NANOS, () -> balanceModern(t));
      return;
    }
    double rate = dirtyRatelimit * posRatio; // task_ratelimit
    long pause = Math.min(MAX_PAUSE_NANOS, SimTime.ceilNanos(t.bytes / rate));
    simulation.scheduleAfter(pause, t::release);
  }

  // ------------------------------------------------------------------ writeback

  /** Background writeback runs while dirty data is above the background threshold. */
  private void startBackground() {
    if (dirty > backgroundThresh) {
      kick();
    }
  }

  private void armWakeup() {
    if (wakeup == null && dirty > 0) {
      wakeup = simulation.scheduleAfter(WAKEUP_NANOS, this::periodicWakeup);
    }
  }

  /** wb_kupdate: every 5 s, write back what has been dirty for 30 s or more. */
  private void periodicWakeup() {
    wakeup = null;
    expireCutoff = simulation.now() - EXPIRE_NANOS;
    kick();
    armWakeup();
  }

  private boolean flusherHasWork() {
    long[] head = segments.peekFirst();
    return head != null && (dirty > backgroundThresh || head[2] <= expireCutoff);
  }

  /** The flusher: one chunk of the oldest dirty data at a time while it has work. */
  private void kick() {
    if (flushing || !flusherHasWork()) {
      return;
    }
    flushing = true;
    if (returnsAtAdmission) {
      kickAdmitted();
      return;
    }
    flushOldest(
        CHUNK_BYTES,
        false,
        bytes -> {
          flushing = false;
          kick();
        });
  }

  /**
   * 2.6.18's pdflush ({@code background_writeout}, {@code wb_kupdate}): it writes {@code
   * nonblocking}, so on a congested queue, or with every dirty file held by another writer, it
   * waits in {@code blk_congestion_wait(WRITE, HZ/10)} and tries again; otherwise it submits a
   * chunk of the oldest unlocked file and goes on once the chunk is admitted.
   */
  private void kickAdmitted() {
    long taken =
        sink.congested()
            ? 0
            : flushOldest(
                CHUNK_BYTES,
                true,
                bytes -> {
                  flushing = false;
                  kick();
                });
    if (taken == 0) {
      simulation.scheduleAfter(
          CONGESTION_WAIT_NANOS,
          () -> {
            flushing = false;
            kick();
          });
    }
  }

  /**
   * Moves up to {@code max} bytes of the oldest dirty data of one kind to writeback and submits it:
   * a sequential run as one request (the device splits it), pages dirtied at random offsets as one
   * 4 KiB write each, all at once. {@code done} gets the bytes when all are written, or, with
   * {@code atAdmission}, when the sink has admitted all of them.
   *
   * @return bytes taken, 0 when nothing is dirty
   */
  private long flushOldest(long max, boolean atAdmission, LongConsumer done) {
    long[] head = atAdmission ? oldestUnlocked() : segments.peekFirst();
    if (head == null || max <= 0) {
      return 0;
    }
    long chunk = Math.min(head[0], max);
    boolean random = head[1] == 1;
    head[0] -= chunk;
    if (head[0] == 0) {
      segments.remove(head);
    }
    dirty -= chunk;
    underWriteback += chunk;
    if (atAdmission) {
      submitAdmitted(chunk, random, head[3], done);
      return chunk;
    }
    if (!random) {
      sink.write(chunk, false, () -> written(chunk, done));
      return chunk;
    }
    long pages = (chunk + PAGE - 1) / PAGE;
    long[] left = {pages};
    for (long i = 0; i < pages; i++) {
      long bytes = Math.min(PAGE, chunk - i * PAGE);
      sink.write(
          bytes,
          true,
          () -> {
            if (--left[0] == 0) {
              written(chunk, done);
            }
          });
    }
    return chunk;
  }

  /**
   * {@link #flushOldest}'s submission through a sink that admits: {@code done} when every request
   * of the chunk is admitted; each piece leaves writeback when it is written.
   */
  private void submitAdmitted(long chunk, boolean random, long inode, LongConsumer done) {
    long pieces = random ? (chunk + PAGE - 1) / PAGE : 1;
    long[] toAdmit = {pieces};
    locked.add(inode);
    Runnable admitted =
        () -> {
          if (--toAdmit[0] == 0) {
            locked.remove(inode);
            // In an event of its own: a queue with room admits at once, and the submitter's loop
            // must not recurse through the sink.
            simulation.schedule(simulation.now(), () -> done.accept(chunk));
          }
        };
    for (long i = 0; i < pieces; i++) {
      long bytes = random ? Math.min(PAGE, chunk - i * PAGE) : chunk;
      sink.write(bytes, random, admitted, () -> written(bytes, b -> {}));
    }
  }

  /** The oldest dirty segment of a file no other writer is submitting, or null. */
  private long @Nullable [] oldestUnlocked() {
    for (long[] segment : segments) {
      if (!locked.contains(segment[3])) {
        return segment;
      }
    }
    return null;
  }

  private void written(long bytes, LongConsumer done) {
    underWriteback -= bytes;
    writtenBack += bytes;
    noteLevel();
    measureBandwidth(bytes);
    done.accept(bytes);
    // 2.6.18's blk_congestion_wait sleeps until the queue leaves congestion (or its timeout).
    if (!returnsAtAdmission || !sink.congested()) {
      wakeCongested();
    }
  }

  /**
   * wb_update_write_bandwidth: a sample every 200 ms averaged into a 3 s period; an interval longer
   * than 1 s (idle time in it) only restarts the sample, as the kernel does.
   */
  private void measureBandwidth(long bytes) {
    bandwidthBytes += bytes;
    long now = simulation.now();
    long elapsed = now - bandwidthStamp;
    if (elapsed < BANDWIDTH_INTERVAL_NANOS) {
      return;
    }
    if (elapsed <= SimTime.SECOND) {
      double sample = bandwidthBytes / SimTime.toSeconds(elapsed);
      bandwidth =
          (bandwidth * (BANDWIDTH_PERIOD_NANOS - elapsed) + sample * elapsed)
              / BANDWIDTH_PERIOD_NANOS;
    }
    bandwidthStamp = now;
    bandwidthBytes = 0;
  }

  /**
   * wb_update_dirty_ratelimit: every 200 ms of throttling, the rate one dirtier is allowed at the
   * setpoint becomes the balanced rate, {@code task_ratelimit x write_bw / dirty_rate}, so that N
   * writers together dirty at the write bandwidth. (The kernel steps toward it with smoothing: an
   * assumption, one step here.)
   */
  private void updateDirtyRatelimit(double posRatio) {
    long now = simulation.now();
    long elapsed = now - ratelimitStamp;
    if (elapsed < BANDWIDTH_INTERVAL_NANOS) {
      return;
    }
    if (elapsed <= SimTime.SECOND && dirtiedSinceStamp > 0) {
      double dirtyRate = dirtiedSinceStamp / SimTime.toSeconds(elapsed);
      double balanced = dirtyRatelimit * posRatio * bandwidth / dirtyRate;
      dirtyRatelimit = Math.max(PAGE, Math.min(balanced, MAX_DIRTY_RATELIMIT));
    }
    ratelimitStamp = now;
    dirtiedSinceStamp = 0;
  }

  /** Tracks how long dirty plus under-writeback data stays above the limit. */
  private void noteLevel() {
    long now = simulation.now();
    boolean over = dirty + underWriteback > thresh;
    if (over && overLimitSince < 0) {
      overLimitSince = now;
    } else if (!over && overLimitSince >= 0) {
      maxOverLimitNanos = Math.max(maxOverLimitNanos, now - overLimitSince);
      overLimitSince = -1;
    }
  }

  // ------------------------------------------------------------------ task proportions

  /**
   * The task's share of recent dirtying (lib/proportions.c's floating proportion, as task_dirty_inc
   * feeds it): each writer's count and the total halve every period.
   */
  private void countDirtied(Object writer, long bytes) {
    rollPeriods();
    long[] own = dirtiedEntry(writer);
    decay(own);
    own[0] += bytes;
    dirtiedRecent += bytes;
    dirtiedTotal += bytes;
  }

  /**
   * {@code writer}'s entry: {decayed bytes dirtied, its period index, 2.6.18's pages counted since
   * its last check}.
   */
  private long[] dirtiedEntry(Object writer) {
    long[] own = lastDirtied;
    if (writer != lastWriter) {
      own = dirtied.computeIfAbsent(writer, w -> new long[] {0, dirtiedPeriod, 0});
      lastWriter = writer;
      lastDirtied = own;
    }
    return own;
  }

  private double fraction(Object writer) {
    rollPeriods();
    long[] own = dirtied.get(writer);
    if (own == null || dirtiedRecent <= 0) {
      return 0;
    }
    decay(own);
    return Math.min(1.0, own[0] / (double) dirtiedRecent);
  }

  private void rollPeriods() {
    long period = dirtiedTotal / proportionPeriod;
    if (period > dirtiedPeriod) {
      int shift = (int) Math.min(63, period - dirtiedPeriod);
      dirtiedRecent >>= shift;
      dirtiedPeriod = period;
    }
  }

  private void decay(long[] own) {
    if (own[1] < dirtiedPeriod) {
      own[0] >>= (int) Math.min(63, dirtiedPeriod - own[1]);
      own[1] = dirtiedPeriod;
    }
  }

  /**
   * A write accepted into the cache is done in an event of its own, so that a writer looping on
   * buffered writes neither recurses through {@link #write} nor re-enters the flusher.
   */
  private void complete(Runnable done) {
    simulation.schedule(simulation.now(), done);
  }
}
