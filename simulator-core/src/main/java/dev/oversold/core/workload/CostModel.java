package dev.oversold.core.workload;

import dev.oversold.core.model.HostSpec;
import dev.oversold.core.model.TenantSpec;
import dev.oversold.core.model.WorkloadSpec;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

/**
 * What one tenant of a workload kind costs a simulation, declared with the kind and estimated from
 * the mechanism that paces it: events per simulated second while it runs, events that do not depend
 * on the run's length (a batch's jobs), and bytes it holds at its peak beyond the tenant's fixed
 * share. Upper estimates: the cost check refuses runs past a budget from them, and {@code
 * CostEstimateTest} checks them against the events the bundled scenarios really run.
 *
 * <p>Two more figures let the estimate price page faults, which depend on the neighbours: the
 * memory the workload wants in RAM after it has run a given number of seconds (a working set from
 * the start, a bomb's allocation growing at its rate), and the pages it touches per second while it
 * runs (each of which may fault when the host has pushed it out).
 *
 * @param eventsPerSecond events per simulated second while it runs
 * @param eventsInAll events whatever the run's length
 * @param bytes simulator heap it holds at its peak
 * @param memoryBytes tenant memory (bytes) it wants after running the given seconds
 * @param touchedPagesPerSecond 4 KiB pages of its memory it touches per second while it runs
 */
public record CostModel<S extends WorkloadSpec>(
    ToDoubleBiFunction<S, HostSpec> eventsPerSecond,
    ToDoubleFunction<S> eventsInAll,
    ToDoubleBiFunction<S, TenantSpec> bytes,
    ToDoubleBiFunction<S, Double> memoryBytes,
    ToDoubleFunction<S> touchedPagesPerSecond) {

  /**
   * Events of one request besides its disk operations: arrival, CPU admission and completion,
   * network send and delivery, timeout timer, memory touch. Calibrated on the bundled services.
   */
  public static final double EVENTS_PER_REQUEST = 8;

  /**
   * Events of a request's way in and out through the network paths, when it sends response bytes:
   * link latency, wire, the host stack's and the backend's CPU jobs (submit, completion), a
   * backend's notification delay, each way.
   */
  public static final double EVENTS_PER_NETWORK_REQUEST = 16;

  /** Events of one disk operation: issue, throttle slice, device completion, writeback. */
  public static final double EVENTS_PER_DISK_OP = 4;

  /**
   * Pages a swap-out write carries at most: the kernel clusters swap slots and reclaim writes
   * SWAP_CLUSTER_MAX = 32 pages a batch (mm/swapfile.c, include/linux/swap.h).
   */
  public static final double PAGES_PER_SWAP_WRITE = 32;

  /**
   * Events of one major fault: its 4 KiB read as a disk operation, plus the share of the swap-out
   * write that made room for it (a write of {@link #PAGES_PER_SWAP_WRITE} pages costs {@link
   * #swapWriteEvents}). vSwap and decompression faults cost one delay timer per touch, within the
   * request's own events.
   */
  public static final double EVENTS_PER_FAULT =
      EVENTS_PER_DISK_OP + swapWriteEvents(PAGES_PER_SWAP_WRITE * 4096) / PAGES_PER_SWAP_WRITE;

  /** A waiting request or a closed-loop client: the request object, its timers and queue slot. */
  public static final long BYTES_PER_REQUEST = 512;

  /** A batch job: its record, CPU job and completion event. */
  public static final long BYTES_PER_JOB = 256;

  /** A forked process in the kernel table. */
  public static final long BYTES_PER_PROCESS = 64;

  /** A kind that costs nothing beyond the tenant itself (idle). */
  public static <S extends WorkloadSpec> CostModel<S> none() {
    return new CostModel<>(
        (spec, host) -> 0, spec -> 0, (spec, tenant) -> 0, (spec, seconds) -> 0, spec -> 0);
  }

  /**
   * Events one write of {@code bytes} to the block device can cost (a swap-out, a writeback): the
   * platform's CPU stage and the completion, then a dispatch and a completion for each chunk of at
   * most 512 KiB (the queue's max_sectors_kb, block/blk-settings.c). An upper bound.
   */
  public static double swapWriteEvents(double bytes) {
    return 2 + 2 * Math.ceil(bytes / (512 * 1024.0));
  }

  /** A kind paced at {@code eventsPerSecond} while it runs, holding nothing more. */
  public static <S extends WorkloadSpec> CostModel<S> paced(
      ToDoubleBiFunction<S, HostSpec> eventsPerSecond) {
    return new CostModel<>(
        eventsPerSecond, spec -> 0, (spec, tenant) -> 0, (spec, seconds) -> 0, spec -> 0);
  }

  /** This model, holding {@code bytes} at its peak. */
  public CostModel<S> holding(ToDoubleBiFunction<S, TenantSpec> bytes) {
    return new CostModel<>(eventsPerSecond, eventsInAll, bytes, memoryBytes, touchedPagesPerSecond);
  }

  /**
   * This model, wanting {@code memoryBytes} of tenant memory after running the given seconds (a
   * bomb's allocation by then, not its limit: one starting late or stopping early wants only what
   * it allocated while it ran).
   */
  public CostModel<S> wanting(ToDoubleBiFunction<S, Double> memoryBytes) {
    return new CostModel<>(eventsPerSecond, eventsInAll, bytes, memoryBytes, touchedPagesPerSecond);
  }

  /** This model, touching {@code touchedPagesPerSecond} pages of its memory while it runs. */
  public CostModel<S> touching(ToDoubleFunction<S> touchedPagesPerSecond) {
    return new CostModel<>(eventsPerSecond, eventsInAll, bytes, memoryBytes, touchedPagesPerSecond);
  }

  /** This model, with {@code eventsInAll} events whatever the run's length. */
  public CostModel<S> plusEventsInAll(ToDoubleFunction<S> eventsInAll) {
    return new CostModel<>(eventsPerSecond, eventsInAll, bytes, memoryBytes, touchedPagesPerSecond);
  }
}
