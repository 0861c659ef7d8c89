package sgsf.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingConfigTest {
  /** ND4J's "Duplicate TF op mapping" warnings on every CLI start are silenced, nothing else. */
  @Test
  void nd4jsTensorFlowImportTableKeepsQuietButOtherWarningsShow() {
    Logger mapping =
        (Logger) LoggerFactory.getLogger("org.nd4j.imports.converters.ImportClassMapping");
    assertThat(mapping.getEffectiveLevel()).isEqualTo(Level.ERROR);
    Logger nd4j = (Logger) LoggerFactory.getLogger("org.nd4j.linalg.factory.Nd4j");
    assertThat(nd4j.getEffectiveLevel()).isEqualTo(Level.WARN);
  }
}
