package sgsf.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The workbench's class path holds nothing of Apache Spark: the Spark jobs are built by the {@code
 * spark} Maven profile only (with Spark in provided scope), so {@code sgsf} starts as fast as
 * before. The installer's smoke test checks the app-image's lib folder the same way.
 */
class DesktopClasspathTest {
  @Test
  void noSparkClassIsOnTheDesktopClassPath() {
    assumeFalse(
        Boolean.getBoolean("sgsf.spark.profile"),
        "built with -Pspark: Spark is on the test class path by design");
    assertThat(
            DesktopClasspathTest.class
                .getClassLoader()
                .getResource("org/apache/spark/SparkContext.class"))
        .as("a Spark class on the desktop class path")
        .isNull();
    List<String> sparkJars =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(entry -> Path.of(entry).getFileName().toString())
            .filter(name -> name.matches("(spark|scala|hadoop)-.*\\.jar"))
            .toList();
    assertThat(sparkJars).as("Spark, Scala or Hadoop jars on the desktop class path").isEmpty();
  }
}
