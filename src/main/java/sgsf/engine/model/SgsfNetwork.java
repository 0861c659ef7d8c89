package sgsf.engine.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.ops.transforms.Transforms;
import sgsf.engine.config.GuidanceMode;
import sgsf.engine.config.ModelConfig;

/**
 * The SGSF networks of one model: the reconstruction autoencoder and the guided segmentation
 * network, plus, while training JOINT or DETACHED, the joint graph that holds both (see {@link
 * SgsfGraphs}). Parameters are kept per layer name and copied between the graphs when the active
 * one changes.
 */
public final class SgsfNetwork {
  /**
   * L_focal's exponent and L_self's weight in a network built for inference: no loss is computed.
   */
  private static final double UNUSED_FOCAL_TAU = 2;

  private static final double UNUSED_LAMBDA = 1;

  private final ModelConfig config;
  private final double focalTau;
  private final double lambda;
  private final IUpdater mainUpdater;
  private final ComputationGraph autoencoder;
  private final ComputationGraph segmentation;
  private ComputationGraph joint;

  /**
   * Builds freshly initialised networks for training.
   *
   * @param seed weight initialisation seed
   * @param warmupUpdater the autoencoder's optimiser (it trains alone during the warm-up, Eq. (1))
   * @param mainUpdater the segmentation and joint graphs' optimiser, with the main phase's
   *     learning-rate schedule
   * @param lambda weight of L_self in the joint loss, Eq. (7)
   * @param focalTau focal loss exponent, Eq. (6)
   */
  public SgsfNetwork(
      ModelConfig config,
      long seed,
      IUpdater warmupUpdater,
      IUpdater mainUpdater,
      double lambda,
      double focalTau) {
    this.config = config;
    this.focalTau = focalTau;
    this.lambda = lambda;
    this.mainUpdater = mainUpdater;
    this.autoencoder = SgsfGraphs.autoencoder(config, seed, warmupUpdater, 1.0);
    this.segmentation = SgsfGraphs.guided(config, seed + 1, mainUpdater, focalTau);
  }

  /**
   * Networks for inference only, whose parameters the caller sets ({@link
   * #setParametersByLayer(Map)}): no optimiser and no training hyper-parameters are needed to score
   * images with a saved model.
   */
  public static SgsfNetwork forInference(ModelConfig config) {
    return new SgsfNetwork(config, 0, new NoOp(), new NoOp(), UNUSED_LAMBDA, UNUSED_FOCAL_TAU);
  }

  private SgsfNetwork(
      ModelConfig config, ComputationGraph autoencoder, ComputationGraph segmentation) {
    this.config = config;
    this.focalTau = UNUSED_FOCAL_TAU;
    this.lambda = UNUSED_LAMBDA;
    this.mainUpdater = new NoOp();
    this.autoencoder = autoencoder;
    this.segmentation = segmentation;
  }

  /**
   * This network for inference with every batch norm folded into the convolution before it: for the
   * batch norm's running mean mu, variance sigma^2, scale gamma and shift beta, the kernel becomes
   * W * gamma / sqrt(sigma^2 + eps) and the bias beta - mu * gamma / sqrt(sigma^2 + eps), and the
   * ReLU is the convolution's activation. It computes the same maps, embeddings and guidance
   * features (to float rounding) with one layer per conv block instead of three. A snapshot: later
   * training of this network does not reach it.
   */
  public SgsfNetwork foldedForInference() {
    SgsfNetwork folded =
        new SgsfNetwork(
            config, SgsfGraphs.foldedAutoencoder(config), SgsfGraphs.foldedGuided(config));
    fold(autoencoder, folded.autoencoder);
    fold(segmentation, folded.segmentation);
    return folded;
  }

  /** Sets {@code folded}'s parameters from the trainable graph {@code from}. */
  private static void fold(ComputationGraph from, ComputationGraph folded) {
    for (Layer l : folded.getLayers()) {
      if (l.numParams() == 0) {
        continue;
      }
      String name = l.conf().getLayer().getLayerName();
      Layer same = from.getLayer(name);
      if (same != null && same.numParams() == l.numParams()) {
        l.setParams(same.params().dup());
        continue;
      }
      Layer conv = from.getLayer(SgsfGraphs.convolutionOf(name));
      Layer bn = from.getLayer(SgsfGraphs.batchNormOf(name));
      BatchNormalization bnConf = (BatchNormalization) bn.conf().getLayer();
      INDArray variance;
      if (bnConf.isUseLogStd()) {
        // DL4J keeps log10 of the standard deviation: sigma^2 = (10^log10(sigma))^2
        INDArray std =
            Transforms.pow(
                Nd4j.valueArrayOf(bn.getParam("log10stdev").shape(), 10.0f),
                bn.getParam("log10stdev"),
                true);
        variance = std.mul(std);
      } else {
        variance = bn.getParam("var").dup();
      }
      INDArray scale =
          bn.getParam("gamma").div(Transforms.sqrt(variance.add(bnConf.getEps()), false));
      INDArray kernel = conv.getParam("W");
      long out = kernel.size(0);
      INDArray foldedKernel =
          kernel.reshape(out, kernel.length() / out).mulColumnVector(scale.reshape(out, 1));
      INDArray bias = bn.getParam("beta").sub(bn.getParam("mean").mul(scale));
      l.setParam("W", foldedKernel.reshape(kernel.shape()));
      l.setParam("b", bias.reshape(l.getParam("b").shape()));
    }
  }

  public ModelConfig config() {
    return config;
  }

  public ComputationGraph autoencoder() {
    return autoencoder;
  }

  /** The segmentation network with guidance features as inputs (or none, for NONE). */
  public ComputationGraph segmentation() {
    return segmentation;
  }

  /**
   * The joint graph for JOINT / DETACHED training, built on first use with the current parameters
   * of the autoencoder and the segmentation network.
   */
  public ComputationGraph joint() {
    if (joint == null) {
      if (config.guidance() != GuidanceMode.JOINT && config.guidance() != GuidanceMode.DETACHED) {
        throw new IllegalStateException("no joint graph in " + config.guidance() + " mode");
      }
      joint = SgsfGraphs.joint(config, 7, mainUpdater, focalTau, lambda);
      copyParameters(autoencoder, joint);
      copyParameters(segmentation, joint);
    }
    return joint;
  }

  /** Copies the joint graph's parameters back into the autoencoder and segmentation graphs. */
  public void syncFromJoint() {
    if (joint != null) {
      copyParameters(joint, autoencoder);
      copyParameters(joint, segmentation);
    }
  }

  /** Copies the autoencoder's parameters into the joint graph (after an AE-only phase). */
  public void syncAutoencoderIntoJoint() {
    if (joint != null) {
      copyParameters(autoencoder, joint);
    }
  }

  /** Total trainable parameters of both networks. */
  public long parameterCount() {
    return autoencoder.numParams() + segmentation.numParams();
  }

  /** Copies parameters between graphs for every layer name both have. */
  public static void copyParameters(ComputationGraph from, ComputationGraph to) {
    for (Layer l : from.getLayers()) {
      if (l.numParams() == 0) {
        continue;
      }
      String name = l.conf().getLayer().getLayerName();
      if (to.getConfiguration().getVertices().containsKey(name)) {
        Layer target = to.getLayer(name);
        if (target.numParams() != l.numParams()) {
          throw new IllegalStateException("layer " + name + " differs in size between graphs");
        }
        target.setParams(l.params());
      }
    }
  }

  /** Every parameterised layer's flattened parameters, autoencoder then segmentation network. */
  public Map<String, INDArray> parametersByLayer() {
    Map<String, INDArray> out = new LinkedHashMap<>();
    for (ComputationGraph g : new ComputationGraph[] {autoencoder, segmentation}) {
      for (Layer l : g.getLayers()) {
        if (l.numParams() > 0) {
          out.put(l.conf().getLayer().getLayerName(), l.params());
        }
      }
    }
    return out;
  }

  /**
   * Sets every layer's parameters from {@code params}; every parameterised layer must be present
   * with the right length.
   *
   * @throws IllegalArgumentException naming the missing or mis-sized layer
   */
  public void setParametersByLayer(Map<String, float[]> params) {
    for (ComputationGraph g : new ComputationGraph[] {autoencoder, segmentation}) {
      for (Layer l : g.getLayers()) {
        if (l.numParams() == 0) {
          continue;
        }
        String name = l.conf().getLayer().getLayerName();
        float[] p = params.get(name);
        if (p == null) {
          throw new IllegalArgumentException("parameters for layer '" + name + "' are missing");
        }
        if (p.length != l.numParams()) {
          throw new IllegalArgumentException(
              "layer '" + name + "' has " + p.length + " parameters, expected " + l.numParams());
        }
        l.setParams(
            org.nd4j.linalg.factory.Nd4j.create(
                p, new long[] {1, p.length}, l.params().dataType()));
      }
    }
    if (joint != null) {
      copyParameters(autoencoder, joint);
      copyParameters(segmentation, joint);
    }
  }

  /** Mean-pooled bottleneck features, the similarity space of Eq. (4): [B, D]. */
  public INDArray embed(INDArray images) {
    INDArray bottleneck = outputsOf(List.of(SgsfGraphs.BOTTLENECK), images)[0];
    INDArray embedding = bottleneck.mean(2, 3);
    bottleneck.close();
    return embedding;
  }

  /**
   * Guidance features C_D^1..C_D^4 of the contrast images (index 0 unused) and their embedding. The
   * caller owns the arrays; {@link Features#close()} frees their native memory at once.
   */
  public Features features(INDArray contrastImages) {
    List<String> names = new ArrayList<>(ModelConfig.SCALES + 1);
    for (int i = 1; i <= ModelConfig.SCALES; i++) {
      names.add(SgsfGraphs.guidanceFeature(i));
    }
    names.add(SgsfGraphs.BOTTLENECK);
    INDArray[] out = outputsOf(names, contrastImages);
    INDArray[] g = new INDArray[ModelConfig.SCALES + 1];
    System.arraycopy(out, 0, g, 1, ModelConfig.SCALES);
    INDArray bottleneck = out[ModelConfig.SCALES];
    INDArray embedding = bottleneck.mean(2, 3);
    bottleneck.close();
    return new Features(g, embedding);
  }

  /**
   * The autoencoder's activations at the named vertices, in inference mode. Only these are
   * allocated for the caller: every other activation lives in DL4J's inference workspace, which the
   * next pass reuses. (Asking for all activations, as {@code feedForward} does, allocates every
   * layer's output afresh and leaves it to the garbage collector: measured, about 9 GB of resident
   * memory after one pass over 761 training images at 128 px.)
   */
  private INDArray[] outputsOf(List<String> vertices, INDArray images) {
    return autoencoder.output(vertices, false, new INDArray[] {images}, null);
  }

  /**
   * The inputs of the segmentation graph: A (with coordinate channels if configured) + guidance.
   */
  public INDArray[] segmentationInputs(INDArray images, INDArray[] guidance) {
    INDArray a = withCoordinates(images);
    if (config.guidance() == GuidanceMode.NONE) {
      return new INDArray[] {a};
    }
    INDArray[] in = new INDArray[ModelConfig.SCALES + 1];
    in[0] = a;
    System.arraycopy(guidance, 1, in, 1, ModelConfig.SCALES);
    return in;
  }

  /** Adds the AnoSeg coordinate channels when the model uses them. */
  public INDArray withCoordinates(INDArray images) {
    if (!config.coordinateChannels()) {
      return images;
    }
    return org.nd4j.linalg.factory.Nd4j.concat(
        1, images, Tensors.coordinateChannels((int) images.size(0), config.inputSize()));
  }

  /** The anomaly map O in [0, 1], [B, 1, H, W]. */
  public INDArray segment(INDArray images, INDArray[] guidance) {
    INDArray[] in = segmentationInputs(images, guidance);
    INDArray map = segmentation.output(false, in)[0];
    if (in[0] != images) {
      in[0].close();
    }
    return map;
  }

  /** Guidance features (index 1..4) and bottleneck embedding of a batch of contrast images. */
  public record Features(INDArray[] guidance, INDArray embedding) implements AutoCloseable {
    /** Frees the arrays' native memory; keep {@code dup()}ed slices, not views, past this. */
    @Override
    public void close() {
      for (INDArray a : guidance) {
        if (a != null && a.closeable()) {
          a.close();
        }
      }
      if (embedding.closeable()) {
        embedding.close();
      }
    }
  }
}
