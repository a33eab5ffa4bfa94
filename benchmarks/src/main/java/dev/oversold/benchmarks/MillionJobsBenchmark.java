package dev.oversold.benchmarks;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.sharing.Share;
import dev.oversold.core.sharing.ShareSettings;
import dev.oversold.core.sharing.SharedCapacity;
import java.util.SplittableRandom;

/**
 * One consumer with a million concurrent jobs: the virtual-time queue must cost O(log n) per
 * completion and a few dozen bytes per job. Prints completions per second and heap bytes per job.
 */
final class MillionJobsBenchmark {
  private MillionJobsBenchmark() {}

  public static void main(String[] args) {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    for (int round = 0; round < 3; round++) {
      run(jobs, round);
    }
  }

  private static void run(int jobs, int seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long before = runtime.totalMemory() - runtime.freeMemory();
    Simulation simulation = new Simulation();
    SharedCapacity cpu = new SharedCapacity(simulation, "cpu", 64.0);
    Share share = cpu.addShare("tenant", ShareSettings.simple(1.0));
    long[] completed = {0};
    long submitStart = System.nanoTime();
    for (int i = 0; i < jobs; i++) {
      share.submit(1 + random.nextDouble(), job -> completed[0]++);
    }
    long submitted = System.nanoTime();
    System.gc();
    long after = runtime.totalMemory() - runtime.freeMemory();
    simulation.runUntil(SimTime.DAY * 365);
    long finished = System.nanoTime();
    System.out.println(
        Benchmarks.format(
            "%,d concurrent jobs: submit %.0f ns/job, run %,.0f completions/s (%d events),"
                + " %.0f heap bytes/job, all completed: %s",
            jobs,
            (submitted - submitStart) / (double) jobs,
            completed[0] / ((finished - submitted) / 1e9),
            simulation.eventsRun(),
            (after - before) / (double) jobs,
            completed[0] == jobs));
  }
}
