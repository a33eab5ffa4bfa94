package dev.oversold.scenarios;

import dev.oversold.core.model.Scenario;
import dev.oversold.scenarios.bind.Binder;
import dev.oversold.scenarios.convert.ScenarioConverter;
import dev.oversold.scenarios.dto.ScenarioDto;
import dev.oversold.scenarios.tree.Location;
import dev.oversold.scenarios.tree.Node;
import dev.oversold.scenarios.tree.Overrides;
import dev.oversold.scenarios.tree.TreeReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads scenario files (YAML or JSON, version 1) into validated {@link Scenario}s. Every problem in
 * a file is reported at once, with its line and column; nothing here throws anything but {@link
 * ScenarioException} for bad input.
 *
 * <p>The pipeline: text to a located tree ({@link TreeReader}, bounded against hostile input),
 * overrides applied to the tree, the tree bound to DTOs ({@link Binder}), the DTOs converted to the
 * core model with defaults and cross-checks ({@link ScenarioConverter}).
 */
public final class ScenarioLoader {
  private ScenarioLoader() {}

  /** Loads a file; jobs files it names resolve relative to its folder. */
  public static Scenario load(Path file) throws ScenarioException {
    return load(file, List.of());
  }

  /**
   * Loads a file after applying overrides ({@code --set} of {@code oversold sweep}) to its document
   * tree: each override's key is a path like {@code hosts[0].cpu.cores} or {@code seed}, its value
   * a YAML scalar such as {@code 8}, {@code kvm} or {@code 2GiB}.
   */
  public static Scenario load(Path file, List<Override> overrides) throws ScenarioException {
    String name = file.toString();
    Problems problems = new Problems(name);
    String text = readText(file, problems);
    problems.throwIfAny();
    Path parent = file.toAbsolutePath().getParent();
    return parse(text, name, parent, overrides);
  }

  /** Parses text; {@code fileName} names it in errors and {@code baseDir} resolves jobs files. */
  public static Scenario parse(String text, String fileName, Path baseDir, List<Override> overrides)
      throws ScenarioException {
    Problems problems = new Problems(fileName);
    Scenario scenario = null;
    try {
      scenario = read(text, fileName, baseDir, overrides, problems);
    } catch (RuntimeException | StackOverflowError e) {
      // A bug, not bad input: still reported as a problem so callers never see a stack trace.
      problems.add(
          new Location(fileName, 1, 1), "", "internal error while reading the scenario: " + e, "");
    }
    problems.throwIfAny();
    if (scenario == null) {
      throw new ScenarioException(
          List.of(new Problem(fileName, 1, 1, "", "internal error: no scenario produced", "")));
    }
    return scenario;
  }

  private static Scenario read(
      String text, String fileName, Path baseDir, List<Override> overrides, Problems problems) {
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      Location at = position(text, nul, fileName);
      problems.add(
          at, "", "the file contains binary data (a NUL byte)", "a YAML or JSON text file");
      return null;
    }
    boolean json = fileName.toLowerCase(Locale.ROOT).endsWith(".json");
    Node root = TreeReader.read(text, fileName, json, problems);
    if (root == null) {
      return null;
    }
    if (!(root instanceof Node.MapNode)) {
      problems.add(
          root.location(),
          "",
          "expected a scenario mapping, found " + root.shape(),
          "keys such as scenario, duration, hosts, tenants");
      return null;
    }
    for (Override override : overrides) {
      Overrides.apply(root, override.key(), override.value(), problems);
    }
    ScenarioDto dto = new Binder(problems).bind(root, ScenarioDto.class, "");
    if (dto == null) {
      return null;
    }
    return ScenarioConverter.convert(dto, root, baseDir, problems);
  }

  private static String readText(Path file, Problems problems) {
    Location start = new Location(file.toString(), 0, 0);
    try {
      if (!Files.isRegularFile(file)) {
        problems.add(start, "", "no such file", "a scenario file (YAML or JSON)");
        return null;
      }
      long size = Files.size(file);
      if (size > TreeReader.MAX_CHARS) {
        problems.add(
            new Location(file.toString(), 1, 1),
            "",
            "the file is too large (" + size + " bytes)",
            "at most " + TreeReader.MAX_CHARS + " bytes");
        return null;
      }
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      problems.add(
          new Location(file.toString(), 1, 1),
          "",
          "the file is not UTF-8 text (binary data?)",
          "a YAML or JSON text file");
      return null;
    } catch (IOException e) {
      problems.add(start, "", "cannot read the file: " + e.getMessage(), "");
      return null;
    }
  }

  private static Location position(String text, int index, String fileName) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new Location(fileName, line, column);
  }

  /** One {@code KEY=VALUE} override. */
  @SuppressWarnings("JavaLangClash") // always written ScenarioLoader.Override, never imported bare
  public record Override(String key, String value) {
    /** Parses {@code KEY=VALUE} as given on the command line. */
    public static Override parse(String keyEqualsValue) {
      int equals = keyEqualsValue.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("expected KEY=VALUE, got " + keyEqualsValue);
      }
      return new Override(
          keyEqualsValue.substring(0, equals).strip(), keyEqualsValue.substring(equals + 1));
    }
  }
}
