package sgsf.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import sgsf.engine.backend.Backend;

class ReconstructionLossTest {
  static {
    Backend.configureProperties();
  }

  /**
   * Independent reference: SSIM with a direct (non-separable) 11x11 Gaussian window, zero padding,
   * C1 = 0.01^2, C2 = 0.03^2, mean over pixels and channels; plus the MSE.
   */
  static double reference(float[] x, float[] y, int c, int h, int w) {
    float[] g = ReconstructionLossLayer.gaussianWindow();
    double ssimSum = 0;
    double mse = 0;
    for (int ch = 0; ch < c; ch++) {
      for (int i = 0; i < h; i++) {
        for (int j = 0; j < w; j++) {
          double mx = 0;
          double my = 0;
          double xx = 0;
          double yy = 0;
          double xy = 0;
          for (int di = -5; di <= 5; di++) {
            for (int dj = -5; dj <= 5; dj++) {
              int ii = i + di;
              int jj = j + dj;
              if (ii < 0 || jj < 0 || ii >= h || jj >= w) {
                continue;
              }
              double wt = g[di + 5] * g[dj + 5];
              double a = x[(ch * h + ii) * w + jj];
              double b = y[(ch * h + ii) * w + jj];
              mx += wt * a;
              my += wt * b;
              xx += wt * a * a;
              yy += wt * b * b;
              xy += wt * a * b;
            }
          }
          double vx = xx - mx * mx;
          double vy = yy - my * my;
          double cxy = xy - mx * my;
          double c1 = 1e-4;
          double c2 = 9e-4;
          ssimSum +=
              ((2 * mx * my + c1) * (2 * cxy + c2)) / ((mx * mx + my * my + c1) * (vx + vy + c2));
          double d = x[(ch * h + i) * w + j] - y[(ch * h + i) * w + j];
          mse += d * d;
        }
      }
    }
    int n = c * h * w;
    return mse / n + 1 - ssimSum / n;
  }

  @Test
  void lossEqualsMsePlusOneMinusSsimComputedDirectly() {
    int b = 2;
    int c = 3;
    int h = 16;
    int w = 20;
    Random r = new Random(3);
    float[] x = new float[b * c * h * w];
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextFloat();
      y[i] = Math.min(1f, Math.max(0f, x[i] * 0.7f + 0.3f * r.nextFloat()));
    }
    ComputationGraph g =
        new ComputationGraph(
            new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .graphBuilder()
                .addInputs("in")
                .setInputTypes(InputType.convolutional(h, w, c))
                .addLayer("loss", new ReconstructionLossLayer(1.0), "in")
                .setOutputs("loss")
                .build());
    g.init();
    INDArray xs = Nd4j.create(x, new long[] {b, c, h, w}, DataType.FLOAT);
    INDArray ys = Nd4j.create(y, new long[] {b, c, h, w}, DataType.FLOAT);
    g.setInputs(xs);
    g.setLabels(ys);
    g.computeGradientAndScore();
    int per = c * h * w;
    double expected = 0;
    for (int k = 0; k < b; k++) {
      float[] xk = java.util.Arrays.copyOfRange(x, k * per, (k + 1) * per);
      float[] yk = java.util.Arrays.copyOfRange(y, k * per, (k + 1) * per);
      expected += reference(xk, yk, c, h, w);
    }
    expected /= b;
    assertThat(g.score()).isCloseTo(expected, within(1e-4));
    assertThat(g.score()).isGreaterThan(0.05);
  }

  @Test
  void identicalImagesHaveZeroLoss() {
    INDArray x = Nd4j.rand(DataType.FLOAT, 1, 3, 16, 16);
    ComputationGraph g =
        new ComputationGraph(
            new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .graphBuilder()
                .addInputs("in")
                .setInputTypes(InputType.convolutional(16, 16, 3))
                .addLayer("loss", new ReconstructionLossLayer(1.0), "in")
                .setOutputs("loss")
                .build());
    g.init();
    g.setInputs(x);
    g.setLabels(x.dup());
    g.computeGradientAndScore();
    assertThat(g.score()).isCloseTo(0.0, within(1e-5));
  }
}
