package dev.oversold.core.network;

import java.util.function.Consumer;

/**
 * A stage that handles packets one after another at a CPU cost (a softirq, a vhost-net thread, a
 * Xen netback thread, a vNIC world), in front of which frames wait in a bounded backlog. Who the
 * CPU belongs to is the implementation's business: {@link PacketCpu} owns dedicated cores; the
 * runtime charges a share of the host's CPU.
 */
public interface PacketStage {
  /**
   * Processes {@code frame}, then hands it to {@code next}; drops the packets the backlog has no
   * room for (a batch may be split: what fits is processed, the rest dropped). A stage that lets a
   * batch go on in parts hands each part to {@code next} as a frame of its own.
   */
  void process(Frame frame, Consumer<Frame> next);
}
