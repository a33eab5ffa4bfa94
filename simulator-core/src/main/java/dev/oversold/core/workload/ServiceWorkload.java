package dev.oversold.core.workload;

import dev.oversold.core.engine.EventHandle;
import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.model.ArrivalSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.sharing.Job;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A request-driven service. Requests arrive (open process or closed loop) and wait FIFO for one of
 * {@code workers}. A served request goes through its phases in the order a web or database server
 * handles it: touch its working-set pages (faulting in those not resident), read the data that
 * missed the cache, compute, write (log, data), send the response. A request not finished within
 * {@code timeout} of its arrival fails: it frees its worker and stops consuming CPU. One finished
 * within the SLO is a good response.
 *
 * <p>Each request's demands (CPU work, numbers of reads and writes) are drawn at its arrival from
 * the tenant's own streams, so the n-th request asks for the same work in every run of a scenario,
 * whatever its neighbours do (common random numbers).
 */
final class ServiceWorkload implements Workload {
  /** Disk operations of a request are random 4 KiB accesses (the contract's unit for them). */
  static final long IO_BYTES = 4096;

  private final WorkloadSpec.Service spec;
  private TenantContext context;
  private Simulation simulation;
  private Sampler cpuDemand;
  private Sampler thinkTime;
  private RandomStream ioCounts;
  private OpenArrivals arrivals;
  private EventHandle nextArrival;
  private final ArrayDeque<Request> queue = new ArrayDeque<>();
  private final Set<Request> inService = new LinkedHashSet<>();
  private boolean workingSetHeld;
  private int busyWorkers;
  private boolean running;
  private boolean stopped;

  ServiceWorkload(WorkloadSpec.Service spec) {
    this.spec = spec;
  }

  @Override
  public void start(TenantContext tenant) {
    this.context = tenant;
    this.simulation = tenant.simulation();
    this.cpuDemand = new Sampler(spec.request().cpuSeconds(), tenant.random("service-cpu"));
    this.ioCounts = tenant.random("service-io");
    tenant.recorder().expectRequests();
    tenant.recorder().progressUnit("requests");
    if (spec.arrivals() instanceof ArrivalSpec.Closed closed) {
      this.thinkTime = new Sampler(closed.thinkTimeSeconds(), tenant.random("think-time"));
    } else {
      this.arrivals = OpenArrivals.of(spec.arrivals(), tenant.random("arrivals"));
    }
    simulation.schedule(spec.start().nanos(), this::begin);
  }

  private void begin() {
    if (stopped) {
      return;
    }
    running = true;
    if (spec.workingSetBytes() > 0) {
      workingSetHeld = context.memory().allocate(spec.workingSetBytes());
      if (!workingSetHeld) {
        context.recorder().refused();
      }
    }
    if (spec.arrivals() instanceof ArrivalSpec.Closed closed) {
      for (int client = 0; client < closed.clients(); client++) {
        think();
      }
    } else {
      scheduleNextArrival();
    }
  }

  /**
   * Stops the service as a kill does: no more arrivals, every request queued or in service fails
   * (its CPU work is withdrawn, its pending disk and network completions are ignored), and the
   * working set is freed.
   */
  @Override
  public void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    running = false;
    if (nextArrival != null) {
      nextArrival.cancel();
    }
    while (!queue.isEmpty()) {
      Request request = queue.pollFirst();
      if (!request.finished) {
        abandon(request);
      }
    }
    for (Request request : inService.toArray(new Request[0])) {
      abandon(request);
    }
    busyWorkers = 0;
    if (workingSetHeld) {
      context.memory().free(spec.workingSetBytes());
      workingSetHeld = false;
    }
  }

  private void abandon(Request request) {
    request.finished = true;
    request.timeout.cancel();
    cancelCpu(request);
    inService.remove(request);
    context.recorder().requestFailed();
    context.recorder().requestLeft();
  }

  private void scheduleNextArrival() {
    long gap = arrivals.nextGap(simulation.now());
    if (gap == SimTime.NEVER) {
      nextArrival = null;
      return;
    }
    nextArrival =
        simulation.scheduleAfter(
            gap,
            () -> {
              arrive(false);
              scheduleNextArrival();
            });
  }

  private void think() {
    long delay = SimTime.ceilNanos(thinkTime.next());
    simulation.scheduleAfter(
        delay,
        () -> {
          if (running) {
            arrive(true);
          }
        });
  }

  private void arrive(boolean closedLoop) {
    var demand = spec.request();
    Request request =
        new Request(
            simulation.now(),
            closedLoop,
            cpuDemand.next(),
            Sampler.poisson(ioCounts, demand.diskReads()),
            Sampler.poisson(ioCounts, demand.diskWrites()));
    context.recorder().requestArrived();
    request.timeout = simulation.scheduleAfter(spec.timeout().nanos(), () -> timeOut(request));
    if (busyWorkers < spec.workers()) {
      serve(request);
    } else {
      queue.addLast(request);
    }
  }

  private void serve(Request request) {
    busyWorkers++;
    request.hasWorker = true;
    inService.add(request);
    long touch = spec.request().memoryTouchBytes();
    if (touch > 0) {
      context.memory().touch(touch, () -> read(request));
    } else {
      read(request);
    }
  }

  private void read(Request request) {
    if (request.finished) {
      return;
    }
    context.disk().io(request.reads, IO_BYTES, false, true, () -> compute(request));
  }

  private void compute(Request request) {
    if (request.finished) {
      return;
    }
    request.cpuJob =
        context
            .cpu()
            .run(
                request.cpuSeconds,
                job -> {
                  request.cpuJob = null;
                  write(request);
                });
  }

  private void write(Request request) {
    if (request.finished) {
      return;
    }
    context.disk().io(request.writes, IO_BYTES, true, true, () -> respond(request));
  }

  private void respond(Request request) {
    if (request.finished) {
      return;
    }
    context.network().send(spec.request().networkBytes(), () -> complete(request));
  }

  private void complete(Request request) {
    if (request.finished) {
      return;
    }
    request.finished = true;
    request.timeout.cancel();
    long latency = simulation.now() - request.arrival;
    context.recorder().requestCompleted(latency, latency <= spec.slo().nanos());
    context.recorder().requestLeft();
    release(request);
  }

  private void timeOut(Request request) {
    if (request.finished) {
      return;
    }
    request.finished = true;
    cancelCpu(request);
    context.recorder().requestFailed();
    context.recorder().requestLeft();
    release(request);
  }

  private void cancelCpu(Request request) {
    if (request.cpuJob != null) {
      context.cpu().cancel(request.cpuJob);
      request.cpuJob = null;
    }
  }

  private void release(Request request) {
    if (request.hasWorker) {
      inService.remove(request);
      busyWorkers--;
      while (busyWorkers < spec.workers() && !queue.isEmpty()) {
        Request next = queue.pollFirst();
        if (!next.finished) {
          serve(next);
        }
      }
    }
    if (request.closedLoop && running) {
      think();
    }
  }

  /** One request in flight and what it asks for. */
  private static final class Request {
    final long arrival;
    final boolean closedLoop;
    final double cpuSeconds;
    final int reads;
    final int writes;
    EventHandle timeout;
    Job cpuJob;
    boolean hasWorker;
    boolean finished;

    Request(long arrival, boolean closedLoop, double cpuSeconds, int reads, int writes) {
      this.arrival = arrival;
      this.closedLoop = closedLoop;
      this.cpuSeconds = Math.max(0, cpuSeconds);
      this.reads = reads;
      this.writes = writes;
    }
  }
}
