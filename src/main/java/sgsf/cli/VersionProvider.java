package sgsf.cli;

import picocli.CommandLine.IVersionProvider;
import sgsf.engine.backend.SoftwareVersion;

/** Prints the workbench version for {@code --version}. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"sgsf-workbench " + SoftwareVersion.get()};
  }
}
