package dev.oversold.runner;

import static com.google.common.base.Preconditions.checkArgument;

import dev.oversold.core.model.Scenario;
import dev.oversold.core.result.SimulationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent simulations on a fixed pool of threads and returns their results in the order
 * the scenarios were given, so that what is built from them does not depend on the thread count or
 * on which run finished first. Each simulation is single-threaded and shares nothing.
 */
public final class ParallelRunner {
  private final int threads;
  private final SimulationEngine engine;
  private final ProgressListener progress;

  public ParallelRunner(int threads, SimulationEngine engine, ProgressListener progress) {
    checkArgument(threads >= 1, "threads must be >= 1, got %s", threads);
    this.threads = threads;
    this.engine = engine;
    this.progress = progress;
  }

  /** The number of threads to use by default: one per available processor. */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Simulates every scenario; results come back in input order. An interrupt cancels the runs still
   * going and throws {@link InterruptedException}; a failing run cancels the others and throws
   * {@link RunFailedException}.
   */
  public List<SimulationResult> runAll(List<Scenario> scenarios) throws InterruptedException {
    return runAll(scenarios, RunListener.NONE);
  }

  /**
   * As {@link #runAll(List)}, telling {@code listener} when each run starts (on its worker thread)
   * and when it has finished (on the calling thread, in the order runs finish), so that a caller
   * can act on a group of runs as soon as its last one is done.
   */
  public List<SimulationResult> runAll(List<Scenario> scenarios, RunListener listener)
      throws InterruptedException {
    int total = scenarios.size();
    SimulationResult[] results = new SimulationResult[total];
    if (total == 0) {
      return List.of();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, total), daemonThreads());
    try {
      ExecutorCompletionService<Integer> completion = new ExecutorCompletionService<>(pool);
      List<Future<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        int index = i;
        futures.add(
            completion.submit(
                () -> {
                  listener.started(index);
                  results[index] = engine.run(scenarios.get(index));
                  return index;
                }));
      }
      double simulated = 0;
      for (int done = 1; done <= total; done++) {
        Future<Integer> finished = completion.take();
        int index;
        try {
          index = finished.get();
        } catch (ExecutionException e) {
          futures.forEach(f -> f.cancel(true));
          throw new RunFailedException(
              "a simulation failed: " + describe(e.getCause()), e.getCause());
        }
        simulated += scenarios.get(index).duration().seconds();
        progress.runFinished(done, total, simulated);
        listener.finished(index, results[index]);
      }
    } finally {
      // Interrupts the runs still going: each stops at its next interrupt check (4096 events).
      pool.shutdownNow();
    }
    return List.of(results);
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "oversold-sim-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
