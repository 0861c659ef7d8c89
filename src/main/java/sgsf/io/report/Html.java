package sgsf.io.report;

import java.util.Locale;

/** Small helpers for well-formed (XML-parsable) HTML. */
final class Html {
  private Html() {}

  /** Escapes text and double-quoted attribute values. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            b.append(' ');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** A number for SVG coordinates: two decimals, no locale surprises. */
  static String num(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
