package sgsf.engine.model;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Focal loss L_seg of the segmentation output (METHOD.md section 2; the paper's Eq. (6)).
 *
 * <p>With p = sigmoid(z): {@code -(1-p)^tau log p} where y = 1 and {@code -p^tau log(1-p)} where y
 * = 0, tau = 2 by default. It is computed from the logits z with {@code log p = -softplus(-z)} and
 * {@code log(1-p) = -softplus(z)}, so it stays finite for saturated outputs. Its gradient with
 * respect to z, derived by hand and checked against finite differences in the tests:
 *
 * <pre>
 *   y = 1: -tau (1-p)^tau p softplus(-z) - (1-p)^(tau+1)
 *   y = 0:  tau p^tau (1-p) softplus(z)  + p^(tau+1)
 * </pre>
 *
 * <p>DL4J's CnnLossLayer hands the loss one row per pixel and divides the summed score by the batch
 * size; dividing each pixel's term by {@code pixelsPerImage} makes the loss the per-image mean over
 * pixels, as in the paper. The layer's activation must be sigmoid.
 */
public final class FocalLoss implements ILossFunction {
  private static final long serialVersionUID = 1L;

  private final double tau;
  private final double pixelsPerImage;

  /**
   * @param tau the focusing exponent (the paper's tau, 2)
   * @param pixelsPerImage H*W of the segmentation map, to turn per-pixel sums into means
   */
  public FocalLoss(double tau, double pixelsPerImage) {
    if (tau < 0 || !Double.isFinite(tau)) {
      throw new IllegalArgumentException("focal tau must be >= 0, got " + tau);
    }
    if (pixelsPerImage <= 0) {
      throw new IllegalArgumentException("pixelsPerImage must be positive");
    }
    this.tau = tau;
    this.pixelsPerImage = pixelsPerImage;
  }

  public double tau() {
    return tau;
  }

  private static void requireSigmoid(IActivation activationFn) {
    if (!(activationFn instanceof ActivationSigmoid)) {
      throw new IllegalStateException("focal loss needs a sigmoid output, got " + activationFn);
    }
  }

  /** Per-element loss (before the pixel normalisation), labels y in {0, 1}. */
  private INDArray elementLoss(INDArray y, INDArray z) {
    INDArray p = Transforms.sigmoid(z, true);
    INDArray q = p.rsub(1.0);
    INDArray posTerm = Transforms.pow(q, tau, true).muli(Transforms.softPlus(z.neg(), false));
    INDArray negTerm = Transforms.pow(p, tau, true).muli(Transforms.softPlus(z, true));
    return posTerm.muli(y).addi(negTerm.muli(y.rsub(1.0)));
  }

  @Override
  public INDArray computeScoreArray(
      INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    requireSigmoid(activationFn);
    INDArray l = elementLoss(labels, preOutput);
    if (mask != null) {
      l.muliColumnVector(mask.reshape(mask.length(), 1).castTo(l.dataType()));
    }
    return l.sum(true, 1).divi(pixelsPerImage);
  }

  @Override
  public double computeScore(
      INDArray labels,
      INDArray preOutput,
      IActivation activationFn,
      INDArray mask,
      boolean average) {
    INDArray perRow = computeScoreArray(labels, preOutput, activationFn, mask);
    double sum = perRow.sumNumber().doubleValue();
    return average ? sum / perRow.size(0) : sum;
  }

  @Override
  public INDArray computeGradient(
      INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    requireSigmoid(activationFn);
    INDArray z = preOutput;
    INDArray p = Transforms.sigmoid(z, true);
    INDArray q = p.rsub(1.0);
    // y = 1 branch: -tau q^tau p softplus(-z) - q^(tau+1)
    INDArray qTau = Transforms.pow(q, tau, true);
    INDArray pos =
        qTau.mul(p).muli(Transforms.softPlus(z.neg(), false)).muli(-tau).subi(qTau.mul(q));
    // y = 0 branch: tau p^tau q softplus(z) + p^(tau+1)
    INDArray pTau = Transforms.pow(p, tau, true);
    INDArray neg = pTau.mul(q).muli(Transforms.softPlus(z, true)).muli(tau).addi(pTau.muli(p));
    INDArray grad = pos.muli(labels).addi(neg.muli(labels.rsub(1.0))).divi(pixelsPerImage);
    if (mask != null) {
      grad.muliColumnVector(mask.reshape(mask.length(), 1).castTo(grad.dataType()));
    }
    return grad;
  }

  @Override
  public Pair<Double, INDArray> computeGradientAndScore(
      INDArray labels,
      INDArray preOutput,
      IActivation activationFn,
      INDArray mask,
      boolean average) {
    return new Pair<>(
        computeScore(labels, preOutput, activationFn, mask, average),
        computeGradient(labels, preOutput, activationFn, mask));
  }

  @Override
  public String name() {
    return "focal(tau=" + tau + ")";
  }

  @Override
  public String toString() {
    return name();
  }
}
