package dev.oversold.benchmarks;

import dev.oversold.core.engine.SimTime;
import dev.oversold.core.engine.Simulation;
import dev.oversold.core.sharing.Share;
import dev.oversold.core.sharing.ShareSettings;
import dev.oversold.core.sharing.SharedCapacity;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The workload CloudSim Plus is slow and inexact on: one host, 100 single-core tenants, each
 * running {@code jobs} batch jobs of length 1 + U[0, 100) seconds, all submitted at time 0 and
 * processor-shared inside the tenant. Reports engine time and the largest relative error against
 * the exact PS finish times (sorted lengths: f_k = f_{k-1} + (l_k - l_{k-1}) * (n - k + 1)).
 */
final class ProcessorSharingPeerBenchmark {
  private ProcessorSharingPeerBenchmark() {}

  public static void main(String[] args) {
    int tenants = 100;
    for (int jobs : new int[] {30, 100}) {
      double bestSeconds = Double.MAX_VALUE;
      double worstError = 0;
      long events = 0;
      for (int round = 0; round < 5; round++) {
        Result result = run(tenants, jobs, round);
        bestSeconds = Math.min(bestSeconds, result.seconds);
        worstError = Math.max(worstError, result.maxRelativeError);
        events = result.events;
      }
      System.out.println(
          Benchmarks.format(
              "%d tenants x %d jobs: %d events, engine time %.1f ms (best of 5),"
                  + " max relative error vs exact PS %.2e",
              tenants, jobs, events, bestSeconds * 1000, worstError));
    }
  }

  private record Result(double seconds, double maxRelativeError, long events) {}

  private static Result run(int tenants, int jobs, int seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] lengths = new double[tenants][jobs];
    for (double[] row : lengths) {
      for (int j = 0; j < jobs; j++) {
        row[j] = 1 + 100 * random.nextDouble();
      }
    }
    long start = System.nanoTime();
    Simulation simulation = new Simulation();
    SharedCapacity host = new SharedCapacity(simulation, "host", tenants);
    long[][] finish = new long[tenants][jobs];
    for (int t = 0; t < tenants; t++) {
      Share vm = host.addShare("vm" + t, ShareSettings.simple(1.0).withParallelLimit(1));
      for (int j = 0; j < jobs; j++) {
        int tenant = t;
        int job = j;
        vm.submit(lengths[t][j], done -> finish[tenant][job] = simulation.now());
      }
    }
    simulation.runUntil(SimTime.DAY);
    double seconds = (System.nanoTime() - start) / 1e9;

    double maxError = 0;
    for (int t = 0; t < tenants; t++) {
      double[] sorted = lengths[t].clone();
      Arrays.sort(sorted);
      double[] exact = new double[jobs];
      double previousLength = 0;
      double previousFinish = 0;
      for (int k = 0; k < jobs; k++) {
        previousFinish += (sorted[k] - previousLength) * (jobs - k);
        previousLength = sorted[k];
        exact[k] = previousFinish;
      }
      double[] simulated =
          Arrays.stream(finish[t]).mapToDouble(SimTime::toSeconds).sorted().toArray();
      for (int k = 0; k < jobs; k++) {
        maxError = Math.max(maxError, Math.abs(simulated[k] - exact[k]) / exact[k]);
      }
    }
    return new Result(seconds, maxError, simulation.eventsRun());
  }
}
