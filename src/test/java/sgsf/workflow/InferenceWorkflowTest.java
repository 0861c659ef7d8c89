package sgsf.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.data.DatasetScanner;
import sgsf.engine.data.DemoDataset;
import sgsf.engine.data.SkippedFile;
import sgsf.engine.infer.Predictor;
import sgsf.engine.task.CancellationToken;
import sgsf.io.ModelBundle;
import sgsf.ui.DemoModels;

class InferenceWorkflowTest {
  @TempDir Path dir;

  private List<Path> copies(int n) throws Exception {
    Path data = DemoDataset.ensureCategory(dir.resolve("demo"), DemoDataset.TEXTURE);
    Path one = DatasetScanner.scan(data).test().get(0).image();
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      files.add(Files.copy(one, dir.resolve(String.format("img%02d.png", i))));
    }
    return files;
  }

  @Test
  void predictsInBatchesSkipsUnreadableFilesAndStopsWhenCancelled() throws Exception {
    Predictor predictor = new Predictor(ModelBundle.load(DemoModels.textureModel()).model());
    List<Path> files = new ArrayList<>(copies(2 * Predictor.BATCH + 3));
    Path broken = Files.writeString(dir.resolve("broken.png"), "not a png");
    files.add(3, broken);
    List<Path> seen = new ArrayList<>();
    List<int[]> progress = new ArrayList<>();
    List<SkippedFile> skipped =
        InferenceWorkflow.predict(
            predictor,
            files,
            new Object(),
            (d, t) -> progress.add(new int[] {d, t}),
            CancellationToken.none(),
            (file, image, p, warnings) -> {
              assertThat(p.score()).isFinite();
              seen.add(file);
            });
    assertThat(skipped).singleElement().satisfies(s -> assertThat(s.path()).isEqualTo(broken));
    assertThat(seen).hasSize(files.size() - 1).doesNotContain(broken);
    assertThat(progress).hasSize(3);
    assertThat(progress.get(2)).containsExactly(files.size(), files.size());

    List<Path> beforeCancel = new ArrayList<>();
    CancellationToken cancellation = new CancellationToken();
    assertThatThrownBy(
            () ->
                InferenceWorkflow.predict(
                    predictor,
                    files,
                    null,
                    (d, t) -> {},
                    cancellation,
                    (file, image, p, warnings) -> {
                      beforeCancel.add(file);
                      cancellation.cancel();
                    }))
        .isInstanceOf(CancellationException.class);
    // one whole batch, then the cancel: the broken file took no place in it
    assertThat(beforeCancel).hasSize(Predictor.BATCH);
  }
}
