package dev.oversold.core.platform.cpu.quantum;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.platform.cpu.CoStopModel;
import dev.oversold.core.platform.cpu.WakeupLatency;
import dev.oversold.core.platform.xen.XenCreditCpu;
import dev.oversold.core.sharing.WaterFilling;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A quantum-level simulator of the CPU alone: vCPUs are dispatched onto cores in time slices by a
 * {@link QuantumScheduler}, advancing in fixed ticks (default 100 us). It is slow and simple on
 * purpose: tests run it next to the fluid pool to check that the fluid long-run shares match what
 * slice-by-slice scheduling gives, and to calibrate the wake-up delay and co-stop models.
 *
 * <p>Simplifications (documented in docs/platforms-cpu.md): one global run queue instead of
 * per-core queues with load balancing; credit is kept per domain; a vCPU's placement and wake-up
 * rules are the ones named in {@link QuantumScheduler}.
 */
public final class QuantumCpuSimulator {
  /** Tick of the simulator: fine against the 1 ms ratelimit and the slices. */
  public static final long DEFAULT_TICK_NANOS = 100 * SimTime.MICROSECOND;

  private static final long XEN_TICK = 10 * SimTime.MILLISECOND;
  private static final long CFS_CAP_PERIOD = 100 * SimTime.MILLISECOND;
  private static final long RESERVATION_WINDOW = 100 * SimTime.MILLISECOND;

  private final QuantumScheduler scheduler;
  private final int cores;
  private final long tick;
  private final SplittableRandom random;
  private final List<Dom> domains = new ArrayList<>();
  private final List<Vcpu> vcpus = new ArrayList<>();
  private final Vcpu[] running;
  private final WakeupLatency cfs;
  private long sequence;
  private long now;

  public QuantumCpuSimulator(QuantumScheduler scheduler, int cores, long seed) {
    this(scheduler, cores, seed, DEFAULT_TICK_NANOS);
  }

  public QuantumCpuSimulator(QuantumScheduler scheduler, int cores, long seed, long tickNanos) {
    if (cores < 1 || tickNanos <= 0) {
      throw new IllegalArgumentException("cores and tick must be positive");
    }
    this.scheduler = scheduler;
    this.cores = cores;
    this.tick = tickNanos;
    this.random = new SplittableRandom(seed);
    this.running = new Vcpu[cores];
    this.cfs = WakeupLatency.cfs(cores);
  }

  public void add(QuantumDomain spec) {
    Dom dom = new Dom(spec);
    domains.add(dom);
    for (int i = 0; i < spec.vcpus(); i++) {
      Vcpu v = new Vcpu(dom);
      if (spec.isHog()) {
        v.runnable = true;
      } else {
        v.sleepUntil = exponential(spec.meanSleepNanos());
      }
      v.seq = sequence++;
      dom.vcpus.add(v);
      vcpus.add(v);
    }
  }

  /** Runs for {@code durationNanos} and returns one result per domain, in the order added. */
  public List<QuantumResult> run(long durationNanos) {
    for (now = 0; now < durationNanos; now += tick) {
      periodBoundaries();
      List<Vcpu> woken = wakeSleepers();
      markCoStopped();
      deschedule();
      expireSlices();
      preemptFor(woken);
      fillIdleCores();
      advance();
    }
    double seconds = SimTime.toSeconds(durationNanos);
    List<QuantumResult> results = new ArrayList<>();
    for (Dom d : domains) {
      long[] delays = d.delays.stream().mapToLong(Long::longValue).toArray();
      results.add(
          new QuantumResult(
              d.spec.name(), d.run, d.ready, d.costop, d.parkedTime, delays, seconds));
    }
    return results;
  }

  private long capPeriod() {
    return switch (scheduler) {
      case XEN_CREDIT -> XenCreditCpu.ACCOUNTING_PERIOD_NANOS;
      case CFS -> CFS_CAP_PERIOD;
      case ESXI -> WakeupLatency.ESXI_QUANTUM_NANOS;
    };
  }

  private void periodBoundaries() {
    if (now % capPeriod() == 0) {
      for (Dom d : domains) {
        d.periodUsed = 0;
        d.parked = false;
      }
    }
    if (now % RESERVATION_WINDOW == 0) {
      for (Dom d : domains) {
        d.windowUsed = 0;
      }
    }
    if (scheduler == QuantumScheduler.XEN_CREDIT) {
      if (now % XenCreditCpu.ACCOUNTING_PERIOD_NANOS == 0 && now > 0) {
        assignCredits();
      }
      if (now % XEN_TICK == 0) {
        for (Vcpu v : running) {
          if (v != null) {
            v.boost = false; // credit1 drops BOOST when the tick debits the running vCPU
          }
        }
      }
    }
  }

  /** Credit1 accounting: the period's credit split by weight among active domains. */
  private void assignCredits() {
    long period = XenCreditCpu.ACCOUNTING_PERIOD_NANOS;
    List<Dom> active = new ArrayList<>();
    for (Dom d : domains) {
      if (d.usedSinceAccounting > 0 || d.hasRunnable()) {
        active.add(d);
      }
      d.usedSinceAccounting = 0;
    }
    int n = active.size();
    double[] w = new double[n];
    double[] f = new double[n];
    double[] c = new double[n];
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      Dom d = active.get(i);
      w[i] = d.spec.weight();
      c[i] = Math.min(d.spec.vcpus(), d.spec.capCores()) * period;
    }
    new WaterFilling().allocate((double) cores * period, n, w, f, c, out);
    for (int i = 0; i < n; i++) {
      Dom d = active.get(i);
      double bound = (double) d.spec.vcpus() * WakeupLatency.XEN_TIMESLICE_NANOS;
      d.credit = Math.max(-bound, Math.min(bound, d.credit + out[i]));
    }
  }

  private List<Vcpu> wakeSleepers() {
    List<Vcpu> woken = new ArrayList<>();
    for (Vcpu v : vcpus) {
      if (!v.runnable && !v.dom.spec.isHog() && now >= v.sleepUntil) {
        v.runnable = true;
        v.burstLeft = v.dom.spec.burstNanos();
        v.wokeAt = now;
        v.seq = sequence++;
        Dom d = v.dom;
        switch (scheduler) {
          case XEN_CREDIT -> v.boost = d.credit >= 0;
          case CFS -> d.vruntime = Math.max(d.vruntime, minVruntime(d) - cfs.latencyNanos() / 2.0);
          case ESXI ->
              d.vruntime =
                  Math.max(d.vruntime, minVruntime(d) - WakeupLatency.ESXI_QUANTUM_NANOS / 2.0);
        }
        woken.add(v);
      }
    }
    return woken;
  }

  private double minVruntime(Dom except) {
    double min = Double.POSITIVE_INFINITY;
    for (Dom d : domains) {
      if (d != except && d.hasRunnable()) {
        min = Math.min(min, d.vruntime);
      }
    }
    return Double.isInfinite(min) ? except.vruntime : min;
  }

  /** ESXi relaxed co-scheduling: a vCPU ahead of its slowest sibling by more than the skew. */
  private void markCoStopped() {
    if (scheduler != QuantumScheduler.ESXI) {
      return;
    }
    for (Dom d : domains) {
      if (d.vcpus.size() < 2) {
        continue;
      }
      long min = Long.MAX_VALUE;
      for (Vcpu v : d.vcpus) {
        min = Math.min(min, v.progress);
      }
      boolean anyStopped = false;
      for (Vcpu v : d.vcpus) {
        v.costopped = v.progress - min > CoStopModel.ESXI_SKEW_THRESHOLD_NANOS;
        anyStopped |= v.costopped;
      }
      for (Vcpu v : d.vcpus) {
        // co-start: the laggard of a co-stopped sibling runs first, so the skew closes
        v.lagging = anyStopped && !v.costopped && v.progress == min;
      }
    }
  }

  private void deschedule() {
    for (int c = 0; c < cores; c++) {
      Vcpu v = running[c];
      if (v != null && (!v.runnable || v.dom.parked || v.costopped)) {
        stop(c);
      }
    }
  }

  private void expireSlices() {
    for (int c = 0; c < cores; c++) {
      Vcpu v = running[c];
      if (v != null && v.sliceUsed >= slice() && bestWaiter() != null) {
        stop(c);
      }
    }
  }

  private long slice() {
    return switch (scheduler) {
      case XEN_CREDIT -> WakeupLatency.XEN_TIMESLICE_NANOS;
      case CFS -> cfs.sliceNanos((double) runnableCount() / cores);
      case ESXI -> WakeupLatency.ESXI_QUANTUM_NANOS;
    };
  }

  private int runnableCount() {
    int n = 0;
    for (Vcpu v : vcpus) {
      if (v.runnable && !v.dom.parked) {
        n++;
      }
    }
    return n;
  }

  /** Wake-up preemption (and, for Xen, boosted vCPUs held back by the ratelimit). */
  private void preemptFor(List<Vcpu> woken) {
    List<Vcpu> candidates = new ArrayList<>(woken);
    if (scheduler == QuantumScheduler.XEN_CREDIT) {
      for (Vcpu v : vcpus) {
        if (v.boost && v.core < 0 && v.runnable && !candidates.contains(v)) {
          candidates.add(v);
        }
      }
    }
    if (scheduler == QuantumScheduler.ESXI) {
      for (Vcpu v : vcpus) {
        if (v.lagging && v.core < 0 && !candidates.contains(v)) {
          candidates.add(v);
        }
      }
    }
    for (Vcpu w : candidates) {
      if (w.core >= 0 || !eligible(w) || hasIdleCore()) {
        continue;
      }
      int victim = -1;
      for (int c = 0; c < cores; c++) {
        Vcpu cur = running[c];
        if (cur != null && preempts(w, cur) && (victim < 0 || before(running[victim], cur))) {
          victim = c;
        }
      }
      if (victim >= 0) {
        stop(victim);
        start(victim, w);
      }
    }
  }

  private boolean preempts(Vcpu w, Vcpu cur) {
    return switch (scheduler) {
      case XEN_CREDIT ->
          priority(w) < priority(cur) && cur.sliceUsed >= WakeupLatency.XEN_RATELIMIT_NANOS;
      case CFS, ESXI ->
          (w.lagging && !cur.lagging && coStartAllowed(w, cur))
              || (belowReservation(w.dom) && !belowReservation(cur.dom))
              || cur.dom.vruntime - w.dom.vruntime > wakeupGranularity() / w.dom.spec.weight();
    };
  }

  /**
   * A laggard is co-started ahead of {@code other} only while its VM is not more than a quantum
   * ahead of {@code other}'s in weighted time, so co-starting cannot take more than the VM's share.
   */
  private static boolean coStartAllowed(Vcpu laggard, Vcpu other) {
    return laggard.dom.vruntime
        <= other.dom.vruntime + WakeupLatency.ESXI_QUANTUM_NANOS / laggard.dom.spec.weight();
  }

  /** CFS wake-up granularity: 1 ms scaled like the latency [M kernel/sched/fair.c]. */
  private double wakeupGranularity() {
    return cfs.latencyNanos() / 6.0;
  }

  private boolean hasIdleCore() {
    for (Vcpu v : running) {
      if (v == null) {
        return true;
      }
    }
    return false;
  }

  private void fillIdleCores() {
    for (int c = 0; c < cores; c++) {
      if (running[c] == null) {
        Vcpu w = bestWaiter();
        if (w == null) {
          return;
        }
        start(c, w);
      }
    }
  }

  private Vcpu bestWaiter() {
    Vcpu best = null;
    for (Vcpu v : vcpus) {
      if (v.core < 0 && eligible(v) && (best == null || before(v, best))) {
        best = v;
      }
    }
    return best;
  }

  private static boolean eligible(Vcpu v) {
    return v.runnable && !v.dom.parked && !v.costopped;
  }

  /** True when {@code a} should run before {@code b}. */
  private boolean before(Vcpu a, Vcpu b) {
    switch (scheduler) {
      case XEN_CREDIT -> {
        int pa = priority(a);
        int pb = priority(b);
        if (pa != pb) {
          return pa < pb;
        }
      }
      case CFS, ESXI -> {
        if (a.lagging != b.lagging && coStartAllowed(a.lagging ? a : b, a.lagging ? b : a)) {
          return a.lagging;
        }
        boolean ra = belowReservation(a.dom);
        boolean rb = belowReservation(b.dom);
        if (ra != rb) {
          return ra;
        }
        if (a.dom.vruntime != b.dom.vruntime) {
          return a.dom.vruntime < b.dom.vruntime;
        }
      }
    }
    return a.seq < b.seq;
  }

  private static int priority(Vcpu v) {
    if (v.boost) {
      return 0;
    }
    return v.dom.credit >= 0 ? 1 : 2;
  }

  private boolean belowReservation(Dom d) {
    double reserved = d.spec.reservationCores();
    if (reserved <= 0) {
      return false;
    }
    long elapsed = now % RESERVATION_WINDOW + tick;
    return d.windowUsed < reserved * elapsed;
  }

  private void start(int core, Vcpu v) {
    running[core] = v;
    v.core = core;
    v.sliceUsed = 0;
  }

  private void stop(int core) {
    Vcpu v = running[core];
    running[core] = null;
    v.core = -1;
    v.seq = sequence++;
  }

  private void advance() {
    for (Vcpu v : vcpus) {
      Dom d = v.dom;
      if (v.core >= 0) {
        if (v.wokeAt >= 0) {
          d.delays.add(now - v.wokeAt);
          v.wokeAt = -1;
        }
        v.sliceUsed += tick;
        v.progress += tick;
        d.run += tick;
        d.periodUsed += tick;
        d.windowUsed += tick;
        d.usedSinceAccounting += tick;
        d.credit -= tick;
        d.vruntime += tick / d.spec.weight();
        if (!d.spec.isHog()) {
          v.burstLeft -= tick;
          if (v.burstLeft <= 0) {
            v.runnable = false;
            v.sleepUntil = now + tick + exponential(d.spec.meanSleepNanos());
          }
        }
      } else if (v.runnable) {
        if (v.costopped) {
          d.costop += tick;
        } else if (d.parked) {
          d.parkedTime += tick;
        } else {
          d.ready += tick;
        }
      } else {
        v.progress += tick; // an idle vCPU does not lag its siblings
      }
    }
    for (Dom d : domains) {
      if (Double.isFinite(d.spec.capCores()) && d.periodUsed >= d.spec.capCores() * capPeriod()) {
        d.parked = true;
      }
    }
  }

  private long exponential(long mean) {
    return (long) (-mean * Math.log(1 - random.nextDouble()));
  }

  private static final class Dom {
    final QuantumDomain spec;
    final List<Vcpu> vcpus = new ArrayList<>();
    final List<Long> delays = new ArrayList<>();
    double credit;
    double vruntime;
    long periodUsed;
    long windowUsed;
    long usedSinceAccounting;
    boolean parked;
    long run;
    long ready;
    long costop;
    long parkedTime;

    Dom(QuantumDomain spec) {
      this.spec = spec;
    }

    boolean hasRunnable() {
      for (Vcpu v : vcpus) {
        if (v.runnable) {
          return true;
        }
      }
      return false;
    }
  }

  private static final class Vcpu {
    final Dom dom;
    boolean runnable;
    boolean boost;
    boolean costopped;
    boolean lagging;
    long sleepUntil;
    long burstLeft;
    long wokeAt = -1;
    long sliceUsed;
    long progress;
    long seq;
    int core = -1;

    Vcpu(Dom dom) {
      this.dom = dom;
    }
  }
}
