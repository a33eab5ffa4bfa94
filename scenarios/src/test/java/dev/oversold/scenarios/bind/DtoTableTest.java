package dev.oversold.scenarios.bind;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.oversold.scenarios.dto.HostDto;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link DtoTable} against the DTO records themselves: the checked-in source is what {@link
 * DtoTableSource} writes from them now, and every fact, shape and constructor call it holds agrees
 * with the reflective lookup it replaces ({@link TypeFacts#reflective}, {@link
 * RecordShape#reflective}, the canonical constructor). Binding whole files both ways is compared in
 * {@code BindingTableProperties}.
 */
final class DtoTableTest {
  private static final Path SOURCE =
      Path.of(System.getProperty("user.dir"))
          .resolve("src/main/java/dev/oversold/scenarios/bind/DtoTable.java");

  @Test
  void checkedInSource_isWhatTheGeneratorWritesFromTheDtos() throws IOException {
    String generated = DtoTableSource.generate();
    if (Boolean.getBoolean("dto.table.update")) {
      Files.writeString(SOURCE, generated, StandardCharsets.UTF_8);
    }
    String checkedIn = Files.readString(SOURCE, StandardCharsets.UTF_8);
    // google-java-format lays the generated text out again (and rewraps the comment): only
    // whitespace and the comment's line-leading stars may differ
    assertEquals(
        normalized(generated),
        normalized(checkedIn),
        "DtoTable.java is stale: regenerate it (see DtoTableSource)");
  }

  private static String normalized(String source) {
    return source.replaceAll("(?m)^\\s*\\*", "").replaceAll("\\s+", "");
  }

  @Test
  void table_listsEveryTypeReachableFromTheScenario() {
    assertEquals(
        new HashSet<>(DtoTableSource.reachable()), TableShapes.allFacts().keySet(), "facts");
    assertEquals(
        new HashSet<>(
            DtoTableSource.reachable().stream().filter(DtoTableSource::isRecordShape).toList()),
        TableShapes.allShapes().keySet(),
        "shapes");
  }

  @Test
  void everyFact_isTheReflectiveOne() {
    for (Map.Entry<Class<?>, TypeFacts> entry : TableShapes.allFacts().entrySet()) {
      assertEquals(
          TypeFacts.reflective(entry.getKey()), entry.getValue(), entry.getKey().getName());
    }
  }

  @Test
  void everyShape_isTheReflectiveOne() {
    for (Map.Entry<Class<?>, RecordShape> entry : TableShapes.allShapes().entrySet()) {
      Class<?> type = entry.getKey();
      RecordShape table = entry.getValue();
      RecordShape reference = RecordShape.reflective(type);
      String name = type.getName();
      assertEquals(type, table.type(), name);
      assertEquals(reference.keys(), table.keys(), name);
      assertArrayEquals(reference.required(), table.required(), name);
      assertArrayEquals(reference.perSecond(), table.perSecond(), name);
      assertEquals(reference.types().length, table.types().length, name);
      for (int i = 0; i < reference.types().length; i++) {
        assertEquals(describe(reference.types()[i]), describe(table.types()[i]), name + " " + i);
        assertEquals(reference.rawType(i), table.rawType(i), name + " " + i);
      }
      assertNull(table.constructor(), name);
    }
  }

  /**
   * Each table constructor call builds the record the canonical constructor builds from the same
   * values. The values are distinct per component where the type allows (text, numbers), so
   * components passed in the wrong order differ; other components are null.
   */
  @Test
  void everyConstructorCall_buildsWhatTheCanonicalConstructorBuilds() {
    for (Map.Entry<Class<?>, RecordShape> entry : TableShapes.allShapes().entrySet()) {
      RecordShape table = entry.getValue();
      RecordShape reference = RecordShape.reflective(entry.getKey());
      @Nullable Object[] values = new Object[table.keys().size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = sample(table.rawType(i), i);
      }
      assertEquals(
          reference.construct(values.clone()),
          table.construct(values.clone()),
          entry.getKey().getName() + " " + Arrays.toString(values));
    }
  }

  /**
   * Values of the wrong types make the table's own cast fail: a fault of the generated table, not a
   * DTO rejecting its input, so it is not reported as the latter (review27 N6).
   */
  @Test
  void aCallThatDoesNotFitItsValues_isReportedAsTheTablesFault_notAsARejection() {
    for (RecordShape table : TableShapes.allShapes().values()) {
      Object[] wrong = new Object[table.keys().size() + 1];
      Arrays.fill(wrong, new Object());
      IllegalStateException thrown =
          assertThrows(IllegalStateException.class, () -> table.construct(wrong));
      String name = table.type().getName();
      assertEquals(
          "cannot build DTO "
              + name
              + ": DtoTable's case "
              + table.index()
              + " does not fit its values (regenerate the table, see DtoTableSource)",
          thrown.getMessage(),
          name);
      assertInstanceOf(ClassCastException.class, thrown.getCause(), name);
    }
  }

  /**
   * A record's own check (IllegalArgumentException, NullPointerException) is the DTO rejecting its
   * values, reported as the reflective path reports an InvocationTargetException's cause; any other
   * exception is the table's fault. No DTO checks its values today, so the classification is
   * checked on its own.
   */
  @Test
  void aRecordsOwnCheck_isARejection_anythingElseTheTablesFault() {
    IllegalArgumentException own = new IllegalArgumentException("negative");
    IllegalStateException rejected = RecordShape.tableFailure(HostDto.class, 1, own);
    assertEquals("DTO HostDto rejected its values", rejected.getMessage());
    assertSame(own, rejected.getCause());
    NullPointerException missing = new NullPointerException("name");
    assertEquals(
        "DTO HostDto rejected its values",
        RecordShape.tableFailure(HostDto.class, 1, missing).getMessage());
    for (RuntimeException fault :
        List.of(new ClassCastException(), new ArrayIndexOutOfBoundsException(3))) {
      IllegalStateException thrown = RecordShape.tableFailure(HostDto.class, 1, fault);
      assertEquals(
          "cannot build DTO "
              + HostDto.class.getName()
              + ": DtoTable's case 1 does not fit its values (regenerate the table, see"
              + " DtoTableSource)",
          thrown.getMessage());
      assertSame(fault, thrown.getCause());
    }
  }

  private static @Nullable Object sample(Class<?> type, int i) {
    if (type == String.class) {
      return "v" + i;
    }
    if (type == Integer.class) {
      return i;
    }
    if (type == Long.class) {
      return (long) i;
    }
    if (type == Double.class) {
      return i + 0.5;
    }
    if (type == List.class) {
      return List.of("item" + i);
    }
    if (type == Boolean.class) {
      return i % 2 == 0;
    }
    if (type == Map.class) {
      return Map.of("key" + i, "value");
    }
    return null;
  }

  private static String describe(Type type) {
    if (type instanceof ParameterizedType generic) {
      return generic.getRawType().getTypeName()
          + Arrays.stream(generic.getActualTypeArguments()).map(Type::getTypeName).toList();
    }
    return type.getTypeName();
  }
}
