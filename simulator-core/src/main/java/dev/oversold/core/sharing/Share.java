package dev.oversold.core.sharing;

import dev.oversold.core.engine.EventHandle;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One consumer of a {@link SharedCapacity} (a tenant's vCPUs on a CPU pool, its I/O on a disk) and
 * the processor-sharing queue of its jobs.
 *
 * <p>The pool gives the share an allocation (units/s). Its {@code n} jobs split it equally, each
 * progressing at {@code allocation * efficiency / n}. Instead of updating every job, the share
 * keeps one virtual time: the work each job has received since the share was last empty. A job
 * submitted with work {@code w} at virtual time {@code V} finishes when the virtual time reaches
 * {@code V + w}; jobs sit in a heap by that target, and only the earliest has an event. Arrival,
 * departure and rate change are O(log n) in the number of jobs. While the pool is saturated and the
 * share's allocation is the pool's level times its weight ("free"), its progress is kept in the
 * pool's virtual time instead and the pool holds its completion (see {@link SharedCapacity}).
 *
 * <p>The share's ceiling is {@code min(cap, min(n, parallelLimit) * perJobMaxRate)}: a job is one
 * thread and runs on at most one unit of parallelism (one core), and the share runs at most {@code
 * parallelLimit} of them at once (its vCPUs).
 */
public final class Share {
  private final SharedCapacity pool;
  private final Simulation simulation;
  private final String name;
  private final JobHeap jobs = new JobHeap();

  private double weight;
  private double floor;
  private double cap;
  private final double perJobMaxRate;
  private int parallelLimit;
  private double efficiency;
  private final boolean weightPerJob;

  private double allocation;
  private double virtualTime;
  private long lastUpdate;
  private long nextJobSequence;
  private @Nullable EventHandle completion;
  private final Runnable completionAction = this::completeDueJobs;
  private @Nullable Runnable allocationListener;
  private final java.util.List<Job> pendingJobs = new java.util.ArrayList<>();

  /**
   * While the pool re-divides after this share's own change, whose caller reschedules the
   * completion right after ({@link #ceilingChangedThenReschedule}).
   */
  private boolean completionFollows;

  // Integrals over time, in resource units (rate * seconds), brought up to date by advance().
  private double allocatedWork;
  private double usefulWork;
  private double ceilingWork;
  private double runnableWork;

  /** Position in the pool's list of shares with a positive ceiling, or -1. */
  int activeIndex = -1;

  /** The ceiling the pool last accounted for. */
  double accountedCeiling;

  // The pool's bookkeeping (see SharedCapacity): order of creation, class, heap positions, the
  // values it last added to its running sums, and the share's keys in its heaps.
  final int id;
  int mode = SharedCapacity.INACTIVE;
  final int[] heapSlots = {-1, -1, -1, -1, -1};
  double accountedWeight;
  double accountedFloor;
  double accountedWeightSum;
  double accountedFloorSum;
  int accountedThreads;
  double accountedCeilingPinned;
  double accountedFloorPinned;
  double accountedWeightFree;
  double highKey;
  double lowKey;
  double completionKey;

  /** While free: the pool's virtual time up to which the integrals and virtual time are current. */
  double virtualAnchor;

  Share(SharedCapacity pool, String name, ShareSettings settings, int id) {
    this.pool = pool;
    this.id = id;
    this.simulation = pool.simulation();
    this.name = name;
    this.weight = settings.weight();
    this.floor = settings.floor();
    this.cap = settings.cap();
    this.perJobMaxRate = settings.perJobMaxRate();
    this.parallelLimit = settings.parallelLimit();
    this.efficiency = settings.efficiency();
    this.weightPerJob = settings.weightPerJob();
    this.lastUpdate = simulation.now();
  }

  public String name() {
    return name;
  }

  public SharedCapacity pool() {
    return pool;
  }

  /** Adds a job of {@code work} units; {@code listener} is told when it is done. */
  public Job submit(double work, JobListener listener) {
    if (!(work >= 0) || Double.isInfinite(work)) {
      throw new IllegalArgumentException(name + ": job work must be finite and >= 0, got " + work);
    }
    advance();
    Job job = new Job(this, work, listener, nextJobSequence++);
    job.finishVirtualTime = virtualTime + work;
    jobs.add(job);
    ceilingChangedThenReschedule();
    notifyListener();
    return job;
  }

  /**
   * Adds a job of {@code work} units that joins the queue only after {@code delayNanos} (a thread
   * waking on a busy host waits to be scheduled). Until then it holds no CPU and can be cancelled.
   */
  public Job submitAfter(long delayNanos, double work, JobListener listener) {
    if (delayNanos <= 0) {
      return submit(work, listener);
    }
    if (!(work >= 0) || Double.isInfinite(work)) {
      throw new IllegalArgumentException(name + ": job work must be finite and >= 0, got " + work);
    }
    Job job = new Job(this, work, listener, nextJobSequence++);
    pendingJobs.add(job);
    job.pendingStart =
        simulation.scheduleAfter(
            delayNanos,
            () -> {
              job.pendingStart = null;
              pendingJobs.remove(job);
              advance();
              job.finishVirtualTime = virtualTime + job.work;
              jobs.add(job);
              ceilingChangedThenReschedule();
              notifyListener();
            });
    return job;
  }

  /** Jobs submitted with a delay that have not joined the queue yet. */
  public int pendingJobCount() {
    return pendingJobs.size();
  }

  /** Removes a job before it finishes (timeout, kill); returns the work it still needed. */
  public double cancel(Job job) {
    if (job.share != this || !job.isActive()) {
      return 0;
    }
    if (job.pendingStart != null) {
      job.pendingStart.cancel();
      job.pendingStart = null;
      pendingJobs.remove(job);
      return job.work;
    }
    advance();
    double remaining = Math.max(0, job.finishVirtualTime - virtualTime);
    jobs.remove(job);
    afterJobsLeft();
    return remaining;
  }

  /** Removes every job (the tenant was killed); their listeners are not called. */
  public int cancelAll() {
    advance();
    int count = jobs.drain().length + pendingJobs.size();
    for (Job job : pendingJobs) {
      Objects.requireNonNull(job.pendingStart, "a pending job has its start event").cancel();
      job.pendingStart = null;
    }
    pendingJobs.clear();
    afterJobsLeft();
    return count;
  }

  public void setWeight(double newWeight) {
    ShareSettings.checkWeight(newWeight);
    weight = newWeight;
    pool.settingsChanged(this);
  }

  public void setCap(double newCap) {
    ShareSettings.checkNonNegative("cap", newCap);
    advance();
    cap = newCap;
    ceilingChangedThenReschedule();
  }

  public void setFloor(double newFloor) {
    ShareSettings.checkNonNegative("floor", newFloor);
    floor = newFloor;
    pool.settingsChanged(this);
  }

  public void setParallelLimit(int newLimit) {
    if (newLimit < 1) {
      throw new IllegalArgumentException(name + ": parallel limit must be >= 1, got " + newLimit);
    }
    advance();
    parallelLimit = newLimit;
    ceilingChangedThenReschedule();
  }

  /** Fraction of allocated capacity that becomes useful work (1 minus virtualization overhead). */
  public void setEfficiency(double newEfficiency) {
    ShareSettings.checkEfficiency(newEfficiency);
    advance();
    efficiency = newEfficiency;
    rescheduleCompletion();
  }

  public double weight() {
    return weight;
  }

  /** The weight the pool uses now: per running job when the share counts weight per job. */
  public double effectiveWeight() {
    return weightPerJob ? weight * Math.max(1, Math.min(jobs.size(), parallelLimit)) : weight;
  }

  boolean weightPerJob() {
    return weightPerJob;
  }

  public double floor() {
    return floor;
  }

  public double cap() {
    return cap;
  }

  public int parallelLimit() {
    return parallelLimit;
  }

  public double perJobMaxRate() {
    return perJobMaxRate;
  }

  public double efficiency() {
    return efficiency;
  }

  /** Jobs in progress. */
  public int jobCount() {
    return jobs.size();
  }

  /** Current allocation in units/s. */
  public double allocation() {
    return mode == SharedCapacity.FREE ? pool.level() * accountedWeight : allocation;
  }

  /** What the share could use now with no competition: its runnable jobs, vCPUs and cap allow. */
  public double ceiling() {
    return Math.min(cap, runnable());
  }

  /** What its runnable jobs could use ignoring the cap. */
  public double runnable() {
    return Math.min(jobs.size(), parallelLimit) * perJobMaxRate;
  }

  /** Work each job progresses per second right now. */
  public double perJobRate() {
    int n = jobs.size();
    return n == 0 ? 0 : allocation() * efficiency / n;
  }

  /**
   * {@link #allocatedWork()} read without bringing the integrals up to date, so that a sampler
   * reading it does not split the share's integration (and its rounding) at sample instants.
   */
  public double allocatedWorkSoFar() {
    if (mode == SharedCapacity.FREE) {
      return allocatedWork + accountedWeight * (pool.virtualNow() - virtualAnchor);
    }
    return allocatedWork + allocation * SimTime.toSeconds(simulation.now() - lastUpdate);
  }

  /** Allocation received so far, in units (rate integrated over seconds). */
  public double allocatedWork() {
    advance();
    return allocatedWork;
  }

  /** Work delivered to jobs so far (allocation times efficiency), in units. */
  public double usefulWork() {
    advance();
    return usefulWork;
  }

  /** Wanted within the cap but not allocated (contention: steal, ready time), in units. */
  public double contendedWork() {
    advance();
    return Math.max(0, ceilingWork - allocatedWork);
  }

  /** Runnable but held back by the share's own cap (throttling), in units. */
  public double throttledWork() {
    advance();
    return Math.max(0, runnableWork - ceilingWork);
  }

  /**
   * Sets the one observer told after every change of this share's allocation or job count (a quota
   * controller that predicts when the share runs out of quota; a co-scheduling model whose
   * efficiency follows the per-vCPU rate); null for none. The observer may schedule events but must
   * not change this pool synchronously.
   */
  public void setAllocationListener(@Nullable Runnable listener) {
    allocationListener = listener;
    pool.listenerChanged(this, listener != null);
  }

  /** Called by the pool: the share holds {@code newAllocation} in class {@code newMode}. */
  void setFixed(int newMode, double newAllocation) {
    if (mode == SharedCapacity.FREE) {
      leaveFree();
    }
    mode = newMode;
    allocate(newAllocation);
  }

  /**
   * Called by the pool: the share's allocation is the pool's level times its weight from now on;
   * its progress follows the pool's virtual time and its first job's finish is a key in the pool.
   */
  void setFree() {
    if (mode != SharedCapacity.FREE) {
      advance(); // under the fixed allocation it had
      if (completion != null) {
        completion.cancel();
      }
      mode = SharedCapacity.FREE;
      virtualAnchor = pool.virtualNow();
    }
    rescheduleCompletion();
    notifyListener();
  }

  /**
   * Brings a free share up to now and takes its key out of the pool; its allocation is unknown
   * (NaN) until the pool sets one, which then schedules its own completion event.
   */
  void leaveFree() {
    advance();
    mode = SharedCapacity.FIXED;
    allocation = Double.NaN;
    pool.removeCompletionKey(this);
  }

  private void allocate(double newAllocation) {
    if (newAllocation == allocation) {
      return;
    }
    advance();
    allocation = newAllocation;
    if (!completionFollows) {
      rescheduleCompletion();
    }
    notifyListener();
  }

  void notifyListener() {
    if (allocationListener != null) {
      allocationListener.run();
    }
  }

  /** Brings the virtual time and the integrals up to now, under the rates that held since. */
  void advance() {
    long now = simulation.now();
    long elapsed = now - lastUpdate;
    if (mode == SharedCapacity.FREE) {
      advanceFree(now, elapsed);
      return;
    }
    if (elapsed == 0) {
      return;
    }
    double seconds = SimTime.toSeconds(elapsed);
    int n = jobs.size();
    if (n > 0) {
      virtualTime += allocation * efficiency / n * seconds;
      double runnable = runnable();
      runnableWork += runnable * seconds;
      ceilingWork += Math.min(cap, runnable) * seconds;
    }
    allocatedWork += allocation * seconds;
    usefulWork += allocation * efficiency * seconds;
    lastUpdate = now;
  }

  /**
   * A free share's integrals under the pool's virtual time: between two of its own changes its
   * allocation is {@code level * weight} for whatever levels the pool went through, so the work it
   * received is {@code weight * (P(now) - P(anchor))}, and each of its {@code n} jobs {@code
   * efficiency / n} of that.
   */
  private void advanceFree(long now, long elapsed) {
    double virtualNow = pool.virtualNow();
    double received = accountedWeight * (virtualNow - virtualAnchor);
    if (elapsed == 0 && received == 0) {
      return;
    }
    virtualAnchor = virtualNow;
    double seconds = SimTime.toSeconds(elapsed);
    int n = jobs.size();
    if (n > 0) {
      virtualTime += received * efficiency / n;
      double runnable = runnable();
      runnableWork += runnable * seconds;
      ceilingWork += Math.min(cap, runnable) * seconds;
    }
    allocatedWork += received;
    usefulWork += received * efficiency;
    lastUpdate = now;
  }

  private void rescheduleCompletion() {
    if (mode == SharedCapacity.FREE) {
      rescheduleFreeCompletion();
      return;
    }
    Job head = jobs.peek();
    double rate = perJobRate();
    if (head == null || rate <= 0) {
      if (completion != null) {
        completion.cancel();
      }
      return;
    }
    double seconds = Math.max(0, head.finishVirtualTime - virtualTime) / rate;
    long due = SimTime.plus(simulation.now(), SimTime.ceilNanos(seconds));
    if (completion == null) {
      completion = simulation.schedule(due, completionAction);
    } else {
      simulation.reschedule(completion, due);
    }
  }

  /** A free share's first job finishes when the pool's virtual time has given it its work. */
  private void rescheduleFreeCompletion() {
    advance();
    Job head = jobs.peek();
    int n = jobs.size();
    if (head == null) {
      pool.setCompletionKey(this, Double.NaN);
      return;
    }
    double perUnit = accountedWeight * efficiency / n; // job work per unit of pool virtual time
    double key = virtualAnchor + Math.max(0, head.finishVirtualTime - virtualTime) / perUnit;
    pool.setCompletionKey(this, key);
  }

  void completeDueJobs() {
    advance();
    Job first = jobs.poll();
    // Jobs whose targets are equal up to rounding finish in the same event, in submission order.
    double tolerance = 1e-12 * Math.max(1.0, Math.abs(virtualTime));
    Job next = jobs.peek();
    if (next == null || next.finishVirtualTime > virtualTime + tolerance) {
      // One job done, the usual case: no array for it (an allocation per CPU job otherwise).
      afterJobsLeft();
      first.listener.completed(first);
      return;
    }
    int count = 1;
    Job[] done = {first, null, null, null};
    while ((next = jobs.peek()) != null && next.finishVirtualTime <= virtualTime + tolerance) {
      if (count == done.length) {
        done = java.util.Arrays.copyOf(done, count * 2);
      }
      done[count++] = jobs.poll();
    }
    afterJobsLeft();
    for (int i = 0; i < count; i++) {
      done[i].listener.completed(done[i]);
    }
  }

  private void afterJobsLeft() {
    if (jobs.size() == 0) {
      virtualTime = 0; // keep the virtual clock small: precision does not decay over long runs
    }
    ceilingChangedThenReschedule();
    notifyListener();
  }

  /**
   * Tells the pool this share's ceiling moved, then moves its completion event once to where the
   * new state puts it. The pool's re-division may set this share's allocation on the way ({@link
   * #allocate}); that no longer moves the event first, since this reschedule follows before the
   * current event's action returns and gives the event its time and sequence number anew: the time
   * is computed from the same state either way, and the sequence is the one the second move gave it
   * before, after everything the pool and the listeners scheduled meanwhile. So every event keeps
   * its time and its order among the others, and a job costs one heap operation fewer (the disk
   * host's profile: the pool's re-queue was 38 % of all reschedules). {@code
   * ShareTest.aCompletionMovedByThePoolAndTheShare_keepsTheLastMovesOrder} checks the order.
   */
  private void ceilingChangedThenReschedule() {
    completionFollows = true;
    try {
      pool.ceilingChanged(this);
    } finally {
      completionFollows = false;
    }
    rescheduleCompletion();
  }

  @Override
  public String toString() {
    return name + "[jobs=" + jobs.size() + ", allocation=" + allocation() + "]";
  }
}
