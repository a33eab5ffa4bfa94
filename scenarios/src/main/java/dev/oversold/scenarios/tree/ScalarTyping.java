package dev.oversold.scenarios.tree;

import dev.oversold.scenarios.tree.Node.ScalarType;
import java.math.BigInteger;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How a YAML scalar is typed: YAML 1.1's implicit types as SnakeYAML's {@code Resolver} gives them
 * (its regular expressions, written out here as hand-coded scans: matching each scalar against them
 * was a fifth of reading a large scenario), then the number checks Jackson's {@code YAMLParser}
 * makes ({@code _decodeScalar}, {@code _decodeNumberScalar}), with their messages. Scenario files
 * were read through both before, so a file reads exactly as it did. {@code ScalarTypingProperties}
 * compares the scans with SnakeYAML's patterns.
 */
final class ScalarTyping {
  /** SnakeYAML's Resolver tries INT and FLOAT only on scalars up to this many characters. */
  static final int NUMBER_LIMIT = 1024;

  private static final String CORE = "tag:yaml.org,2002:";

  private ScalarTyping() {}

  /** What the implicit (untagged) plain scalar {@code value} is, as SnakeYAML resolves it. */
  enum Implicit {
    BOOL,
    INT,
    FLOAT,
    NULL,
    /** A string, or another tag that Jackson reads as one (timestamp, merge, value). */
    OTHER
  }

  /** SnakeYAML 2.x {@code Resolver.resolve(scalar, value, plain)}, reduced to what Jackson uses. */
  static Implicit resolve(String value, boolean plain) {
    if (!plain) {
      return Implicit.OTHER;
    }
    int length = value.length();
    if (length == 0) {
      return Implicit.NULL; // the EMPTY pattern
    }
    if (length <= 5 && isBool(value)) {
      return Implicit.BOOL;
    }
    if (length <= NUMBER_LIMIT) {
      if (isInt(value)) {
        return Implicit.INT;
      }
      if (isFloat(value)) {
        return Implicit.FLOAT;
      }
    }
    return switch (value) {
      case "~", "null", "Null", "NULL", " " -> Implicit.NULL;
      default -> Implicit.OTHER;
    };
  }

  /** yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF */
  static boolean isBool(String value) {
    return switch (value) {
      case "yes",
          "Yes",
          "YES",
          "no",
          "No",
          "NO",
          "true",
          "True",
          "TRUE",
          "false",
          "False",
          "FALSE",
          "on",
          "On",
          "ON",
          "off",
          "Off",
          "OFF" ->
          true;
      default -> false;
    };
  }

  /**
   * SnakeYAML's INT: {@code [-+]?0b_*[0-1][0-1_]*}, {@code [-+]?0_*[0-7][0-7_]*}, {@code
   * [-+]?(?:0|[1-9][0-9_]*)}, {@code [-+]?0x_*[0-9a-fA-F][0-9a-fA-F_]*} or {@code
   * [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+}, over the whole value.
   */
  static boolean isInt(String s) {
    int n = s.length();
    int i = signEnd(s);
    if (i >= n) {
      return false;
    }
    char c = s.charAt(i);
    if (c == '0') {
      if (i + 1 == n) {
        return true;
      }
      char d = s.charAt(i + 1);
      if (d == 'b') {
        return digitsToEnd(s, i + 2, 2);
      }
      if (d == 'x') {
        return digitsToEnd(s, i + 2, 16);
      }
      return digitsToEnd(s, i + 1, 8);
    }
    if (c < '1' || c > '9') {
      return false;
    }
    int j = decimalRun(s, i + 1);
    return j == n || sexagesimalEnd(s, j) == n;
  }

  /**
   * SnakeYAML's FLOAT: {@code [-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?}, {@code
   * [-+]?[0-9][0-9_]*[eE][-+]?[0-9]+}, {@code [-+]?\.[0-9_]+(?:[eE][-+]?[0-9]+)?}, {@code
   * [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*}, {@code [-+]?\.(?:inf|Inf|INF)} or {@code
   * \.(?:nan|NaN|NAN)}, over the whole value.
   */
  static boolean isFloat(String s) {
    int n = s.length();
    if (s.equals(".nan") || s.equals(".NaN") || s.equals(".NAN")) {
      return true;
    }
    int i = signEnd(s);
    if (i >= n) {
      return false;
    }
    char c = s.charAt(i);
    if (c == '.') {
      String rest = s.substring(i + 1);
      if (rest.equals("inf") || rest.equals("Inf") || rest.equals("INF")) {
        return true;
      }
      int j = decimalRun(s, i + 1);
      return j > i + 1 && (j == n || exponentToEnd(s, j));
    }
    if (!isDigit(c)) {
      return false;
    }
    int j = decimalRun(s, i + 1);
    if (j == n) {
      return false; // digits alone are an INT (or, with a leading 0 and an 8 or 9, a string)
    }
    char d = s.charAt(j);
    if (d == '.') {
      int k = decimalRun(s, j + 1);
      return k == n || exponentToEnd(s, k);
    }
    if (d == 'e' || d == 'E') {
      return exponentToEnd(s, j);
    }
    if (d == ':') {
      int k = sexagesimalEnd(s, j);
      return k > 0 && k < n && s.charAt(k) == '.' && decimalRun(s, k + 1) == n;
    }
    return false;
  }

  private static int signEnd(String s) {
    return !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The end of a run of [0-9_] starting at {@code from}. */
  private static int decimalRun(String s, int from) {
    int j = from;
    while (j < s.length() && (isDigit(s.charAt(j)) || s.charAt(j) == '_')) {
      j++;
    }
    return j;
  }

  /** {@code _*D[D_]*} to the end of {@code s}, D a digit of {@code radix} (2, 8 or 16). */
  private static boolean digitsToEnd(String s, int from, int radix) {
    int n = s.length();
    int j = from;
    while (j < n && s.charAt(j) == '_') {
      j++;
    }
    if (j == n || !isRadixDigit(s.charAt(j), radix)) {
      return false;
    }
    for (j++; j < n; j++) {
      char c = s.charAt(j);
      if (c != '_' && !isRadixDigit(c, radix)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isRadixDigit(char c, int radix) {
    return switch (radix) {
      case 2 -> c == '0' || c == '1';
      case 8 -> c >= '0' && c <= '7';
      default -> isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    };
  }

  /**
   * The end of one or more {@code :[0-5]?[0-9]} groups from {@code from}, or -1 when there is none.
   * A group takes two digits when it can: one digit followed by another can end no group.
   */
  private static int sexagesimalEnd(String s, int from) {
    int n = s.length();
    int j = from;
    int groups = 0;
    while (j < n && s.charAt(j) == ':') {
      if (j + 1 >= n || !isDigit(s.charAt(j + 1))) {
        return -1;
      }
      char first = s.charAt(j + 1);
      if (j + 2 < n && isDigit(s.charAt(j + 2))) {
        if (first > '5') {
          return -1;
        }
        j += 3;
      } else {
        j += 2;
      }
      groups++;
    }
    return groups == 0 ? -1 : j;
  }

  /** {@code [eE][-+]?[0-9]+} from {@code from} to the end. */
  private static boolean exponentToEnd(String s, int from) {
    int n = s.length();
    int j = from;
    if (j >= n || (s.charAt(j) != 'e' && s.charAt(j) != 'E')) {
      return false;
    }
    j++;
    if (j < n && (s.charAt(j) == '-' || s.charAt(j) == '+')) {
      j++;
    }
    if (j == n) {
      return false;
    }
    for (; j < n; j++) {
      if (!isDigit(s.charAt(j))) {
        return false;
      }
    }
    return true;
  }

  /** A value Jackson refuses while reading it: its words; the reader adds the place. */
  static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    /** Jackson's StreamReadConstraints refused an integer of this many digits (0: not that). */
    final int digits;

    Refusal(@Nullable String message) {
      super(message);
      this.digits = 0;
    }

    Refusal(int digits) {
      super("integer too long");
      this.digits = digits;
    }
  }

  /**
   * The type Jackson's YAMLParser gives a scalar ({@code _decodeScalar}), or null where it ends the
   * input instead (a tagged {@code !!int} of just a sign).
   *
   * @param tag the scalar's tag as SnakeYAML reports it (null or {@code !} when untagged)
   * @param plain whether the scalar was written plain (unquoted), so implicitly typed
   * @throws Refusal where Jackson refuses the value (a malformed number, bad base64)
   */
  static @Nullable ScalarType type(String value, @Nullable String tag, boolean plain)
      throws Refusal {
    if (value.isEmpty()) {
      return ScalarType.STRING; // Jackson as the reader configures it: before any tag is read
    }
    if (tag == null || tag.equals("!")) {
      return switch (resolve(value, plain)) {
        case INT -> number(value);
        case FLOAT -> ScalarType.DECIMAL;
        case BOOL -> bool(value) != null ? ScalarType.BOOLEAN : ScalarType.STRING;
        case NULL -> ScalarType.NULL;
        case OTHER -> ScalarType.STRING;
      };
    }
    String typeTag = tag;
    if (typeTag.startsWith(CORE)) {
      typeTag = typeTag.substring(CORE.length());
      int comma = typeTag.indexOf(',');
      if (comma >= 0) {
        typeTag = typeTag.substring(0, comma); // Jackson keeps the first of split(",")
      }
    }
    return switch (typeTag) {
      case "binary" -> {
        JsonTokens.checkBase64(value.trim());
        yield ScalarType.STRING; // decoded, then refused by the tree as an unknown tag
      }
      case "bool" -> bool(value) != null ? ScalarType.BOOLEAN : ScalarType.STRING;
      case "int" -> number(value);
      case "float" -> ScalarType.DECIMAL;
      case "null" -> ScalarType.NULL;
      default -> ScalarType.STRING; // any other tag: refused by the tree
    };
  }

  /** Jackson's {@code _matchYAMLBoolean} with its default (YAML 1.1 words are booleans). */
  static @Nullable Boolean bool(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    return switch (value.length()) {
      case 1 ->
          switch (value.charAt(0)) {
            case 'y', 'Y' -> Boolean.TRUE;
            case 'n', 'N' -> Boolean.FALSE;
            default -> null;
          };
      case 2 -> lower.equals("no") ? Boolean.FALSE : lower.equals("on") ? Boolean.TRUE : null;
      case 3 -> lower.equals("yes") ? Boolean.TRUE : lower.equals("off") ? Boolean.FALSE : null;
      case 4 -> lower.equals("true") ? Boolean.TRUE : null;
      case 5 -> lower.equals("false") ? Boolean.FALSE : null;
      default -> null;
    };
  }

  /** Jackson's {@code _decodeNumberScalar}: an integer, a string, or null for a bare sign. */
  static @Nullable ScalarType number(String value) throws Refusal {
    int len = value.length();
    int i = 0;
    char ch = value.charAt(0);
    if (ch == '-') {
      i = 1;
    } else if (ch == '+') {
      if (len == 1) {
        return null;
      }
      i = 1;
    }
    if (len == i) {
      return null;
    }
    if (value.charAt(i) == '0') {
      if (++i == len) {
        return ScalarType.INTEGER;
      }
      return switch (value.charAt(i)) {
        case 'b', 'B' -> radix(value, i + 1, 2, 31, 63);
        case 'x', 'X' -> radix(value, i + 1, 16, 7, 15);
        case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '_' -> radix(value, i, 8, 10, 21);
        default -> ScalarType.STRING;
      };
    }
    boolean underscores = false;
    while (true) {
      char c = value.charAt(i);
      if (c > '9' || c < '0') {
        if (c == '_') {
          underscores = true;
        } else {
          return ScalarType.STRING;
        }
      }
      if (++i == len) {
        if (underscores) {
          String cleaned = value.substring(value.charAt(0) == '+' ? 1 : 0).replace("_", "");
          if (cleaned.isEmpty() || cleaned.equals("-")) {
            throw new Refusal(String.format(Locale.ROOT, "Invalid number ('%s')", value));
          }
        }
        return ScalarType.INTEGER;
      }
    }
  }

  /**
   * Jackson's binary, octal and hex decoding: an int up to {@code intDigits} digits, a long up to
   * {@code longDigits}, else a BigInteger after the length check.
   */
  private static ScalarType radix(String value, int from, int base, int intDigits, int longDigits)
      throws Refusal {
    String digits = value.substring(from).replace("_", "");
    try {
      if (digits.length() <= intDigits) {
        Integer.parseInt(digits, base);
      } else if (digits.length() <= longDigits) {
        Long.parseLong(digits, base);
      } else {
        if (digits.length() > JSON_MAX_NUMBER_LENGTH) {
          throw new Refusal(digits.length());
        }
        new BigInteger(digits, base);
      }
    } catch (NumberFormatException e) {
      throw new Refusal(
          String.format(
              Locale.ROOT,
              "Invalid base-%d number ('%s'), problem: %s",
              base,
              digits,
              e.getMessage()));
    }
    return ScalarType.INTEGER;
  }

  /** The longest integer Jackson reads ({@code StreamReadConstraints.maxNumberLength}). */
  static final int JSON_MAX_NUMBER_LENGTH = 100;
}
