package sgsf.io.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.metrics.EvaluatedImage;
import sgsf.engine.metrics.Thresholds;
import sgsf.engine.metrics.Verdict;

class ScoresCsvTest {
  @TempDir Path dir;

  @Test
  void aPathWithACommaAQuoteAndANewlineRoundTrips() throws Exception {
    Thresholds t = Thresholds.manual(0.3, 0.6, 0.5, 0, 1, 0, 1);
    String odd = "/parts/lot 7, \"left\"\nline 2.png";
    List<ScoresCsv.Row> rows =
        List.of(
            ScoresCsv.Row.scored(odd, 0.45, t, "train/good/001.png", 0.875),
            ScoresCsv.Row.evaluated(
                new EvaluatedImage("/parts/b.png", "crack", 1, 0.7, 0, 0, null, null), t),
            ScoresCsv.Row.scored("/parts/c.png", 0.1, null, null, null));
    Path f = dir.resolve(ScoresCsv.FILE_NAME);
    ScoresCsv.write(f, rows);
    assertThat(Files.readString(f)).startsWith(ScoresCsv.HEADER + "\n\"/parts/lot 7, \"\"left");
    List<ScoresCsv.Row> back = ScoresCsv.read(f);
    assertThat(back).isEqualTo(rows);
    assertThat(back.get(0).path()).isEqualTo(odd);
    assertThat(back.get(0).verdict()).isEqualTo(Verdict.REVIEW);
    assertThat(back.get(1).label()).isEqualTo(1);
    assertThat(back.get(2).verdict()).isNull();
  }

  @Test
  void aFileWithOtherColumnsIsRefusedNamingIt() throws Exception {
    Path f = Files.writeString(dir.resolve("other.csv"), "path,score\na.png,0.5\n");
    assertThatThrownBy(() -> ScoresCsv.read(f))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("other.csv")
        .hasMessageContaining("header");
  }
}
