package dev.oversold.core.workload;

import dev.oversold.core.engine.RandomStream;
import dev.oversold.core.engine.SimTime;
import dev.oversold.core.model.WorkloadSpec;
import org.jspecify.annotations.Nullable;

/**
 * disk-hog: {@code threads} threads each doing back-to-back I/O of {@code block} bytes with one
 * access pattern (sequential or random, read or write), as IOzone does. Each thread keeps one run
 * of operations outstanding at a time and issues the next as soon as it completes. Progress counts
 * bytes transferred; throughput counts operations.
 *
 * <p>A run is {@link #RUN_BYTES} of blocks (at least one block), so a fast device costs a few
 * thousand events per simulated second instead of one per 4 KiB. Threads start a random fraction of
 * a millisecond apart, as real threads do; started at the same instant, fluid sharing would keep
 * them in lockstep and leave the device idle while all of them wait out the device latency at once.
 * On stop, runs already issued complete on the device (block I/O cannot be recalled) but are not
 * counted, and nothing new is issued. With {@code io: buffered} a sequential reader reads one file
 * through the page cache: every page is read once, enters the inactive list and is never promoted,
 * so on a shared kernel it churns the other tenants' inactive pages.
 */
final class DiskHogWorkload implements Workload {
  /** The disk-hog kind's declaration. */
  static final WorkloadKind<WorkloadSpec.DiskHog> KIND =
      WorkloadKind.suspect("disk-hog", WorkloadSpec.DiskHog.class, "bytes", DiskHogWorkload::new)
          .costing(CostModel.paced(DiskHogWorkload::eventsPerSecond));

  /** Bytes per run of operations issued as one request to the disk model. */
  static final long RUN_BYTES = 256 * 1024;

  /** Largest start offset between threads. */
  static final long MAX_STAGGER_NANOS = SimTime.MILLISECOND;

  private final WorkloadSpec.DiskHog spec;
  private final int operationsPerRun;
  private TenantContext context;
  private boolean stopped;
  private @Nullable FileReads stream;

  /** The page cache's unit (x86 PAGE_SIZE). */
  private static final long PAGE_BYTES = 4096;

  DiskHogWorkload(WorkloadSpec.DiskHog spec) {
    this.spec = spec;
    this.operationsPerRun = (int) Math.max(1, RUN_BYTES / spec.blockBytes());
  }

  @Override
  public void start(TenantContext tenant) {
    this.context = tenant;
    KIND.announce(tenant.recorder());
    if (spec.io() == WorkloadSpec.DiskIo.BUFFERED) {
      // One file read from start to end through the page cache, shared by the threads.
      stream = tenant.disk().stream();
    }
    RandomStream stagger = tenant.random("disk-hog-stagger");
    long start = spec.start().nanos();
    for (int i = 0; i < spec.threads(); i++) {
      long offset = i == 0 ? 0 : (long) (stagger.nextDouble() * MAX_STAGGER_NANOS);
      tenant.simulation().schedule(start + offset, this::issue);
    }
  }

  private void issue() {
    if (stopped) {
      return;
    }
    FileReads buffered = stream;
    if (buffered != null) {
      // Readahead turns the run into one sequential request of its pages, each read once.
      long bytes = (long) operationsPerRun * spec.blockBytes();
      buffered.read((bytes + PAGE_BYTES - 1) / PAGE_BYTES, this::completed);
      return;
    }
    WorkloadSpec.DiskPattern pattern = spec.pattern();
    context
        .disk()
        .io(
            operationsPerRun,
            spec.blockBytes(),
            pattern.isWrite(),
            !pattern.isSequential(),
            this::completed);
  }

  private void completed() {
    if (stopped) {
      return; // a killed process does not see its last I/O complete
    }
    context.recorder().progressed((double) operationsPerRun * spec.blockBytes());
    context.recorder().operationsCompleted(operationsPerRun);
    issue();
  }

  @Override
  public void stop() {
    stopped = true;
  }

  /**
   * Events per simulated second: each thread issues runs of {@link #RUN_BYTES} (sequential) or
   * single blocks (random), at most what the device serves, at least one per thread.
   */
  static double eventsPerSecond(WorkloadSpec.DiskHog hog, dev.oversold.core.model.HostSpec host) {
    double bytes = hog.pattern().isSequential() ? RUN_BYTES : hog.blockBytes();
    double ops = Math.min(host.disk().iops(), host.disk().bandwidthBytesPerSecond() / bytes);
    double issued = CostModel.EVENTS_PER_DISK_OP * Math.max(ops, hog.threads());
    // Writes are also written back: at most the device's bandwidth a second, each chunk of at most
    // 512 KiB (max_sectors_kb) a dispatch and a completion on the block device.
    double writeback =
        hog.pattern().isWrite()
            ? CostModel.swapWriteEvents(host.disk().bandwidthBytesPerSecond())
            : 0;
    return issued + writeback;
  }
}
