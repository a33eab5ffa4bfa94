package dev.oversold.spark;

import dev.oversold.core.model.Scenario;
import dev.oversold.core.result.SimulationResult;
import dev.oversold.core.runtime.Simulator;
import dev.oversold.runner.SimulationEngine;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;

/**
 * Runs each simulation as a one-task Spark job: the scenario travels to an executor as bytes, the
 * result comes back the same way. The command's own thread pool ({@code --threads}) submits jobs
 * concurrently, so as many simulations run at once as it has threads; results are put back by
 * position as on one machine. A simulation is single-threaded and its seed comes only from the
 * scenario it is given, so where it runs changes nothing in the report.
 */
public final class SparkEngine implements SimulationEngine {
  private final JavaSparkContext spark;

  public SparkEngine(JavaSparkContext spark) {
    this.spark = spark;
  }

  @Override
  public SimulationResult run(Scenario scenario) {
    spark.setJobDescription(
        String.format(
            Locale.ROOT,
            "oversold %s seed %d, %d tenants",
            scenario.name(),
            scenario.seed(),
            scenario.tenants().size()));
    List<byte[]> result =
        spark.parallelize(List.of(RecordCodec.encode(scenario)), 1).map(new Simulate()).collect();
    return RecordCodec.decode(result.get(0), SimulationResult.class);
  }

  /** What a task does on an executor: decode, simulate, encode. */
  static final class Simulate implements Function<byte[], byte[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public byte[] call(byte[] scenario) {
      return RecordCodec.encode(Simulator.run(RecordCodec.decode(scenario, Scenario.class)));
    }
  }
}
