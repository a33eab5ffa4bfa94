package dev.oversold.core.workload;

import dev.oversold.core.engine.EventHandle;
import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.metrics.TenantRecorder;
import dev.oversold.core.model.ArrivalSpec;
import dev.oversold.core.model.WorkloadSpec;
import dev.oversold.core.network.Framing;
import dev.oversold.core.sharing.Job;
import dev.oversold.core.sharing.JobListener;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * A request-driven service. Requests arrive (open process or closed loop) and wait FIFO for one of
 * {@code workers}; at most {@code backlog} wait, as in a listen socket's accept queue, and one
 * arriving when the backlog is full is refused ({@code rejected}; a closed-loop client thinks and
 * tries again). A served request goes through its phases in the order a web or database server
 * handles it: receive the request through the host's network, touch its working-set pages (faulting
 * in those not resident), read its dataset through the page cache (file-reads: only misses reach
 * the disk) and the data that always misses (disk-reads), compute, write (log, data), send the
 * response. A request not finished within {@code timeout} of its arrival fails for its client. Its
 * worker stops computing at once, but a worker waiting on disk or network I/O stays busy until that
 * I/O returns (a blocked read or write cannot be abandoned half-way); then it takes the next
 * request. One finished within the SLO is a good response.
 *
 * <p>With {@code keep-alive: N} an arrival opens a connection that carries N requests, one after
 * another (HTTP/1.1 persistent connections without pipelining, as a browser fetches a page and then
 * its images): the client sends the next request as soon as it has the previous response, and the
 * worker that accepted the connection serves all of them and takes no other connection until it
 * closes (Apache's prefork MPM: one child process per connection; KeepAlive and
 * MaxKeepAliveRequests in Apache's core documentation). So a request waits for its worker's
 * access-log append of the previous request: the log write delays no response of its own, but it
 * delays the next request on the same connection. Only the first request of a connection waits in
 * the backlog; a request that fails closes its connection (the client gives up on it).
 *
 * <p>With {@code protocol: udp} a request and its response are one datagram each (netperf's
 * UDP_RR): their frames carry UDP's headers instead of TCP's, and a datagram dropped on the way is
 * lost, not sent again. A lost request never reaches the server (its worker is free at once), a
 * lost response leaves the worker done; either way the client's request fails at its timeout.
 *
 * <p>Timeouts cost no event per request: every request has the same timeout, so deadlines come in
 * arrival order. Requests in the system sit in one arrival-ordered deque (finished ones are dropped
 * lazily from its head) and a single timer waits for the deadline of the oldest unfinished one;
 * with responses much faster than the timeout it fires about once per timeout, not per request.
 *
 * <p>Each request's demands (CPU work, numbers of reads and writes) are drawn at its arrival from
 * the tenant's own streams, so the n-th request asks for the same work in every run of a scenario,
 * whatever its neighbours do (common random numbers).
 */
final class ServiceWorkload implements Workload {
  /** The service kind's declaration. */
  static final WorkloadKind<WorkloadSpec.Service> KIND =
      WorkloadKind.victim(
              "service",
              WorkloadSpec.Service.class,
              WorkloadKind.Figures.REQUESTS,
              "requests",
              ServiceWorkload::new)
          .costing(ServiceCost.MODEL);

  /**
   * The request's own bytes as they come in: one small packet (assumption: a short HTTP GET of a
   * few hundred bytes; netperf's request-response tests send 1 byte). It crosses the host's receive
   * path before a worker starts on it, as the response crosses the transmit path; a service whose
   * requests send no response bytes does not use the network at all.
   */
  static final long REQUEST_BYTES = 300;

  /** Disk operations of a request are random 4 KiB accesses (the contract's unit for them). */
  static final long IO_BYTES = 4096;

  private final WorkloadSpec.Service spec;

  // The spec's per-request figures, copied into this object: a request then reads them from the
  // workload it already has in cache instead of from two records behind it (1,000 tenants' specs
  // do not stay in cache).
  private final double diskReads;
  private final double diskWrites;
  private final double fileReads;
  private final long networkBytes;
  private final long memoryTouchBytes;
  private final long logAppendBytes;
  private final int workers;
  private final int backlog;
  private final int keepAlive;
  private final long sloNanos;
  private final long timeoutNanos;
  private final boolean udp;
  private TenantContext context;
  // The context's kernel objects and recorder, held here: one object fewer to load per request
  // (both are fixed for the tenant's life; the context's disk, network and CPU are not, a killed
  // tenant's are dead ones, so those are still asked for each time).
  private ProcessAccess processes;
  private TenantRecorder recorder;
  private Simulation simulation;
  private Sampler cpuDemand;
  private Sampler thinkTime;
  private RandomStream ioCounts;
  private @Nullable RandomStream fileReadCounts;
  private @Nullable FileReads files;
  private OpenArrivals arrivals;
  private EventHandle nextArrival;

  /**
   * The arrival event, queued again for each arrival once it has run (rescheduling an event that
   * has run takes a fresh sequence number, as scheduling a new one does, so the order of events is
   * the same), and its action, made once.
   */
  private @Nullable EventHandle arrivalEvent;

  private final Runnable arrival = this::arrivalDue;
  private final ArrayDeque<Request> queue = new ArrayDeque<>();
  private final ArrayDeque<Request> inSystem = new ArrayDeque<>();
  private EventHandle timer;
  private boolean workingSetHeld;

  /** A udp service's one socket is open (charged to the tenant: numothersock on OpenVZ). */
  private boolean datagramSocketHeld;

  private int busyWorkers;

  /** Requests in {@code queue} that have not timed out: the occupied part of the backlog. */
  private int waiting;

  private boolean running;
  private boolean stopped;

  ServiceWorkload(WorkloadSpec.Service spec) {
    this.spec = spec;
    WorkloadSpec.RequestSpec request = spec.request();
    this.diskReads = request.diskReads();
    this.diskWrites = request.diskWrites();
    this.fileReads = request.fileReads();
    this.networkBytes = request.networkBytes();
    this.memoryTouchBytes = request.memoryTouchBytes();
    this.logAppendBytes = request.logAppendBytes();
    this.workers = spec.workers();
    this.backlog = spec.backlog();
    this.keepAlive = spec.keepAlive();
    this.sloNanos = spec.slo().nanos();
    this.timeoutNanos = spec.timeout().nanos();
    this.udp = spec.protocol() == WorkloadSpec.Protocol.UDP;
  }

  /** The IP packet of a datagram carrying {@code data} bytes: UDP's 8 B and IPv4's 20 B more. */
  private static int datagram(long data) {
    return (int) (data + Framing.UDP.onceBytes() + Framing.UDP.headerBytes());
  }

  @Override
  public void start(TenantContext tenant) {
    this.context = tenant;
    this.processes = tenant.processes();
    this.recorder = tenant.recorder();
    this.simulation = tenant.simulation();
    this.cpuDemand = new Sampler(spec.request().cpuSeconds(), tenant.random("service-cpu"));
    this.ioCounts = tenant.random("service-io");
    WorkloadSpec.DatasetSpec dataset = spec.dataset();
    if (dataset != null && spec.request().fileReads() > 0) {
      // Its own stream, so files without file-reads draw the same reads and writes as before.
      this.fileReadCounts = tenant.random("service-file-reads");
      this.files =
          tenant.disk().dataset(dataset.skew(), Math.max(1, dataset.sizeBytes() / IO_BYTES));
    }
    KIND.announce(tenant.recorder());
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
      boolean held = context.memory().allocate(spec.workingSetBytes());
      if (stopped) {
        // The allocation got the tenant killed (OOM) and stop() already ran.
        if (held) {
          context.memory().free(spec.workingSetBytes());
        }
        return;
      }
      workingSetHeld = held;
      if (!held) {
        recorder.refused();
      }
    }
    if (udp) {
      // One UDP socket answers every client; refused, every request is turned away.
      datagramSocketHeld = processes.openDatagramSocket();
      if (!datagramSocketHeld) {
        recorder.refused();
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
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
    queue.clear();
    waiting = 0;
    while (!inSystem.isEmpty()) {
      Request request = inSystem.pollFirst();
      if (!request.finished) {
        abandon(request);
      }
    }
    busyWorkers = 0;
    if (workingSetHeld) {
      context.memory().free(spec.workingSetBytes());
      workingSetHeld = false;
    }
    if (datagramSocketHeld) {
      processes.closeDatagramSocket();
      datagramSocketHeld = false;
    }
  }

  /**
   * Charges what a new request holds in the tenant's kernel while it is served: a TCP connection
   * (its socket and buffers), or for a udp service its two datagrams on the service's socket
   * (OpenVZ: dgramrcvbuf and othersockbuf, not numtcpsock). False when refused.
   */
  private boolean openExchange() {
    return udp
        ? datagramSocketHeld && processes.queueDatagrams(networkBytes)
        : processes.openConnection(networkBytes);
  }

  /** Gives back what {@link #openExchange} charged. */
  private void closeExchange() {
    if (udp) {
      processes.dequeueDatagrams(networkBytes);
    } else {
      processes.closeConnection(networkBytes);
    }
  }

  private void abandon(Request request) {
    request.finished = true;
    cancelCpu(request);
    recorder.requestFailed();
    recorder.requestLeft();
    closeExchange();
  }

  private void arrivalDue() {
    arrive(false);
    scheduleNextArrival();
  }

  private void scheduleNextArrival() {
    long gap = arrivals.nextGap(simulation.now());
    if (gap == SimTime.NEVER) {
      nextArrival = null;
      return;
    }
    EventHandle event = arrivalEvent;
    if (event == null || event.isPending()) {
      event = simulation.scheduleAfter(gap, arrival);
      arrivalEvent = event;
    } else {
      simulation.reschedule(event, SimTime.plus(simulation.now(), gap));
    }
    nextArrival = event;
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
    Request request = newRequest(closedLoop, keepAlive - 1, false);
    if ((busyWorkers >= workers && waiting >= backlog) || !openExchange()) {
      // A full backlog, or a socket the tenant's beancounters refused: the client is turned away.
      recorder.requestRejected();
      if (closedLoop && running) {
        think();
      }
      return;
    }
    admit(request);
    if (busyWorkers < workers) {
      busyWorkers++;
      serve(request);
    } else {
      waiting++;
      queue.addLast(request);
    }
  }

  /**
   * A request as its client sends it, its demands drawn now from the tenant's streams.
   *
   * @param requestsLeft requests its client still sends on the same connection after this one
   * @param followUp whether an earlier request opened its connection (it waits for that
   *     connection's worker, not in the backlog)
   */
  private Request newRequest(boolean closedLoop, int requestsLeft, boolean followUp) {
    return new Request(
        simulation.now(),
        closedLoop,
        requestsLeft,
        followUp,
        cpuDemand.next(),
        Sampler.poisson(ioCounts, diskReads),
        Sampler.poisson(ioCounts, diskWrites),
        fileReadCounts == null ? 0 : Sampler.poisson(fileReadCounts, fileReads));
  }

  /** The request is in the system: counted, and under the timeout from now. */
  private void admit(Request request) {
    recorder.requestArrived();
    inSystem.addLast(request);
    if (timer == null) {
      armTimer();
    }
  }

  /** A worker (already counted busy) starts on the request. */
  private void serve(Request request) {
    request.hasWorker = true;
    if (networkBytes > 0 && udp) {
      context
          .network()
          .receiveDatagrams(
              1,
              datagram(REQUEST_BYTES),
              arrived -> {
                if (arrived == 1) {
                  handle(request);
                } else {
                  requestLost(request);
                }
              });
    } else if (networkBytes > 0) {
      context.network().receive(REQUEST_BYTES, request.then(Request.HANDLE));
    } else {
      handle(request);
    }
  }

  /**
   * A UDP request was dropped on its way in: the server never sees it, so its worker is free at
   * once, and the client's request fails at its timeout. (Should that come first, the worker is
   * freed as after any I/O a timed-out request waited on; after it, the timeout finds the request
   * with a worker and no CPU job and marks it held for I/O, which nothing returns: the worker is
   * already free.)
   */
  private void requestLost(Request request) {
    if (request.finished) {
      ioReturned(request);
    } else if (!stopped) {
      freeWorker();
    }
  }

  /** The request has come in through the host's receive path: the worker starts on it. */
  private void handle(Request request) {
    if (request.finished) {
      ioReturned(request);
      return;
    }
    long touch = memoryTouchBytes;
    if (touch > 0) {
      context.memory().touch(touch, request.then(Request.READ));
    } else {
      read(request);
    }
  }

  /**
   * Reads the dataset through the page cache (file-reads), then what always misses (disk-reads).
   */
  private void read(Request request) {
    if (request.finished) {
      ioReturned(request);
      return;
    }
    FileReads cached = files;
    if (cached != null && request.fileReads > 0) {
      cached.read(request.fileReads, request.then(Request.READ_DISK));
    } else {
      readDisk(request);
    }
  }

  private void readDisk(Request request) {
    if (request.finished) {
      ioReturned(request);
      return;
    }
    context.disk().io(request.reads, IO_BYTES, false, true, request.then(Request.COMPUTE));
  }

  private void compute(Request request) {
    if (request.finished) {
      ioReturned(request);
      return;
    }
    request.cpuJob = context.cpu().run(request.cpuSeconds, request);
  }

  private void write(Request request) {
    if (request.finished) {
      ioReturned(request);
      return;
    }
    context.disk().io(request.writes, IO_BYTES, true, true, request.then(Request.RESPOND));
  }

  private void respond(Request request) {
    if (request.finished) {
      ioReturned(request);
      return;
    }
    if (udp) {
      context
          .network()
          .sendDatagrams(
              1,
              datagram(networkBytes),
              arrived -> {
                if (arrived == 1) {
                  complete(request);
                } else {
                  responseLost(request);
                }
              });
    } else if (keepAlive > 1) {
      // One TCP connection carries the client's keep-alive requests: its window carries over.
      // (A killed tenant's network is another object, whose transfers never complete.)
      NetworkAccess network = context.network();
      NetworkAccess.ResponseConnection connection = request.connection;
      if (connection == null || request.connectionOn != network) {
        connection = network.openResponses();
        request.connection = connection;
        request.connectionOn = network;
      }
      connection.send(networkBytes, () -> complete(request));
    } else {
      context.network().send(networkBytes, request.then(Request.COMPLETE));
    }
  }

  /**
   * A UDP response was dropped on its way out: the worker is done with it (and writes its log line
   * as after any response), the client hears nothing and its request fails at its timeout.
   */
  private void responseLost(Request request) {
    if (request.finished) {
      ioReturned(request);
      return;
    }
    long log = logAppendBytes;
    if (log > 0) {
      context.disk().io(1, log, true, false, () -> logWritten(null));
    } else {
      workerDone(null);
    }
  }

  private void complete(Request request) {
    if (request.finished) {
      ioReturned(request);
      return;
    }
    request.finished = true;
    long latency = simulation.now() - request.arrival;
    recorder.requestCompleted(latency, latency <= sloNanos);
    recorder.requestLeft();
    Request next = null;
    if (request.requestsLeft > 0) {
      // A persistent connection: the client has its response and sends its next request on the
      // same connection at once; the worker reads it when it is done with this one.
      next = newRequest(request.closedLoop, request.requestsLeft - 1, true);
      next.connection = request.connection;
      next.connectionOn = request.connectionOn;
      admit(next);
    } else {
      closeExchange();
    }
    long log = logAppendBytes;
    if (log > 0) {
      // The access log line is written after the response went out (Apache httpd's
      // ap_process_request flushes the response, then runs the log_transaction hook; nginx logs
      // in its log phase after the response): the client has its answer, and the worker is busy
      // until its buffered append returns, throttled or not.
      Request following = next;
      context.disk().io(1, log, true, false, () -> logWritten(following));
    } else {
      workerDone(next);
    }
    if (next == null) {
      clientNext(request);
    }
  }

  /** A worker's access-log append returned: the worker goes on with its connection. */
  private void logWritten(@Nullable Request next) {
    if (!stopped) {
      workerDone(next);
    }
  }

  /**
   * The worker is done with a request: it reads the next request on its connection, or, the
   * connection closed (or its next request failed while it waited), it takes a waiting one.
   */
  private void workerDone(@Nullable Request next) {
    if (next != null && !next.finished) {
      serve(next);
    } else {
      freeWorker();
    }
  }

  /** The I/O a timed-out request's worker waited on returned: the worker is free again. */
  private void ioReturned(Request request) {
    if (request.heldForIo && !stopped) {
      request.heldForIo = false;
      freeWorker();
    }
  }

  /** Drops finished requests from the head and sets the timer for the oldest unfinished one. */
  private void armTimer() {
    while (!inSystem.isEmpty() && inSystem.peekFirst().finished) {
      inSystem.pollFirst();
    }
    if (inSystem.isEmpty()) {
      timer = null;
      return;
    }
    long deadline = SimTime.plus(inSystem.peekFirst().arrival, timeoutNanos);
    timer = simulation.schedule(deadline, this::timerFired);
  }

  private void timerFired() {
    long now = simulation.now();
    long timeout = timeoutNanos;
    while (!inSystem.isEmpty()) {
      Request head = inSystem.peekFirst();
      if (!head.finished && SimTime.plus(head.arrival, timeout) > now) {
        break;
      }
      inSystem.pollFirst();
      if (!head.finished) {
        timeOut(head);
      }
    }
    armTimer();
  }

  private void timeOut(Request request) {
    request.finished = true;
    recorder.requestFailed();
    recorder.requestLeft();
    closeExchange();
    if (!request.hasWorker) {
      if (!request.followUp) {
        waiting--;
      }
      // else it waited for its connection's worker, which goes on when its log write returns
    } else if (request.cpuJob != null) {
      cancelCpu(request);
      freeWorker();
    } else {
      // Its worker is blocked in a page fault, disk or network call: busy until that returns.
      request.heldForIo = true;
    }
    clientNext(request);
  }

  private void cancelCpu(Request request) {
    if (request.cpuJob != null) {
      context.cpu().cancel(request.cpuJob);
      request.cpuJob = null;
    }
  }

  /** A worker finished with its request: it takes the oldest waiting one, if any. */
  private void freeWorker() {
    busyWorkers--;
    while (busyWorkers < workers && !queue.isEmpty()) {
      Request next = queue.pollFirst();
      if (!next.finished) {
        waiting--;
        busyWorkers++;
        serve(next);
      }
    }
  }

  /** The client got its answer (or gave up): a closed-loop client thinks, then asks again. */
  private void clientNext(Request request) {
    if (request.closedLoop && running) {
      think();
    }
  }

  /** One request in flight and what it asks for. */
  /**
   * A request as its client sends it. It is also the continuation of each step of its service (one
   * step waits at a time: the network, the page cache, the disk, the CPU), so a request's way
   * through the host makes no closure per step: {@link #then} says which step comes next.
   */
  private final class Request implements Runnable, JobListener {
    static final int HANDLE = 0;
    static final int READ = 1;
    static final int READ_DISK = 2;
    static final int COMPUTE = 3;
    static final int RESPOND = 4;
    static final int COMPLETE = 5;

    final long arrival;
    final boolean closedLoop;
    final int requestsLeft;
    final boolean followUp;
    final double cpuSeconds;
    final int reads;
    final int writes;
    final int fileReads;
    Job cpuJob;
    boolean hasWorker;

    /** The connection's responses, once its first is sent (keep-alive above 1 only). */
    NetworkAccess.@Nullable ResponseConnection connection;

    /** The network {@link #connection} was opened on. */
    @Nullable NetworkAccess connectionOn;

    boolean finished;

    /** Timed out while its worker waited on I/O: the worker is freed when that I/O returns. */
    boolean heldForIo;

    /** The step {@link #run} takes when what the request waits on is done. */
    private int step;

    Request(
        long arrival,
        boolean closedLoop,
        int requestsLeft,
        boolean followUp,
        double cpuSeconds,
        int reads,
        int writes,
        int fileReads) {
      this.arrival = arrival;
      this.closedLoop = closedLoop;
      this.requestsLeft = requestsLeft;
      this.followUp = followUp;
      this.cpuSeconds = Math.max(0, cpuSeconds);
      this.reads = reads;
      this.writes = writes;
      this.fileReads = fileReads;
    }

    /** This request as the continuation that takes {@code next} (one of the steps above). */
    Runnable then(int next) {
      step = next;
      return this;
    }

    @Override
    public void run() {
      switch (step) {
        case HANDLE -> handle(this);
        case READ -> read(this);
        case READ_DISK -> readDisk(this);
        case COMPUTE -> compute(this);
        case RESPOND -> respond(this);
        case COMPLETE -> complete(this);
        default -> throw new IllegalStateException("no step " + step);
      }
    }

    /** Its CPU work is done: it writes next. */
    @Override
    public void completed(Job job) {
      cpuJob = null;
      write(this);
    }
  }
}
