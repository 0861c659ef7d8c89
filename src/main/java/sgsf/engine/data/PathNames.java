package sgsf.engine.data;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * File names as text that loses nothing, and back. A name whose bytes are not valid UTF-8 (possible
 * on Linux) decodes in Java to replacement characters, so two such names can print the same and the
 * printed name opens no file. Here, on file systems whose separator is {@code /}, each byte that is
 * not part of valid UTF-8 is written as {@code \xNN} (two hex digits) and every backslash as {@code
 * \\}, so the text is unambiguous and {@link #path} turns it back into the same file. Names without
 * bytes to escape and without a backslash are returned unchanged, as are all names on Windows
 * (whose names are always valid Unicode and whose separator is the backslash).
 */
public final class PathNames {
  private PathNames() {}

  /** The path as lossless text (see the class comment). */
  public static String lossless(Path path) {
    String text = path.toString();
    if (!escapes(path) || (text.indexOf('\uFFFD') < 0 && text.indexOf('\\') < 0)) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 8);
    if (path.isAbsolute()) {
      b.append('/');
    }
    for (int i = 0; i < path.getNameCount(); i++) {
      if (i > 0) {
        b.append('/');
      }
      b.append(escape(rawBytes(path.getName(i))));
    }
    return b.toString();
  }

  /**
   * The path that {@link #lossless} wrote as {@code text}.
   *
   * @throws IllegalArgumentException when an escape is malformed
   */
  public static Path path(String text) {
    Path plain = Path.of(text);
    if (!escapes(plain) || text.indexOf('\\') < 0) {
      return plain;
    }
    StringBuilder uri = new StringBuilder(text.length() * 3 + 8).append("file://");
    if (!text.startsWith("/")) {
      uri.append(Path.of("").toAbsolutePath().toUri().getRawPath());
    }
    byte[] bytes = unescape(text);
    for (byte v : bytes) {
      int u = v & 0xff;
      if ((u >= 'a' && u <= 'z')
          || (u >= 'A' && u <= 'Z')
          || (u >= '0' && u <= '9')
          || u == '/'
          || u == '.'
          || u == '-'
          || u == '_') {
        uri.append((char) u);
      } else {
        uri.append('%').append(String.format(Locale.ROOT, "%02X", u));
      }
    }
    Path absolute = Path.of(URI.create(uri.toString()));
    return text.startsWith("/") ? absolute : Path.of("").toAbsolutePath().relativize(absolute);
  }

  /** Whether names on this path's file system are escaped at all (not on Windows). */
  private static boolean escapes(Path path) {
    return path.getFileSystem().getSeparator().equals("/");
  }

  private static byte[] unescape(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[utf8.length];
    int n = 0;
    for (int i = 0; i < utf8.length; i++) {
      if (utf8[i] != '\\') {
        out[n++] = utf8[i];
      } else if (i + 1 < utf8.length && utf8[i + 1] == '\\') {
        out[n++] = '\\';
        i++;
      } else if (i + 3 < utf8.length && utf8[i + 1] == 'x') {
        out[n++] =
            (byte) HexFormat.fromHexDigits(new String(utf8, i + 2, 2, StandardCharsets.US_ASCII));
        i += 3;
      } else {
        throw new IllegalArgumentException(
            "not a name written by PathNames.lossless (a lone backslash): " + text);
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The bytes of one name element as the file system holds them (via its URI's raw path). */
  private static byte[] rawBytes(Path element) {
    Path root = element.getFileSystem().getRootDirectories().iterator().next();
    String raw = root.resolve(element).toUri().getRawPath();
    int start = raw.lastIndexOf('/', raw.length() - 2) + 1;
    int end = raw.endsWith("/") ? raw.length() - 1 : raw.length();
    String encoded = raw.substring(start, end);
    byte[] out = new byte[encoded.length()];
    int n = 0;
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%' && i + 2 < encoded.length()) {
        out[n++] = (byte) HexFormat.fromHexDigits(encoded, i + 1, i + 3);
        i += 2;
      } else {
        out[n++] = (byte) c;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static String escape(byte[] bytes) {
    StringBuilder b = new StringBuilder(bytes.length + 8);
    CharsetDecoder strict =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    int i = 0;
    while (i < bytes.length) {
      int len = sequenceLength(bytes[i]);
      String ch = null;
      if (len > 0 && i + len <= bytes.length) {
        try {
          CharBuffer cb = strict.decode(ByteBuffer.wrap(bytes, i, len));
          ch = cb.toString();
        } catch (CharacterCodingException e) {
          ch = null;
        }
      }
      if (ch == null) {
        b.append(String.format(Locale.ROOT, "\\x%02X", bytes[i] & 0xff));
        i++;
      } else {
        b.append(ch.equals("\\") ? "\\\\" : ch);
        i += len;
      }
    }
    return b.toString();
  }

  /** The length of the UTF-8 sequence a lead byte starts, 0 when it cannot lead one. */
  private static int sequenceLength(byte lead) {
    int u = lead & 0xff;
    if (u < 0x80) {
      return 1;
    }
    if (u >= 0xC2 && u <= 0xDF) {
      return 2;
    }
    if (u >= 0xE0 && u <= 0xEF) {
      return 3;
    }
    if (u >= 0xF0 && u <= 0xF4) {
      return 4;
    }
    return 0;
  }
}
