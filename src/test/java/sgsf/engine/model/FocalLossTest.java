package sgsf.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FocalLossTest {
  private static final double[] Z = {-3.0, -0.5, 0.0, 0.7, 2.5, -1.2};
  private static final double[] Y = {1, 1, 0, 0, 1, 0};

  /** Reference: the paper's definition evaluated with p = sigmoid(z) directly in doubles. */
  private static double reference(double tau) {
    double s = 0;
    for (int i = 0; i < Z.length; i++) {
      double p = 1 / (1 + Math.exp(-Z[i]));
      s += Y[i] == 1 ? -Math.pow(1 - p, tau) * Math.log(p) : -Math.pow(p, tau) * Math.log(1 - p);
    }
    return s;
  }

  private static INDArray col(double[] v) {
    return Nd4j.create(v, new long[] {v.length, 1}, DataType.DOUBLE);
  }

  @Test
  void scoreMatchesTheDefinitionForTauTwoAndZero() {
    for (double tau : new double[] {2.0, 0.0, 1.5}) {
      FocalLoss loss = new FocalLoss(tau, 1);
      double s = loss.computeScore(col(Y), col(Z), new ActivationSigmoid(), null, false);
      assertThat(s).isCloseTo(reference(tau), within(1e-9));
    }
  }

  @Test
  void tauZeroIsBinaryCrossEntropy() {
    FocalLoss loss = new FocalLoss(0, 1);
    double s = loss.computeScore(col(Y), col(Z), new ActivationSigmoid(), null, false);
    double bce = 0;
    for (int i = 0; i < Z.length; i++) {
      double p = 1 / (1 + Math.exp(-Z[i]));
      bce += -(Y[i] * Math.log(p) + (1 - Y[i]) * Math.log(1 - p));
    }
    assertThat(s).isCloseTo(bce, within(1e-9));
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    FocalLoss loss = new FocalLoss(2.0, 1);
    INDArray grad = loss.computeGradient(col(Y), col(Z), new ActivationSigmoid(), null);
    double h = 1e-6;
    for (int i = 0; i < Z.length; i++) {
      double[] plus = Z.clone();
      double[] minus = Z.clone();
      plus[i] += h;
      minus[i] -= h;
      double fd =
          (loss.computeScore(col(Y), col(plus), new ActivationSigmoid(), null, false)
                  - loss.computeScore(col(Y), col(minus), new ActivationSigmoid(), null, false))
              / (2 * h);
      assertThat(grad.getDouble(i, 0)).as("dL/dz[%d]", i).isCloseTo(fd, within(1e-6));
    }
  }

  @Test
  void pixelNormalisationTurnsSumsIntoMeans() {
    FocalLoss perPixel = new FocalLoss(2.0, 6);
    double s = perPixel.computeScore(col(Y), col(Z), new ActivationSigmoid(), null, false);
    assertThat(s).isCloseTo(reference(2.0) / 6, within(1e-9));
  }

  @Test
  void saturatedLogitsStayFinite() {
    FocalLoss loss = new FocalLoss(2.0, 1);
    INDArray z = col(new double[] {-80, 80});
    INDArray y = col(new double[] {1, 0});
    double s = loss.computeScore(y, z, new ActivationSigmoid(), null, false);
    assertThat(s).isFinite().isGreaterThan(100);
    assertThat(loss.computeGradient(y, z, new ActivationSigmoid(), null).isInfinite().any())
        .isFalse();
  }
}
