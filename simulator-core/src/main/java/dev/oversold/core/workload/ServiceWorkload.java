package dev.oversold.core.workload;

import dev.oversold.core.engine.EventHandle;
import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.model.ArrivalSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.sharing.Job;
import java.util.ArrayDeque;

/**
 * A request-driven service: requests arrive (open process or closed loop), wait FIFO for one of
 * {@code workers}, then touch their memory (faults if pages are not resident), run their CPU work,
 * do their disk reads and writes, and send the response. A request not done within {@code timeout}
 * fails and frees its worker; one done within the SLO is a good response.
 */
final class ServiceWorkload implements Workload {
  private static final long PAGE_BYTES = 4096;

  private final WorkloadSpec.Service spec;
  private TenantContext context;
  private Simulation simulation;
  private Sampler cpuDemand;
  private Sampler thinkTime;
  private RandomStream ioCounts;
  private OpenArrivals arrivals;
  private final ArrayDeque<Request> queue = new ArrayDeque<>();
  private int busyWorkers;
  private boolean running;

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
    if (spec.arrivals() instanceof ArrivalSpec.Closed closed) {
      this.thinkTime = new Sampler(closed.thinkTimeSeconds(), tenant.random("think-time"));
    } else {
      this.arrivals = OpenArrivals.of(spec.arrivals(), tenant.random("arrivals"));
    }
    if (spec.workingSetBytes() > 0 && !tenant.memory().allocate(spec.workingSetBytes())) {
      tenant.recorder().refused();
    }
    simulation.schedule(spec.start().nanos(), this::begin);
  }

  private void begin() {
    running = true;
    if (spec.arrivals() instanceof ArrivalSpec.Closed closed) {
      for (int client = 0; client < closed.clients(); client++) {
        think();
      }
    } else {
      scheduleNextArrival();
    }
  }

  @Override
  public void stop() {
    running = false;
  }

  private void scheduleNextArrival() {
    long gap = arrivals.nextGap(simulation.now());
    if (gap == SimTime.NEVER) {
      return;
    }
    simulation.scheduleAfter(
        gap,
        () -> {
          if (running) {
            arrive(false);
            scheduleNextArrival();
          }
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
    Request request = new Request(simulation.now(), closedLoop);
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
    long touch = spec.request().memoryTouchBytes();
    if (touch > 0) {
      context.memory().touch(touch, () -> compute(request));
    } else {
      compute(request);
    }
  }

  private void compute(Request request) {
    if (request.finished) {
      return;
    }
    double work = cpuDemand.next();
    request.cpuJob =
        context
            .cpu()
            .run(
                work,
                job -> {
                  request.cpuJob = null;
                  diskReads(request);
                });
  }

  private void diskReads(Request request) {
    if (request.finished) {
      return;
    }
    int reads = Sampler.poisson(ioCounts, spec.request().diskReads());
    context.disk().io(reads, PAGE_BYTES, false, true, () -> diskWrites(request));
  }

  private void diskWrites(Request request) {
    if (request.finished) {
      return;
    }
    int writes = Sampler.poisson(ioCounts, spec.request().diskWrites());
    context.disk().io(writes, PAGE_BYTES, true, true, () -> respond(request));
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
    release(request);
  }

  private void timeOut(Request request) {
    if (request.finished) {
      return;
    }
    request.finished = true;
    if (request.cpuJob != null) {
      context.cpu().cancel(request.cpuJob);
      request.cpuJob = null;
    }
    context.recorder().requestFailed();
    release(request);
  }

  private void release(Request request) {
    if (request.hasWorker) {
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

  /** One request in flight. */
  private static final class Request {
    final long arrival;
    final boolean closedLoop;
    EventHandle timeout;
    Job cpuJob;
    boolean hasWorker;
    boolean finished;

    Request(long arrival, boolean closedLoop) {
      this.arrival = arrival;
      this.closedLoop = closedLoop;
    }
  }
}
