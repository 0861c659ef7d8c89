package sgsf.installer;

/**
 * Main class of the installed launchers ({@code sgsf-workbench} and {@code sgsf}): expands a
 * leading {@code ~} in the JVM's system properties to the user's home folder, then runs {@link
 * sgsf.app.Main}. JDK 17's jpackage launcher expands only {@code $APPDIR}, {@code $BINDIR} and
 * {@code $ROOTDIR} in its JVM options, so per-user folders such as JavaCPP's native cache ({@code
 * -Dorg.bytedeco.javacpp.cachedir=~/.cache/sgsf-workbench/javacpp}) are written with {@code ~} in
 * installer/jpackage/*.args and resolved here. Built only by the installer profile.
 */
public final class InstalledLauncher {
  private InstalledLauncher() {}

  public static void main(String[] args) {
    String home = System.getProperty("user.home");
    for (String key : System.getProperties().stringPropertyNames()) {
      String value = System.getProperty(key);
      if (value.equals("~") || value.startsWith("~/")) {
        System.setProperty(key, home + value.substring(1));
      }
    }
    sgsf.app.Main.main(args);
  }
}
