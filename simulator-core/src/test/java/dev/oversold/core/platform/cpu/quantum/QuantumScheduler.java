package dev.oversold.core.platform.cpu.quantum;

/** The scheduling discipline of the quantum-level simulator. */
public enum QuantumScheduler {
  /**
   * Xen credit1: credits per 30 ms accounting by weight (capped domains parked once their cap is
   * used), 30 ms timeslice, priorities BOOST > UNDER > OVER, a waking vCPU with credit is boosted
   * and preempts a non-boosted one that has run the 1 ms ratelimit.
   */
  XEN_CREDIT,
  /**
   * CFS with one group per tenant: the runnable thread of the group with the least weighted runtime
   * (vruntime) runs; slices of max(latency / runnable per core, min granularity); a waking group is
   * placed half a latency behind the minimum and preempts when it is more than the wake-up
   * granularity behind the running one; caps as cpu.max quota per 100 ms.
   */
  CFS,
  /**
   * ESXi proportional share: reservations first, then the VM with the least consumed time per
   * share; a quantum per dispatch; relaxed co-scheduling co-stops a vCPU whose progress runs ahead
   * of its slowest sibling by more than the skew threshold.
   */
  ESXI
}
