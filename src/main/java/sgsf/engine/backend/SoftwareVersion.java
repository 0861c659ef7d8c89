package sgsf.engine.backend;

/** The workbench version, from the jar manifest (or "dev" when run from classes). */
public final class SoftwareVersion {
  private SoftwareVersion() {}

  public static String get() {
    String v = SoftwareVersion.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
