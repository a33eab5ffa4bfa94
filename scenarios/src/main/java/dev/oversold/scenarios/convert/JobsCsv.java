package dev.oversold.scenarios.convert;

import dev.oversold.core.engine.SimDuration;
import dev.oversold.core.model.WorkloadSpec.BatchJob;
import dev.oversold.scenarios.tree.Location;
import dev.oversold.scenarios.units.TimeSpan;
import dev.oversold.scenarios.units.UnitException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a jobs CSV file: a header {@code submit,cpu[,parallelism]}, then one job per row with units
 * ({@code 0s,12.5s,2}); blank lines and lines starting with {@code #} are skipped. Problems name
 * the CSV file, row and column.
 */
final class JobsCsv {
  private JobsCsv() {}

  static List<BatchJob> read(String jobsFile, String path, Context context) {
    if (context.baseDir == null) {
      context.error(
          path, "jobs files need a scenario file on disk", "jobs: listed or drawn inline");
      return null;
    }
    Path file = context.baseDir.resolve(jobsFile).normalize();
    String shown = file.toString();
    if (!Files.exists(file)) {
      context.error(
          path, "jobs file not found: " + shown, "a CSV file relative to the scenario file");
      return null;
    }
    if (!Files.isRegularFile(file)) {
      context.error(
          path,
          "jobs file "
              + shown
              + (Files.isDirectory(file) ? " is a folder" : " is not a regular file"),
          "a CSV file relative to the scenario file");
      return null;
    }
    if (!JobsFileScope.allowed(file, path, context)) {
      return null;
    }
    String text;
    try {
      if (Files.size(file) > Defaults.MAX_JOBS_FILE_BYTES) {
        context.error(
            path,
            "jobs file " + shown + " is too large",
            "at most " + Defaults.MAX_JOBS_FILE_BYTES + " bytes");
        return null;
      }
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      context.error(path, "jobs file " + shown + " is not UTF-8 text", "a CSV file");
      return null;
    } catch (IOException e) {
      context.error(path, "cannot read jobs file " + shown + ": " + e.getMessage(), "");
      return null;
    }
    return parse(text, shown, context);
  }

  static List<BatchJob> parse(String text, String shown, Context context) {
    List<BatchJob> jobs = new ArrayList<>();
    boolean header = false;
    boolean hasParallelism = false;
    int lineNumber = 0;
    int errorsBefore = context.problems.size();
    for (String line : text.split("\r?\n", -1)) {
      lineNumber++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      if (!header) {
        String normalized = trimmed.replace(" ", "").toLowerCase(Locale.ROOT);
        if (!normalized.equals("submit,cpu") && !normalized.equals("submit,cpu,parallelism")) {
          add(
              context,
              shown,
              lineNumber,
              1,
              "the header's first column is '" + abbreviate(trimmed.split(",", -1)[0]) + "'",
              "submit,cpu or submit,cpu,parallelism");
          return null;
        }
        hasParallelism = normalized.endsWith("parallelism");
        header = true;
        continue;
      }
      if (jobs.size() >= Defaults.MAX_JOBS) {
        add(context, shown, lineNumber, 1, "too many jobs", "at most " + Defaults.MAX_JOBS);
        return null;
      }
      BatchJob job = row(line, hasParallelism, shown, lineNumber, context);
      if (job != null) {
        jobs.add(job);
      }
    }
    if (!header) {
      add(
          context,
          shown,
          1,
          1,
          "the jobs file is empty",
          "a header submit,cpu[,parallelism] and rows");
      return null;
    }
    if (jobs.isEmpty() && context.problems.size() == errorsBefore) {
      add(context, shown, lineNumber, 1, "the jobs file has no jobs", "rows like 0s,12.5s");
      return null;
    }
    return context.problems.size() == errorsBefore ? jobs : null;
  }

  private static BatchJob row(
      String line, boolean hasParallelism, String shown, int lineNumber, Context context) {
    String[] fields = line.split(",", -1);
    int expectedFields = hasParallelism ? 3 : 2;
    if (fields.length != expectedFields) {
      add(
          context,
          shown,
          lineNumber,
          1,
          "expected " + expectedFields + " fields, found " + fields.length,
          hasParallelism ? "submit,cpu,parallelism" : "submit,cpu");
      return null;
    }
    int[] columns = new int[fields.length];
    for (int i = 1; i < fields.length; i++) {
      columns[i] = columns[i - 1] + fields[i - 1].length() + 1;
    }
    try {
      long submit = TimeSpan.parse(fields[0]).nanos();
      double cpu;
      try {
        cpu = TimeSpan.parse(fields[1]).secondsValue();
      } catch (UnitException e) {
        add(context, shown, lineNumber, columns[1] + 1, "cpu: " + e.getMessage(), e.expected());
        return null;
      }
      if (!(cpu > 0)) {
        add(
            context,
            shown,
            lineNumber,
            columns[1] + 1,
            "cpu must be more than 0",
            "CPU work such as 12.5s");
        return null;
      }
      int parallelism = Defaults.JOB_PARALLELISM;
      if (hasParallelism) {
        String p = fields[2].strip();
        if (!p.matches("\\d{1,6}") || Integer.parseInt(p) < 1) {
          add(
              context,
              shown,
              lineNumber,
              columns[2] + 1,
              "parallelism '" + abbreviate(p) + "' is not a whole number >= 1",
              "threads, e.g. 4");
          return null;
        }
        parallelism = Integer.parseInt(p);
      }
      return new BatchJob(SimDuration.ofNanos(submit), cpu, parallelism);
    } catch (UnitException e) {
      add(context, shown, lineNumber, 1, "submit: " + e.getMessage(), e.expected());
      return null;
    }
  }

  private static void add(
      Context context, String file, int line, int column, String message, String expected) {
    context.problems.add(new Location(file, line, column), "", message, expected);
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
