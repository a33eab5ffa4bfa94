package dev.oversold.sweep;

import dev.oversold.core.result.SimulationResult;
import dev.oversold.report.calculation.ReportBuilder;
import dev.oversold.report.model.Report;
import dev.oversold.runner.ExperimentPlan;
import dev.oversold.runner.ExperimentResult;
import dev.oversold.runner.RunListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gathers the runs of a sweep, batched over every point, back into points: as soon as the last run
 * of a point finishes, its report is built and handed to the {@link Sink} (which writes {@code
 * DIR/points/NAME/}), and the progress is told. What a sweep interrupted later has kept is {@link
 * #finished()}.
 */
public final class PointCollector implements RunListener {
  /** Where a finished point's report goes. */
  @FunctionalInterface
  public interface Sink {
    void accept(SweepPoint point, Report report) throws IOException, InterruptedException;
  }

  private final List<SweepPoint> points;
  private final List<ExperimentPlan> plans;
  private final SweepProgress progress;
  private final Sink sink;
  private final int[] owner;
  private final int[] first;
  private final int[] remaining;
  private final SimulationResult[] results;
  private final PointOutcome[] outcomes;
  private final List<SweepPoint> finished = new ArrayList<>();

  public PointCollector(
      List<SweepPoint> points, List<ExperimentPlan> plans, SweepProgress progress, Sink sink) {
    if (points.size() != plans.size()) {
      throw new IllegalArgumentException("one plan per point");
    }
    this.points = List.copyOf(points);
    this.plans = List.copyOf(plans);
    this.progress = progress;
    this.sink = sink;
    int total = plans.stream().mapToInt(p -> p.runs().size()).sum();
    this.owner = new int[total];
    this.first = new int[plans.size()];
    this.remaining = new int[plans.size()];
    int at = 0;
    for (int p = 0; p < plans.size(); p++) {
      first[p] = at;
      remaining[p] = plans.get(p).runs().size();
      Arrays.fill(owner, at, at + remaining[p], p);
      at += remaining[p];
    }
    this.results = new SimulationResult[total];
    this.outcomes = new PointOutcome[plans.size()];
  }

  @Override
  public void started(int index) {
    progress.pointStarted(owner[index]);
  }

  @Override
  public void finished(int index, SimulationResult result) throws InterruptedException {
    int p = owner[index];
    results[index] = result;
    if (--remaining[p] > 0) {
      return;
    }
    ExperimentPlan plan = plans.get(p);
    List<SimulationResult> own =
        Arrays.asList(results).subList(first[p], first[p] + plan.runs().size());
    ExperimentResult experiment = plan.assemble(own);
    Report report = ReportBuilder.build(experiment);
    outcomes[p] = new PointOutcome(points.get(p), report, GroupTails.of(experiment));
    Arrays.fill(results, first[p], first[p] + plan.runs().size(), null); // the report has them
    try {
      sink.accept(points.get(p), report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    finished.add(points.get(p));
    progress.pointFinished(p);
  }

  /** The points whose reports were written, in the order they finished. */
  public List<SweepPoint> finished() {
    return List.copyOf(finished);
  }

  /** Every point's outcome, in grid order; call once the batch has returned. */
  public List<PointOutcome> outcomes() {
    List<PointOutcome> all = new ArrayList<>();
    for (PointOutcome outcome : outcomes) {
      if (outcome == null) {
        throw new IllegalStateException("a point did not finish");
      }
      all.add(outcome);
    }
    return all;
  }
}
