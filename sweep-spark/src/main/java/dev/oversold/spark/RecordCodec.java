package dev.oversold.spark;

import dev.oversold.core.model.PlatformKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the simulator's immutable model (records, enums, lists, maps, arrays, boxed primitives and
 * strings) into bytes and back, so scenarios can travel to Spark executors and results come back.
 * The model is not {@link java.io.Serializable}, and Kryo cannot set the final fields of records on
 * JDK 17, so records are rebuilt through their canonical constructors (their validation runs again
 * on the executor). Doubles travel as their exact bits and maps keep their iteration order, so a
 * result decoded on the driver prints exactly as the one computed on the executor.
 */
public final class RecordCodec {
  private static final byte NULL = 0;
  private static final byte BOOLEAN = 1;
  private static final byte INT = 2;
  private static final byte LONG = 3;
  private static final byte DOUBLE = 4;
  private static final byte STRING = 5;
  private static final byte ENUM = 6;
  private static final byte RECORD = 7;
  private static final byte LIST = 8;
  private static final byte MAP = 9;
  private static final byte DOUBLES = 10;
  private static final byte SET = 11;
  private static final byte OPTIONAL = 12;
  private static final byte LONGS = 13;
  private static final byte INTS = 14;
  private static final byte PLATFORM = 15;

  private static final Map<String, Class<?>> CLASSES = new ConcurrentHashMap<>();

  private RecordCodec() {}

  public static byte[] encode(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      write(out, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static <T> T decode(byte[] bytes, Class<T> type) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      return type.cast(read(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(DataOutputStream out, Object value) throws IOException {
    if (value == null) {
      out.writeByte(NULL);
    } else if (value instanceof Boolean b) {
      out.writeByte(BOOLEAN);
      out.writeBoolean(b);
    } else if (value instanceof Integer i) {
      out.writeByte(INT);
      out.writeInt(i);
    } else if (value instanceof Long l) {
      out.writeByte(LONG);
      out.writeLong(l);
    } else if (value instanceof Double d) {
      out.writeByte(DOUBLE);
      out.writeLong(Double.doubleToRawLongBits(d));
    } else if (value instanceof String s) {
      out.writeByte(STRING);
      out.writeUTF(s);
    } else if (value instanceof Enum<?> e) {
      out.writeByte(ENUM);
      out.writeUTF(e.getDeclaringClass().getName());
      out.writeUTF(e.name());
    } else if (value instanceof PlatformKind platform) {
      // a registry-backed name, not an enum: it travels as its id and is interned on arrival
      out.writeByte(PLATFORM);
      out.writeUTF(platform.id());
    } else if (value instanceof Record record) {
      writeRecord(out, record);
    } else if (value instanceof List<?> list) {
      out.writeByte(LIST);
      out.writeInt(list.size());
      for (Object item : list) {
        write(out, item);
      }
    } else if (value instanceof Set<?> set) {
      out.writeByte(SET);
      out.writeInt(set.size());
      for (Object item : set) {
        write(out, item);
      }
    } else if (value instanceof Map<?, ?> map) {
      out.writeByte(MAP);
      out.writeInt(map.size());
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        write(out, entry.getKey());
        write(out, entry.getValue());
      }
    } else if (value instanceof Optional<?> optional) {
      out.writeByte(OPTIONAL);
      write(out, optional.orElse(null));
    } else if (value instanceof double[] doubles) {
      out.writeByte(DOUBLES);
      out.writeInt(doubles.length);
      for (double d : doubles) {
        out.writeLong(Double.doubleToRawLongBits(d));
      }
    } else if (value instanceof long[] longs) {
      out.writeByte(LONGS);
      out.writeInt(longs.length);
      for (long l : longs) {
        out.writeLong(l);
      }
    } else if (value instanceof int[] ints) {
      out.writeByte(INTS);
      out.writeInt(ints.length);
      for (int i : ints) {
        out.writeInt(i);
      }
    } else {
      throw new IllegalArgumentException(
          "cannot encode a " + value.getClass().getName() + " (not part of the model)");
    }
  }

  private static void writeRecord(DataOutputStream out, Record record) throws IOException {
    out.writeByte(RECORD);
    out.writeUTF(record.getClass().getName());
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      try {
        var accessor = component.getAccessor();
        accessor.setAccessible(true);
        write(out, accessor.invoke(record));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + component, e);
      }
    }
  }

  private static Object read(DataInputStream in) throws IOException {
    byte tag = in.readByte();
    return switch (tag) {
      case NULL -> null;
      case BOOLEAN -> in.readBoolean();
      case INT -> in.readInt();
      case LONG -> in.readLong();
      case DOUBLE -> Double.longBitsToDouble(in.readLong());
      case STRING -> in.readUTF();
      case ENUM -> enumConstant(type(in.readUTF()), in.readUTF());
      case PLATFORM -> PlatformKind.of(in.readUTF());
      case RECORD -> readRecord(in);
      case LIST -> readList(in);
      case SET -> new LinkedHashSet<>(readList(in));
      case MAP -> readMap(in);
      case OPTIONAL -> Optional.ofNullable(read(in));
      case DOUBLES -> readDoubles(in);
      case LONGS -> readLongs(in);
      case INTS -> readInts(in);
      default -> throw new IOException("corrupt input: tag " + tag);
    };
  }

  private static List<Object> readList(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<Object> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(read(in));
    }
    return list;
  }

  private static Map<Object, Object> readMap(DataInputStream in) throws IOException {
    int n = in.readInt();
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      Object key = read(in);
      map.put(key, read(in));
    }
    return map;
  }

  private static double[] readDoubles(DataInputStream in) throws IOException {
    double[] doubles = new double[in.readInt()];
    for (int i = 0; i < doubles.length; i++) {
      doubles[i] = Double.longBitsToDouble(in.readLong());
    }
    return doubles;
  }

  private static long[] readLongs(DataInputStream in) throws IOException {
    long[] longs = new long[in.readInt()];
    for (int i = 0; i < longs.length; i++) {
      longs[i] = in.readLong();
    }
    return longs;
  }

  private static int[] readInts(DataInputStream in) throws IOException {
    int[] ints = new int[in.readInt()];
    for (int i = 0; i < ints.length; i++) {
      ints[i] = in.readInt();
    }
    return ints;
  }

  private static Object readRecord(DataInputStream in) throws IOException {
    Class<?> type = type(in.readUTF());
    RecordComponent[] components = type.getRecordComponents();
    if (components == null) {
      throw new IOException(type.getName() + " is not a record");
    }
    Class<?>[] types = new Class<?>[components.length];
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      args[i] = read(in);
    }
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot rebuild " + type.getName(), e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumConstant(Class<?> type, String name) {
    return Enum.valueOf((Class) type, name);
  }

  /** Classes by name, from the loader that holds the application's jar on an executor. */
  private static Class<?> type(String name) throws IOException {
    Class<?> cached = CLASSES.get(name);
    if (cached != null) {
      return cached;
    }
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      Class<?> type =
          Class.forName(name, true, loader != null ? loader : RecordCodec.class.getClassLoader());
      CLASSES.put(name, type);
      return type;
    } catch (ClassNotFoundException e) {
      throw new IOException("unknown class " + name, e);
    }
  }
}
