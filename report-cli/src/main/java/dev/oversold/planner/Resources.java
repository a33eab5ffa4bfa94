package dev.oversold.planner;

import java.util.List;

/** The resources a plan can name as binding. */
public final class Resources {
  public static final String CPU = "cpu";
  public static final String MEMORY = "memory";
  public static final String DISK = "disk";
  public static final String NETWORK = "network";
  public static final String KERNEL_OBJECTS = "kernel-objects";
  public static final List<String> NAMES = List.of(CPU, MEMORY, DISK, NETWORK, KERNEL_OBJECTS);

  private Resources() {}
}
