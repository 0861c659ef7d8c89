import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build step of the installer profile (run as a single-file program, {@code java
 * PlatformNatives.java ...}): keeps only one platform's native libraries in what jpackage packs.
 *
 * <ul>
 *   <li>{@code stage LIB_DIR INPUT_LIB_DIR MODULE_DIR PLATFORM}: copies the runtime jars of LIB_DIR
 *       for jpackage. JavaFX jars of the platform go to MODULE_DIR (jpackage's module path); JavaFX
 *       placeholder jars and jars classified for another platform (e.g. {@code
 *       *-windows-x86_64.jar}) are left out; every other jar goes to INPUT_LIB_DIR, rewritten
 *       without the native libraries of other platforms (OpenCV, sqlite-jdbc, JNA and JLine ship
 *       all platforms' libraries in one jar).
 *   <li>{@code check DIR PLATFORM}: fails (exit 1) if any jar or file under DIR holds a native
 *       library of another platform. Run on the finished app-image.
 * </ul>
 *
 * PLATFORM is {@code linux-x86_64}, {@code windows-x86_64}, {@code macosx-x86_64} or {@code
 * macosx-arm64} (JavaCPP's names).
 */
public final class PlatformNatives {
  private static final Pattern NATIVE =
      Pattern.compile("(?i).*\\.(so(\\.\\d+)*|dll|dylib|jnilib|a)$");

  /** Operating system names as they appear in jar paths and classifiers, most specific first. */
  private static final String[][] OS_TOKENS = {
    {"android", "android"},
    {"musl", "musl"},
    {"freebsd", "freebsd"},
    {"aix", "aix"},
    {"ios", "ios"},
    {"sunos", "solaris"},
    {"solaris", "solaris"},
    {"windows", "windows"},
    {"win32", "windows"},
    {"win64", "windows"},
    {"win", "windows"},
    {"macosx", "macosx"},
    {"osx", "macosx"},
    {"mac", "macosx"},
    {"darwin", "macosx"},
    {"linux", "linux"},
  };

  /** Architecture names, most specific first ("x86_64" before "x86", "arm64" before "arm"). */
  private static final String[][] ARCH_TOKENS = {
    {"arm64-v8a", "arm64"}, // Android ABI folder names
    {"armeabi-v7a", "arm"},
    {"armeabi", "arm"},
    {"x86_64", "x86_64"},
    {"x86-64", "x86_64"},
    {"amd64", "x86_64"},
    {"aarch64", "arm64"},
    {"arm64", "arm64"},
    {"armv8", "arm64"},
    {"armhf", "arm"},
    {"armv7", "arm"},
    {"armv6", "arm"},
    {"arm", "arm"},
    {"ppc64le", "ppc"},
    {"ppc64", "ppc"},
    {"ppc", "ppc"},
    {"riscv64", "riscv"},
    {"s390x", "s390x"},
    {"mips64el", "mips"},
    {"x86_32", "x86"},
    {"i386", "x86"},
    {"i686", "x86"},
    {"x86", "x86"},
  };

  /** A bytedeco-style platform classifier at the end of a jar name: {@code -linux-x86_64.jar}. */
  private static final Pattern JAR_CLASSIFIER =
      Pattern.compile(
          "-(linux|windows|macosx|android|ios)-(x86_64|x86|arm64|armhf|arm|ppc64le)"
              + "(-[a-z0-9-]+)?\\.jar$");

  private final String os;
  private final String arch;

  private PlatformNatives(String platform) {
    int dash = platform.indexOf('-');
    if (dash < 0) {
      throw new IllegalArgumentException("platform must look like linux-x86_64: " + platform);
    }
    this.os = platform.substring(0, dash);
    this.arch = platform.substring(dash + 1);
  }

  public static void main(String[] args) throws IOException {
    if (args.length == 5 && args[0].equals("stage")) {
      new PlatformNatives(args[4]).stage(args[1], Path.of(args[2]), Path.of(args[3]));
    } else if (args.length == 3 && args[0].equals("check")) {
      List<String> foreign = new PlatformNatives(args[2]).check(Path.of(args[1]));
      if (!foreign.isEmpty()) {
        System.err.println("Native libraries of other platforms than " + args[2] + ":");
        foreign.forEach(f -> System.err.println("  " + f));
        System.exit(1);
      }
      System.out.println("natives check: only " + args[2] + " native libraries under " + args[1]);
    } else {
      System.err.println(
          "usage: PlatformNatives stage LIB_DIR|@LIST_FILE INPUT_LIB_DIR MODULE_DIR PLATFORM\n"
              + "       PlatformNatives check DIR PLATFORM");
      System.exit(2);
    }
  }

  private void stage(String libs, Path inputLib, Path moduleDir) throws IOException {
    Files.createDirectories(inputLib);
    Files.createDirectories(moduleDir);
    long before = 0;
    long after = 0;
    for (Path jar : jars(libs)) {
      String name = jar.getFileName().toString();
      long size = Files.size(jar);
      before += size;
      if (name.startsWith("javafx-")) {
        if (isJavaFxOfThisPlatform(name)) {
          Files.copy(jar, moduleDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
          after += size;
        }
        continue;
      }
      if (isJarOfOtherPlatform(name)) {
        System.out.println("left out (other platform): " + name);
        continue;
      }
      Path target = inputLib.resolve(name);
      int dropped = copyWithoutForeignNatives(jar, target);
      if (dropped > 0) {
        System.out.printf(
            "stripped %d native libraries of other platforms from %s: %.1f MB -> %.1f MB%n",
            dropped, name, size / 1e6, Files.size(target) / 1e6);
      }
      after += Files.size(target);
    }
    System.out.printf("staged jars: %.1f MB (from %.1f MB)%n", after / 1e6, before / 1e6);
  }

  private List<String> check(Path dir) throws IOException {
    List<String> foreign = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String rel = dir.relativize(file).toString().replace('\\', '/');
        if (rel.endsWith(".jar")) {
          if (isJarOfOtherPlatform(file.getFileName().toString())) {
            foreign.add(rel);
          }
          try (ZipFile zip = new ZipFile(file.toFile())) {
            zip.stream()
                .map(ZipEntry::getName)
                .filter(n -> NATIVE.matcher(n).matches() && !isForThisPlatform(n))
                .forEach(n -> foreign.add(rel + "!/" + n));
          }
        } else if (NATIVE.matcher(rel).matches() && !isForThisPlatform(rel)) {
          foreign.add(rel);
        }
      }
    }
    return foreign;
  }

  /** The jars in a folder, or listed one per line in a file given as {@code @FILE}. */
  private static List<Path> jars(String libs) throws IOException {
    List<Path> paths;
    if (libs.startsWith("@")) {
      paths = Files.readAllLines(Path.of(libs.substring(1))).stream().map(Path::of).toList();
    } else {
      try (Stream<Path> s = Files.list(Path.of(libs))) {
        paths = s.toList();
      }
    }
    return paths.stream()
        .filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
        .sorted(Comparator.comparing(p -> p.getFileName().toString()))
        .toList();
  }

  /**
   * JavaFX publishes an empty placeholder jar and one jar per platform (classifiers {@code linux},
   * {@code linux-aarch64}, {@code win}, {@code mac}, {@code mac-aarch64}).
   */
  private boolean isJavaFxOfThisPlatform(String name) {
    String wanted =
        switch (os) {
          case "linux" -> "linux";
          case "windows" -> "win";
          case "macosx" -> "mac";
          default -> throw new IllegalArgumentException("unknown OS " + os);
        };
    if (arch.equals("arm64")) {
      wanted += "-aarch64";
    }
    return name.endsWith("-" + wanted + ".jar");
  }

  private boolean isJarOfOtherPlatform(String name) {
    Matcher m = JAR_CLASSIFIER.matcher(name);
    return m.find() && !(m.group(1).equals(os) && normaliseArch(m.group(2)).equals(arch));
  }

  private int copyWithoutForeignNatives(Path jar, Path target) throws IOException {
    List<String> dropped = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      zip.stream()
          .map(ZipEntry::getName)
          .filter(n -> NATIVE.matcher(n).matches() && !isForThisPlatform(n))
          .forEach(dropped::add);
      if (dropped.isEmpty()) {
        Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
        return 0;
      }
      Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp);
          ZipOutputStream zout = new ZipOutputStream(out)) {
        zip.stream()
            .filter(e -> !dropped.contains(e.getName()))
            .forEach(
                e -> {
                  try (InputStream in = zip.getInputStream(e)) {
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setTime(e.getTime());
                    zout.putNextEntry(copy);
                    in.transferTo(zout);
                    zout.closeEntry();
                  } catch (IOException ex) {
                    throw new UncheckedIOException(jar + ": " + e.getName(), ex);
                  }
                });
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return dropped.size();
  }

  /**
   * Whether a native library at this path (inside a jar or on disk) is for the target platform. A
   * path that names no OS and no architecture (e.g. JavaFX's libraries at the jar root, or the
   * jlink'ed runtime's own) counts as the target's; so does one naming the target OS without an
   * architecture (JNA's universal {@code darwin} library).
   */
  boolean isForThisPlatform(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    String ext = p.substring(p.lastIndexOf('.') + 1);
    boolean soName = p.matches(".*\\.so(\\.\\d+)*$");
    boolean extOk =
        switch (os) {
          case "linux" -> soName;
          case "windows" -> ext.equals("dll");
          case "macosx" -> ext.equals("dylib") || ext.equals("jnilib");
          default -> false;
        };
    if (!extOk) {
      return false;
    }
    String dirs = p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : "";
    String foundOs = find(dirs, OS_TOKENS);
    String foundArch = find(dirs, ARCH_TOKENS);
    return (foundOs == null || foundOs.equals(os)) && (foundArch == null || foundArch.equals(arch));
  }

  /** The first token found as a whole word in the path (words split at / - _ . and digits). */
  private static String find(String path, String[][] tokens) {
    for (String[] t : tokens) {
      String word = "(^|[/\\-_.])" + Pattern.quote(t[0]) + "($|[/\\-_.])";
      if (Pattern.compile(word, Pattern.CASE_INSENSITIVE).matcher(path).find()) {
        return t[1];
      }
    }
    return null;
  }

  private static String normaliseArch(String a) {
    String n = find(a, ARCH_TOKENS);
    return n == null ? a : n;
  }
}
