package sgsf.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import sgsf.engine.backend.Backend;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.GuidanceMode;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.config.TrainConfig;
import sgsf.engine.forge.Forger;
import sgsf.engine.forge.SaliencyCache;
import sgsf.engine.image.FloatImage;
import sgsf.engine.infer.Prediction;
import sgsf.engine.infer.Predictor;
import sgsf.engine.model.SgsfModel;
import sgsf.engine.model.SgsfNetwork;
import sgsf.engine.model.Tensors;

/**
 * The contrast image's guidance reaches the anomaly map: four products whose stripes run at 0, 45,
 * 90 and 135 degrees, so what is normal depends on the product; a defect is a patch of another
 * product's stripes.
 */
class GuidanceMattersTest {
  static {
    Backend.configureProperties();
  }

  static final int SIZE = 32;

  static SgsfModel train(GuidanceMode mode, int iterations) {
    List<String> ids = new ArrayList<>();
    List<FloatImage> good = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      ids.add("good-" + i);
      good.add(StripedSurfaces.goodOfProduct(SIZE, 300 + i, i % 4));
    }
    Forger forger = Forger.create(ForgeConfig.defaults().withSeed(9), new SaliencyCache(), good);
    TrainingOutcome out =
        new Trainer(
                new ModelConfig("test", SIZE, 8, false, mode),
                new TrainConfig(iterations, 0, 60, 8, 3e-3, 1.0, 2.0, 2, 0, 0, 9L),
                TrainingData.of(ids, good),
                new ForgingSampleForger(forger),
                null,
                null,
                "products",
                "memory",
                null)
            .run(new TrainingControl());
    assertThat(out.status()).isEqualTo(TrainingOutcome.Status.COMPLETED);
    return out.model();
  }

  static double pixelAuroc(SgsfModel model) {
    List<FloatImage> inputs = new ArrayList<>();
    List<float[]> masks = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      SampleForger.ForgedImage d = StripedSurfaces.defectiveOfProduct(SIZE, 8000 + i, i % 4);
      inputs.add(d.image());
      masks.add(d.mask().data());
    }
    List<float[]> maps = new ArrayList<>();
    for (Prediction p : new Predictor(model).predict(inputs)) {
      maps.add(p.map().data());
    }
    return TrainerTest.pixelAuroc(maps, masks);
  }

  @Test
  void theContrastImageChangesTheMap() {
    SgsfModel model = train(GuidanceMode.FROZEN, 60);
    SgsfNetwork net = model.network();
    FloatImage image = StripedSurfaces.goodOfProduct(SIZE, 1, 0);
    INDArray a = Tensors.batch(List.of(image));
    INDArray sameProduct;
    INDArray otherProduct;
    try (SgsfNetwork.Features same =
            net.features(Tensors.batch(List.of(StripedSurfaces.goodOfProduct(SIZE, 2, 0))));
        SgsfNetwork.Features other =
            net.features(Tensors.batch(List.of(StripedSurfaces.goodOfProduct(SIZE, 3, 2))))) {
      sameProduct = net.segment(a, same.guidance()).dup();
      otherProduct = net.segment(a, other.guidance()).dup();
    }
    double diff = sameProduct.sub(otherProduct).norm1Number().doubleValue() / (SIZE * SIZE);
    assertThat(diff).as("mean |map difference| between two contrast images").isGreaterThan(1e-3);
  }

  @Test
  void guidedBeatsUnguidedWhereNormalDependsOnTheProduct() {
    double guided = pixelAuroc(train(GuidanceMode.FROZEN, 300));
    double unguided = pixelAuroc(train(GuidanceMode.NONE, 300));
    System.out.printf("products: guided %.3f, unguided %.3f%n", guided, unguided);
    assertThat(guided).isGreaterThan(unguided + 0.02);
  }
}
