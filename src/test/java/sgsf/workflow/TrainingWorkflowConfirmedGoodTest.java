package sgsf.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.backend.Backend;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.GuidanceMode;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.config.TrainConfig;
import sgsf.engine.data.Dataset;
import sgsf.engine.data.DemoDataset;
import sgsf.engine.data.Sample;
import sgsf.engine.train.TrainingControl;
import sgsf.io.review.ConfirmedGoodList;

/** Images confirmed good in review join the next training run's images. */
class TrainingWorkflowConfirmedGoodTest {
  static {
    Backend.configureProperties();
  }

  @TempDir Path tmp;

  @Test
  void confirmedGoodImagesAreAddedOnceAndUnreadableOnesListedAsSkipped() throws Exception {
    Dataset d = DemoDataset.load(DemoDataset.TEXTURE);
    List<Path> testGood =
        d.test().stream().filter(s -> !s.isDefective()).map(Sample::image).limit(2).toList();
    Path broken = tmp.resolve("broken.png");
    Files.writeString(broken, "not an image");
    Path list = tmp.resolve("reviews").resolve(ConfirmedGoodList.FILE_NAME);
    ConfirmedGoodList.write(
        list,
        List.of(
            testGood.get(0).toString(),
            testGood.get(1).toString(),
            d.trainGood().get(0).image().toString(),
            broken.toString()));
    TrainingWorkflow.Result r =
        TrainingWorkflow.run(
            new TrainingWorkflow.Request(
                d,
                new ModelConfig("test", 32, 4, false, GuidanceMode.JOINT),
                new TrainConfig(1, 0, 0, 2, 1e-3, 1.0, 2.0, 2, 0, 0, 3L),
                ForgeConfig.defaults(),
                tmp.resolve("model.zip"),
                tmp.resolve("run"),
                null,
                ConfirmedGoodList.read(list)),
            null,
            new TrainingControl(),
            null);
    int trainGood = d.trainGood().size();
    assertThat(r.data().ids())
        .hasSize(trainGood + 2)
        .contains(testGood.get(0).toString(), testGood.get(1).toString());
    assertThat(r.data().skipped())
        .singleElement()
        .satisfies(s -> assertThat(s.path()).isEqualTo(broken));
    assertThat(r.data().fingerprint().files()).hasSize(trainGood + 2);
  }
}
