package sgsf.io.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import sgsf.engine.metrics.Thresholds;

class ThresholdsJsonTest {
  @Test
  void thresholdsSurviveTheBundleManifestRoundTrip() throws Exception {
    Thresholds t =
        new Thresholds(
            0.31,
            0.62,
            "MISS_RATE",
            0.02,
            "FALSE_REJECT_RATE",
            0.01,
            0.45,
            "F1_MAX",
            0,
            0.05,
            0.97,
            0.0,
            1.0,
            "96 good, 200 defective images",
            "a note");
    JsonNode node = ThresholdsJson.toJson(t);
    // as the bundle does: embedded in a manifest, written as text, read back
    ObjectMapper m = new ObjectMapper();
    ObjectNode manifest = m.createObjectNode();
    manifest.set("thresholds", node);
    JsonNode back = m.readTree(m.writeValueAsString(manifest)).get("thresholds");
    assertThat(ThresholdsJson.fromJson(back)).isEqualTo(t);
    assertThat(ThresholdsJson.fromJson(null)).isNull();
    assertThat(ThresholdsJson.fromJson(NullNode.instance)).isNull();
  }

  @Test
  void invalidStoredThresholdsSayWhatIsWrong() {
    ObjectNode node =
        (ObjectNode) ThresholdsJson.toJson(Thresholds.manual(0.3, 0.6, 0.5, 0, 1, 0, 1));
    node.put("imageLower", 0.9);
    assertThatThrownBy(() -> ThresholdsJson.fromJson(node))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the stored thresholds are not valid")
        .hasMessageContaining("lies above the NG threshold");
  }
}
