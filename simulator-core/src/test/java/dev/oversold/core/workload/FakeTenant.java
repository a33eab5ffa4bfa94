package dev.oversold.core.workload;

import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.engine.RandomStreams;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.metrics.TenantRecorder;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.sharing.Job;
import dev.oversold.core.sharing.JobListener;
import dev.oversold.core.sharing.Share;
import dev.oversold.core.sharing.ShareSettings;
import dev.oversold.core.sharing.SharedCapacity;
import java.util.function.LongConsumer;

/**
 * A tenant alone on a small host, for driving one workload directly: its CPU is a real processor
 * share ({@code vcpus} threads at {@code speed} on a pool with spare cores), its disk and network
 * take a fixed delay per operation and per byte with unlimited parallelism, its memory and process
 * table only count against limits. The recorder is exposed, which the run results do not give.
 */
final class FakeTenant implements TenantContext {
  final Simulation simulation = new Simulation();
  final TenantRecorder recorder;
  final Share cpuShare;
  final long diskNanosPerOperation;
  final double networkNanosPerByte;
  final long memoryLimitBytes;
  final int processLimit;
  private final RandomStreams streams;
  long memoryBytes;

  /** When set, run instead of refusing an allocation, as a runtime's OOM kill would be. */
  Runnable oomKill;

  int processes;
  long diskOperations;

  /** Connections the service opened and has not closed. */
  int openConnections;

  /** Runs of disk I/O per issuing task, in the order the tasks first issued (identity). */
  final java.util.IdentityHashMap<Object, Integer> diskRunsByTask =
      new java.util.IdentityHashMap<>();

  long networkBytes;

  FakeTenant(long seed, int vcpus, double speed, long warmupNanos) {
    this(seed, vcpus, speed, warmupNanos, 0, 0, Long.MAX_VALUE, Integer.MAX_VALUE);
  }

  FakeTenant(
      long seed,
      int vcpus,
      double speed,
      long warmupNanos,
      long diskNanosPerOperation,
      double networkNanosPerByte,
      long memoryLimitBytes,
      int processLimit) {
    this.streams = new RandomStreams(seed);
    this.recorder = new TenantRecorder(simulation, warmupNanos);
    SharedCapacity pool = new SharedCapacity(simulation, "cpu", (vcpus + 1) * speed);
    this.cpuShare =
        pool.addShare(
            "t", new ShareSettings(1.0, 0, Double.POSITIVE_INFINITY, speed, vcpus, 1.0, false));
    this.diskNanosPerOperation = diskNanosPerOperation;
    this.networkNanosPerByte = networkNanosPerByte;
    this.memoryLimitBytes = memoryLimitBytes;
    this.processLimit = processLimit;
  }

  @Override
  public String name() {
    return "t";
  }

  @Override
  public TenantSpec spec() {
    throw new UnsupportedOperationException("workloads do not need their tenant spec");
  }

  @Override
  public Simulation simulation() {
    return simulation;
  }

  @Override
  public RandomStream random(String purpose) {
    return streams.stream("t", purpose);
  }

  @Override
  public TenantRecorder recorder() {
    return recorder;
  }

  @Override
  public CpuAccess cpu() {
    return new CpuAccess() {
      @Override
      public Job run(double work, JobListener listener) {
        return cpuShare.submit(work, listener);
      }

      @Override
      public double cancel(Job job) {
        return cpuShare.cancel(job);
      }
    };
  }

  @Override
  public DiskAccess disk() {
    return new DiskAccess() {
      @Override
      public void io(int operations, long bytes, boolean write, boolean random, Runnable done) {
        diskOperations += operations;
        simulation.scheduleAfter(operations * diskNanosPerOperation, done);
      }

      @Override
      public void io(
          int operations, long bytes, boolean write, boolean random, Object task, Runnable done) {
        diskRunsByTask.merge(task, 1, Integer::sum);
        io(operations, bytes, write, random, done);
      }

      /** No cache: every page read is a disk operation. */
      @Override
      public FileReads dataset(dev.oversold.core.model.Skew skew, long pages) {
        return (count, done) -> io((int) count, 4096, false, true, done);
      }

      @Override
      public FileReads stream() {
        return (count, done) -> io(1, count * 4096, false, false, done);
      }
    };
  }

  @Override
  public NetworkAccess network() {
    return new NetworkAccess() {
      @Override
      public void send(long bytes, Runnable done) {
        networkBytes += bytes;
        simulation.scheduleAfter(Math.round(bytes * networkNanosPerByte), done);
      }

      @Override
      public void receive(long bytes, Runnable done) {
        send(bytes, done);
      }

      @Override
      public void sendDatagrams(long packets, int packetBytes, LongConsumer delivered) {
        datagram(packets, packetBytes, delivered);
      }

      @Override
      public void receiveDatagrams(long packets, int packetBytes, LongConsumer delivered) {
        datagram(packets, packetBytes, delivered);
      }
    };
  }

  /** Datagrams sent or received so far, in or out, counted from 1. */
  long datagrams;

  /** Decides by its number (from 1) whether a datagram is lost on the way; none by default. */
  java.util.function.LongPredicate datagramLost = n -> false;

  private void datagram(long packets, int packetBytes, LongConsumer delivered) {
    long arrived = 0;
    for (long i = 0; i < packets; i++) {
      datagrams++;
      if (!datagramLost.test(datagrams)) {
        arrived++;
      }
    }
    networkBytes += packets * packetBytes;
    long got = arrived;
    simulation.scheduleAfter(
        Math.round(packets * packetBytes * networkNanosPerByte), () -> delivered.accept(got));
  }

  @Override
  public MemoryAccess memory() {
    return new MemoryAccess() {
      @Override
      public boolean allocate(long bytes) {
        if (memoryBytes + bytes > memoryLimitBytes) {
          if (oomKill != null) {
            // Over the limit: the kernel grants the page, then the OOM killer kills the tenant.
            memoryBytes += bytes;
            oomKill.run();
          }
          return oomKill != null;
        }
        memoryBytes += bytes;
        return true;
      }

      @Override
      public void free(long bytes) {
        memoryBytes -= bytes;
      }

      @Override
      public void touch(long bytes, Runnable done) {
        done.run();
      }

      @Override
      public long residentBytes() {
        return memoryBytes;
      }

      @Override
      public long swappedBytes() {
        return 0;
      }
    };
  }

  @Override
  public ProcessAccess processes() {
    return new ProcessAccess() {
      @Override
      public boolean fork(long memoryBytesEach) {
        if (processes >= processLimit) {
          return false;
        }
        processes++;
        return true;
      }

      @Override
      public void exit(int count, long memoryBytesEach) {
        processes -= count;
      }

      @Override
      public int processes() {
        return processes;
      }

      @Override
      public boolean openConnection(long responseBytes) {
        openConnections++;
        return true;
      }

      @Override
      public void closeConnection(long responseBytes) {
        openConnections--;
      }
    };
  }
}
