package dev.oversold.cli;

import dev.oversold.runner.SimulationEngine;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures its exit code, stdout and stderr. */
final class CliHarness {
  record Outcome(int code, String out, String err) {}

  private CliHarness() {}

  static Outcome run(ScenarioSource source, SimulationEngine engine, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        OversoldCommand.execute(
            args, source, engine, false, new PrintWriter(out), new PrintWriter(err));
    return new Outcome(code, out.toString(), err.toString());
  }
}
