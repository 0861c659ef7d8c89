package sgsf.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one Jackson configuration the workbench reads and writes its JSON with (model bundles,
 * workspaces, reports, the CLI's {@code --json} output); {@code ArchitectureTest} keeps other
 * classes from making their own {@code ObjectMapper}. Unknown properties are ignored so that files
 * written by a newer version still load. Never reconfigure the shared mapper: derive a writer or
 * reader ({@code mapper().writerWithDefaultPrettyPrinter()}) instead.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
          // forging configurations written flat, before ForgeConfig was grouped, still load
          .registerModule(ForgeConfigUpgrade.module());

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
