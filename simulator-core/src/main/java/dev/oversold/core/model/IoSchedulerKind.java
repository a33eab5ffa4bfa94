package dev.oversold.core.model;

import java.util.Locale;
import java.util.Optional;

/**
 * A host I/O scheduler by the name the kernel gives it in {@code /sys/block/DEV/queue/scheduler}.
 * Which ones a host may use is its platform's choice ({@code IoPolicy.ioSchedulers}).
 */
public enum IoSchedulerKind {
  /** blk-mq without a scheduler: dispatch in arrival order, no weights [block/blk-mq.c]. */
  NONE("none"),
  /** blk-mq deadline: read/write FIFOs with expiry, no weights [block/mq-deadline.c]. */
  MQ_DEADLINE("mq-deadline"),
  /** Budget fair queueing: weights honoured (io.weight / ioprio) [block/bfq-iosched.c]. */
  BFQ("bfq"),
  /** Legacy noop elevator of 2.6.32: arrival order [block/noop-iosched.c]. */
  NOOP("noop"),
  /** Legacy deadline elevator of 2.6.32 [block/deadline-iosched.c]. */
  DEADLINE("deadline"),
  /** Completely fair queueing of 2.6.32: per-queue time slices, idling [block/cfq-iosched.c]. */
  CFQ("cfq"),
  /**
   * ESXi's own per-VM start-time fair queueing of a datastore's device queue, shares applied by
   * Storage I/O Control above its congestion threshold [vSphere Resource Management, SIOC].
   */
  ESXI_SFQ("esxi-sfq");

  private final String id;

  IoSchedulerKind(String id) {
    this.id = id;
  }

  /** The name in scenario files and sysfs. */
  public String id() {
    return id;
  }

  /** The scheduler named {@code id}, if any. */
  public static Optional<IoSchedulerKind> byId(String id) {
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    for (IoSchedulerKind kind : values()) {
      if (kind.id.equals(wanted)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
