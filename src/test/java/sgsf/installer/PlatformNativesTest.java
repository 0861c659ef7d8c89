package sgsf.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installer's build step installer/build/PlatformNatives.java, run as the build runs it (a
 * separate JVM), on jars laid out like the real multi-platform ones: OpenCV (org.openpnp),
 * sqlite-jdbc, JNA, JavaCPP/ND4J classifier jars and JavaFX's per-platform jars.
 */
class PlatformNativesTest {
  private static final Path SOURCE = Path.of("installer", "build", "PlatformNatives.java");

  @TempDir static Path classes;
  @TempDir Path dir;

  @BeforeAll
  static void compileTheBuildStep() {
    int rc =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", classes.toString(), SOURCE.toString());
    assertThat(rc).as("javac " + SOURCE).isZero();
  }

  @Test
  void stagingForLinuxKeepsOnlyLinuxX8664NativesAndSplitsOffJavaFx() throws Exception {
    Path lib = fakeLibDir();
    Path input = dir.resolve("input");
    Path modules = dir.resolve("javafx");

    Result r = run("stage", lib, input, modules, "linux-x86_64");

    assertThat(r.exit).as(r.output).isZero();
    assertThat(names(input))
        .containsExactly(
            "jna-4.3.0.jar",
            "nd4j-native-1.0.0-M2.1-linux-x86_64-onednn-avx2.jar",
            "openblas-0.3.19-1.5.7-linux-x86_64.jar",
            "opencv-4.9.0-0.jar",
            "picocli-4.7.6.jar",
            "sqlite-jdbc-3.47.1.0.jar");
    assertThat(names(modules)).containsExactly("javafx-graphics-21.0.8-linux.jar");
    assertThat(entries(input.resolve("opencv-4.9.0-0.jar")))
        .containsExactly(
            "nu/pattern/OpenCV.class",
            "nu/pattern/opencv/linux/x86_64/README.md",
            "nu/pattern/opencv/linux/x86_64/libopencv_java490.so",
            "nu/pattern/opencv/osx/x86_64/README.md",
            "org/opencv/core/Mat.class");
    assertThat(entries(input.resolve("sqlite-jdbc-3.47.1.0.jar")))
        .containsExactly(
            "org/sqlite/JDBC.class", "org/sqlite/native/Linux/x86_64/libsqlitejdbc.so");
    assertThat(entries(input.resolve("jna-4.3.0.jar")))
        .containsExactly("com/sun/jna/Native.class", "com/sun/jna/linux-x86-64/libjnidispatch.so");
    // jars with nothing to strip are copied byte for byte
    assertThat(input.resolve("nd4j-native-1.0.0-M2.1-linux-x86_64-onednn-avx2.jar"))
        .hasSameBinaryContentAs(lib.resolve("nd4j-native-1.0.0-M2.1-linux-x86_64-onednn-avx2.jar"));
    assertThat(r.output)
        .contains("left out (other platform): openblas-0.3.19-1.5.7-windows-x86_64.jar")
        .contains("left out (other platform): javacpp-1.5.7-android-arm.jar")
        .contains("stripped 6 native libraries of other platforms from opencv-4.9.0-0.jar");

    Result check = run("check", input, "linux-x86_64");
    assertThat(check.exit).as(check.output).isZero();
  }

  @Test
  void stagingForWindowsKeepsTheWindowsNativesInstead() throws Exception {
    Path lib = fakeLibDir();
    Path input = dir.resolve("input");
    Path modules = dir.resolve("javafx");

    Result r = run("stage", lib, input, modules, "windows-x86_64");

    assertThat(r.exit).as(r.output).isZero();
    assertThat(names(input))
        .contains("openblas-0.3.19-1.5.7-windows-x86_64.jar")
        .doesNotContain(
            "openblas-0.3.19-1.5.7-linux-x86_64.jar",
            "nd4j-native-1.0.0-M2.1-linux-x86_64-onednn-avx2.jar");
    assertThat(names(modules)).containsExactly("javafx-graphics-21.0.8-win.jar");
    assertThat(entries(input.resolve("opencv-4.9.0-0.jar")))
        .filteredOn(e -> !e.endsWith(".class") && !e.endsWith(".md"))
        .containsExactly("nu/pattern/opencv/windows/x86_64/opencv_java490.dll");
    assertThat(entries(input.resolve("jna-4.3.0.jar")))
        .contains("com/sun/jna/win32-x86-64/jnidispatch.dll")
        .doesNotContain("com/sun/jna/win32-x86/jnidispatch.dll");
  }

  @Test
  void stagingFromAClassPathListIgnoresJarsNotOnIt() throws Exception {
    Path lib = fakeLibDir();
    Path list = dir.resolve("runtime-jars.txt");
    // what the build writes from Maven's runtime class path: jars and the classes folder
    Files.write(
        list,
        List.of(
            dir.resolve("classes").toString(),
            lib.resolve("picocli-4.7.6.jar").toString(),
            lib.resolve("opencv-4.9.0-0.jar").toString(),
            lib.resolve("javafx-graphics-21.0.8-linux.jar").toString()));
    Path input = dir.resolve("input");
    Path modules = dir.resolve("javafx");

    Result r = run("stage", "@" + list, input, modules, "linux-x86_64");

    assertThat(r.exit).as(r.output).isZero();
    assertThat(names(input)).containsExactly("opencv-4.9.0-0.jar", "picocli-4.7.6.jar");
    assertThat(names(modules)).containsExactly("javafx-graphics-21.0.8-linux.jar");
  }

  @Test
  void checkFailsNamingEveryForeignNativeLibrary() throws Exception {
    Path lib = fakeLibDir();

    Result r = run("check", lib, "linux-x86_64");

    assertThat(r.exit).isEqualTo(1);
    assertThat(r.output)
        .contains("opencv-4.9.0-0.jar!/nu/pattern/opencv/windows/x86_64/opencv_java490.dll")
        .contains("sqlite-jdbc-3.47.1.0.jar!/org/sqlite/native/Linux-Musl/x86_64/libsqlitejdbc.so")
        .contains("jna-4.3.0.jar!/com/sun/jna/aix-ppc64/libjnidispatch.a")
        .contains("openblas-0.3.19-1.5.7-windows-x86_64.jar")
        .contains("javacpp-1.5.7-android-arm.jar!/lib/armeabi-v7a/libjnijavacpp.so")
        .doesNotContain("opencv-4.9.0-0.jar!/nu/pattern/opencv/linux/x86_64/")
        .doesNotContain("libnd4jcpu.so")
        .doesNotContain("libglass.so");
  }

  /** A lib folder like target/lib, with the native layouts of the real jars. */
  private Path fakeLibDir() throws IOException {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    jar(
        lib.resolve("opencv-4.9.0-0.jar"),
        "nu/pattern/OpenCV.class",
        "org/opencv/core/Mat.class",
        "nu/pattern/opencv/linux/x86_64/README.md",
        "nu/pattern/opencv/linux/x86_64/libopencv_java490.so",
        "nu/pattern/opencv/linux/ARMv7/libopencv_java490.so",
        "nu/pattern/opencv/linux/ARMv8/libopencv_java490.so",
        "nu/pattern/opencv/osx/x86_64/README.md",
        "nu/pattern/opencv/osx/x86_64/libopencv_java490.dylib",
        "nu/pattern/opencv/osx/ARMv8/libopencv_java490.dylib",
        "nu/pattern/opencv/windows/x86_32/opencv_java490.dll",
        "nu/pattern/opencv/windows/x86_64/opencv_java490.dll");
    jar(
        lib.resolve("sqlite-jdbc-3.47.1.0.jar"),
        "org/sqlite/JDBC.class",
        "org/sqlite/native/Linux/x86_64/libsqlitejdbc.so",
        "org/sqlite/native/Linux/x86/libsqlitejdbc.so",
        "org/sqlite/native/Linux/aarch64/libsqlitejdbc.so",
        "org/sqlite/native/Linux-Musl/x86_64/libsqlitejdbc.so",
        "org/sqlite/native/Linux-Android/x86_64/libsqlitejdbc.so",
        "org/sqlite/native/FreeBSD/x86_64/libsqlitejdbc.so",
        "org/sqlite/native/Mac/aarch64/libsqlitejdbc.dylib",
        "org/sqlite/native/Windows/x86_64/sqlitejdbc.dll");
    jar(
        lib.resolve("jna-4.3.0.jar"),
        "com/sun/jna/Native.class",
        "com/sun/jna/linux-x86-64/libjnidispatch.so",
        "com/sun/jna/linux-x86/libjnidispatch.so",
        "com/sun/jna/linux-ppc64le/libjnidispatch.so",
        "com/sun/jna/aix-ppc64/libjnidispatch.a",
        "com/sun/jna/darwin/libjnidispatch.jnilib",
        "com/sun/jna/win32-x86/jnidispatch.dll",
        "com/sun/jna/win32-x86-64/jnidispatch.dll");
    jar(
        lib.resolve("nd4j-native-1.0.0-M2.1-linux-x86_64-onednn-avx2.jar"),
        "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-onednn-avx2/libnd4jcpu.so",
        "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-onednn-avx2/libgomp.so.1");
    jar(
        lib.resolve("openblas-0.3.19-1.5.7-linux-x86_64.jar"),
        "org/bytedeco/openblas/linux-x86_64/libopenblas.so.0");
    jar(
        lib.resolve("openblas-0.3.19-1.5.7-windows-x86_64.jar"),
        "org/bytedeco/openblas/windows-x86_64/libopenblas.dll");
    jar(
        lib.resolve("javacpp-1.5.7-android-arm.jar"),
        "META-INF/MANIFEST.MF",
        "lib/armeabi-v7a/libjnijavacpp.so");
    jar(lib.resolve("picocli-4.7.6.jar"), "picocli/CommandLine.class");
    jar(lib.resolve("javafx-graphics-21.0.8.jar"), "META-INF/MANIFEST.MF");
    jar(lib.resolve("javafx-graphics-21.0.8-linux.jar"), "libglass.so", "javafx/stage/Stage.class");
    jar(lib.resolve("javafx-graphics-21.0.8-win.jar"), "glass.dll", "javafx/stage/Stage.class");
    return lib;
  }

  private static void jar(Path path, String... entries) throws IOException {
    try (OutputStream out = Files.newOutputStream(path);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String e : entries) {
        zip.putNextEntry(new ZipEntry(e));
        zip.write(("content of " + e).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> entries(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return new ArrayList<>(new TreeSet<>(zip.stream().map(ZipEntry::getName).toList()));
    }
  }

  private record Result(int exit, String output) {}

  private static Result run(Object... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(classes.toString());
    cmd.add("PlatformNatives");
    for (Object a : args) {
      cmd.add(a.toString());
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }
}
