package sgsf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM that runs one of the project's main classes on the test class
 * path, with the test run's homes: tests that start the real program in a process of its own (to
 * kill it or send it a signal) keep it away from the user's home just as the test JVM is.
 */
public final class ChildJvm {
  /** The properties surefire sets to keep the program's files under target/test-home. */
  private static final List<String> TEST_HOME_PROPERTIES =
      List.of(
          "user.home",
          "sgsf.demo.dir",
          "sgsf.config.dir",
          "sgsf.log.dir",
          "org.bytedeco.javacpp.cachedir");

  private ChildJvm() {}

  /** {@code java -Xmx<heap> -cp <test class path> -D<test homes> mainClass args...}. */
  public static List<String> command(String heap, String mainClass, String... args) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-cp",
                System.getProperty("java.class.path")));
    for (String p : TEST_HOME_PROPERTIES) {
      if (System.getProperty(p) != null) {
        cmd.add("-D" + p + "=" + System.getProperty(p));
      }
    }
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    return cmd;
  }
}
