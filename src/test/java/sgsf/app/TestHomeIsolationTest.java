package sgsf.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;
import sgsf.engine.data.DemoDataset;
import sgsf.ui.MainViewModel;
import sgsf.ui.SettingsStore;
import sgsf.ui.WorkbenchLog;

/**
 * Every place the program writes by default (settings, logs, demo data, the first workspace,
 * JavaCPP's native cache) and the home a child process sees resolve under the build's test home (or
 * a temporary folder a test made), never under the user's real home: the build (pom.xml, surefire)
 * sets the homes, this test holds it to them.
 */
class TestHomeIsolationTest {
  @Test
  void everyDefaultLocationIsUnderTheTestHome() throws java.io.IOException {
    String demo = System.getProperty("sgsf.demo.dir");
    assumeTrue(
        demo != null, "not run by the Maven build (no sgsf.demo.dir): no test home to check");
    Path testHome = Path.of(demo).toAbsolutePath().getParent();
    assertThat(testHome.getFileName().toString()).isEqualTo("test-home");
    Map<String, Path> locations =
        Map.of(
            "user.home", Path.of(System.getProperty("user.home")),
            "settings", SettingsStore.defaultConfigDir(),
            "logs", WorkbenchLog.defaultDir(),
            "demo data", DemoDataset.defaultCacheDir(),
            "first workspace", MainViewModel.defaultWorkspaceDir(),
            "JavaCPP cache", Loader.getCacheDir().toPath());
    // GUI tests point settings and logs at temporary folders of their own: those are fine too
    Path temp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
    locations.forEach(
        (what, where) -> {
          Path p = where.toAbsolutePath().normalize();
          assertThat(p.startsWith(testHome) || p.startsWith(temp))
              .as(what + " at " + p + ": neither under " + testHome + " nor under " + temp)
              .isTrue();
        });
    for (String env : new String[] {"HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"}) {
      assertThat(System.getenv(env)).as(env).isNotNull();
      assertThat(Path.of(System.getenv(env)).toAbsolutePath().normalize())
          .as(env)
          .startsWithRaw(testHome);
    }
  }
}
