package sgsf.io.workspace;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import sgsf.io.AtomicFiles;
import sgsf.io.Json;

/**
 * Small JSON documents (workspace manifests, settings) read and written with Jackson. Writes are
 * atomic: the document goes to a temporary file in the same folder, which then replaces the target,
 * so a crash never leaves a half-written file behind.
 */
public final class JsonFiles {
  private static final ObjectMapper MAPPER = Json.mapper();

  private JsonFiles() {}

  /**
   * Reads {@code file} as a {@code type}.
   *
   * @throws IOException naming the file and the problem (missing, unreadable, not valid JSON)
   */
  public static <T> T read(Path file, Class<T> type) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "file does not exist");
    }
    try {
      T value = MAPPER.readValue(bytes, type);
      if (value == null) {
        throw new IOException(file + ": file is empty");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new IOException(
          file
              + ": not a valid "
              + type.getSimpleName()
              + " document ("
              + e.getOriginalMessage()
              + ")",
          e);
    }
  }

  /** Writes {@code value} as JSON to {@code file} atomically, creating parent folders. */
  public static void write(Path file, Object value) throws IOException {
    AtomicFiles.write(
        file,
        out ->
            MAPPER
                .writerWithDefaultPrettyPrinter()
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, value));
  }
}
