package org.corridor.interop;

import java.util.Map;
import java.util.TreeMap;

/** Just enough JSON output for the test to read the program's lines. */
final class Json {
  private Json() {}

  static String string(String value) {
    if (value == null) return "null";
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    return out.append('"').toString();
  }

  static String array(java.util.List<String> values) {
    StringBuilder out = new StringBuilder("[");
    for (String value : values) {
      if (out.length() > 1) out.append(',');
      out.append(string(value));
    }
    return out.append(']').toString();
  }

  static String object(Map<String, String> values) {
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<String, String> entry : new TreeMap<>(values).entrySet()) {
      if (out.length() > 1) out.append(',');
      out.append(string(entry.getKey())).append(':').append(string(entry.getValue()));
    }
    return out.append('}').toString();
  }
}
