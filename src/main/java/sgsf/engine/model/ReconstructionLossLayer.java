package sgsf.engine.model;

import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffOutputLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The self-supervised loss L_self = L2 + L_SSIM between the autoencoder's input C and its
 * reconstruction R (METHOD.md section 2; the paper's Eq. (5)).
 *
 * <p>SSIM uses an 11x11 Gaussian window with sigma 1.5, applied as two separable 1-D convolutions
 * (1x11 then 11x1, zero padded to the same size), constants C1 = 0.01^2, C2 = 0.03^2 for data in
 * [0, 1], and is averaged over pixels and channels. L_SSIM = 1 - SSIM; L2 is the mean squared
 * error. Both are per image; the layer returns their sum over the batch and DL4J divides by the
 * batch.
 *
 * <p>The layer has no parameters; its activations are its input (the reconstruction).
 */
public final class ReconstructionLossLayer extends SameDiffOutputLayer {
  private static final long serialVersionUID = 1L;
  static final int WINDOW = 11;
  static final double SIGMA = 1.5;

  private double weight = 1.0;
  private long channels;
  private long height;
  private long width;

  /** For JSON deserialisation only. */
  public ReconstructionLossLayer() {}

  /**
   * @param weight the factor lambda of L_self in the total loss (Eq. (7))
   */
  public ReconstructionLossLayer(double weight) {
    this.weight = weight;
  }

  /** The normalised 1-D Gaussian window (11 taps, sigma 1.5). */
  static float[] gaussianWindow() {
    float[] g = new float[WINDOW];
    double sum = 0;
    for (int i = 0; i < WINDOW; i++) {
      double d = i - WINDOW / 2;
      g[i] = (float) Math.exp(-(d * d) / (2 * SIGMA * SIGMA));
      sum += g[i];
    }
    for (int i = 0; i < WINDOW; i++) {
      g[i] /= (float) sum;
    }
    return g;
  }

  @Override
  public SDVariable defineLayer(
      SameDiff sd, SDVariable layerInput, SDVariable labels, Map<String, SDVariable> paramTable) {
    SDVariable out = sd.identity("reconstruction", layerInput);
    float[] g = gaussianWindow();
    // YXIO weights: [kH, kW, inC, outC]
    SDVariable horizontal =
        sd.constant("ssim_wh", Nd4j.create(g, new long[] {1, WINDOW, 1, 1}, DataType.FLOAT));
    SDVariable vertical =
        sd.constant("ssim_wv", Nd4j.create(g, new long[] {WINDOW, 1, 1, 1}, DataType.FLOAT));
    Conv2DConfig hConf =
        Conv2DConfig.builder()
            .kH(1)
            .kW(WINDOW)
            .sH(1)
            .sW(1)
            .paddingMode(PaddingMode.SAME)
            .dataFormat("NCHW")
            .build();
    Conv2DConfig vConf =
        Conv2DConfig.builder()
            .kH(WINDOW)
            .kW(1)
            .sH(1)
            .sW(1)
            .paddingMode(PaddingMode.SAME)
            .dataFormat("NCHW")
            .build();

    // every channel of every image as its own one-channel image
    SDVariable x = out.reshape(-1, 1, height, width);
    SDVariable y = labels.reshape(-1, 1, height, width);
    SDVariable stacked = sd.concat(0, x, y, x.mul(x), y.mul(y), x.mul(y));
    SDVariable blurred =
        sd.cnn().conv2d(sd.cnn().conv2d(stacked, horizontal, hConf), vertical, vConf);
    SDVariable[] parts = sd.split(blurred, 5, 0);
    SDVariable muX = parts[0];
    SDVariable muY = parts[1];
    SDVariable varX = parts[2].sub(muX.mul(muX));
    SDVariable varY = parts[3].sub(muY.mul(muY));
    SDVariable covXY = parts[4].sub(muX.mul(muY));
    double c1 = 0.01 * 0.01;
    double c2 = 0.03 * 0.03;
    SDVariable numerator = muX.mul(muY).mul(2).add(c1).mul(covXY.mul(2).add(c2));
    SDVariable denominator = muX.mul(muX).add(muY.mul(muY)).add(c1).mul(varX.add(varY).add(c2));
    SDVariable ssimMap = numerator.div(denominator);

    SDVariable ssimPerImage = ssimMap.reshape(-1, channels * height * width).mean(1);
    SDVariable diff = out.sub(labels);
    SDVariable msePerImage = diff.mul(diff).reshape(-1, channels * height * width).mean(1);
    SDVariable loss = msePerImage.add(ssimPerImage.rsub(1.0)).sum().mul(weight);
    loss.markAsLoss();
    return loss;
  }

  @Override
  public String activationsVertexName() {
    return "reconstruction";
  }

  @Override
  public InputType getOutputType(int layerIndex, InputType inputType) {
    return inputType;
  }

  @Override
  public void setNIn(InputType inputType, boolean override) {
    InputType.InputTypeConvolutional c = (InputType.InputTypeConvolutional) inputType;
    channels = c.getChannels();
    height = c.getHeight();
    width = c.getWidth();
  }

  @Override
  public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
    return null;
  }

  @Override
  public void defineParameters(SDLayerParams params) {}

  @Override
  public void initializeParameters(Map<String, INDArray> params) {}

  public double getWeight() {
    return weight;
  }

  public void setWeight(double weight) {
    this.weight = weight;
  }

  public long getChannels() {
    return channels;
  }

  public long getHeight() {
    return height;
  }

  public long getWidth() {
    return width;
  }

  public void setChannels(long channels) {
    this.channels = channels;
  }

  public void setHeight(long height) {
    this.height = height;
  }

  public void setWidth(long width) {
    this.width = width;
  }
}
