package dev.oversold.core.runtime;

import dev.oversold.core.sharing.JobListener;
import dev.oversold.core.sharing.Share;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * One host thread that handles a disk's requests one at a time, in arrival order: QEMU's iothread
 * for a virtio-blk disk (one per disk by default [QEMU docs/devel/multiple-iothreads]), blkback's
 * kthread for a Xen virtual block device (one per vbd ring [drivers/block/xen-blkback]). Its CPU
 * runs on {@code cpu}, where it competes with everything else on that share; since it is one
 * thread, {@code 1 / cost} requests per second is the most it can pass, whatever the queue depth.
 */
final class SerialCpuStage {
  private final Share cpu;
  private final double secondsPerRequest;
  private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  private boolean busy;
  private @Nullable Runnable inService;
  private final JobListener served = job -> served();

  /**
   * @param secondsPerRequest reference-core-seconds of CPU per request
   */
  SerialCpuStage(Share cpu, double secondsPerRequest) {
    this.cpu = cpu;
    this.secondsPerRequest = secondsPerRequest;
  }

  /** Runs {@code next} once the thread has spent its CPU on this request. */
  void pass(Runnable next) {
    if (busy) {
      waiting.addLast(next);
    } else {
      // An idle thread has nothing waiting (it goes idle only when the queue is empty).
      serve(next);
    }
  }

  private void start() {
    Runnable next = waiting.pollFirst();
    if (next == null) {
      busy = false;
      return;
    }
    serve(next);
  }

  /**
   * Spends the request's CPU. One request is in service at a time, so its continuation sits in a
   * field and one listener serves every job (no closure per request).
   */
  private void serve(Runnable next) {
    busy = true;
    inService = next;
    cpu.submit(secondsPerRequest, served);
  }

  private void served() {
    Runnable next = inService;
    inService = null;
    if (next != null) {
      next.run();
    }
    start();
  }

  /** Requests waiting for or in the thread. */
  int queued() {
    return waiting.size() + (busy ? 1 : 0);
  }

  /** Drops every waiting request (the tenant was killed). */
  void clear() {
    waiting.clear();
  }
}
