package dev.oversold.benchmarks;

import dev.oversold.core.model.Scenario;
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.runtime.Simulator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One whole simulation of the 1,000-tenant web host of {@link WebHostBenchmark} (64-core KVM host,
 * 20 requests/s per tenant, 4 ms of CPU each: 1.25x oversold), {@code seconds} simulated seconds
 * per invocation (5 by default; {@code -p seconds=0.5} fits a loaded 2-core machine); the {@code
 * events} counter is the engine's events per second, including the models' work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WebHostJmh {
  /** Simulated seconds per invocation (one whole run, start-up of the host included). */
  @Param({"5"})
  public double seconds;

  private Scenario scenario;

  /** Events run, reported by JMH as a rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Events {
    public long events;
  }

  @Setup(Level.Trial)
  public void setUp() {
    scenario = WebHostBenchmark.scenario(20, seconds);
  }

  @Benchmark
  public SimulationResult webHost1000Tenants(Events counter) {
    SimulationResult result = Simulator.run(scenario);
    counter.events += result.eventsRun();
    return result;
  }
}
