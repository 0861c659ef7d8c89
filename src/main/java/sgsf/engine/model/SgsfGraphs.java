package sgsf.engine.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import sgsf.engine.config.GuidanceMode;
import sgsf.engine.config.ModelConfig;

/**
 * Builds the DL4J computation graphs of the Self-supervised Guidance Network (METHOD.md section 2).
 *
 * <p>Three graphs share layer names, so parameters move between them by name:
 *
 * <ul>
 *   <li>{@link #autoencoder}: C -&gt; reconstruction R with L_self (warm-up, features, neighbours).
 *       Encoder: four scales of two 3x3 conv + batch norm + ReLU with 2x2 max pooling, a bottleneck
 *       at 1/16 size (its mean-pooled activations are the similarity features of Eq. (4)); decoder:
 *       nearest 2x upsampling + two conv blocks per scale, whose outputs are the guidance features
 *       C_D^4..C_D^1 (same size and channels as the segmentation encoder's A_E^i), then a 1x1 conv
 *       with sigmoid.
 *   <li>{@link #joint}: inputs A and C, outputs R and the anomaly map O; trained end to end with L
 *       = lambda L_self + L_seg (Eq. (7)). In DETACHED mode guidance passes a {@link
 *       StopGradientVertex}.
 *   <li>{@link #guided}: inputs A and the four cached guidance tensors, output O (FROZEN mode and
 *       inference), or A alone (no guidance, the ablation).
 * </ul>
 *
 * <p>Guidance fusion: at scale i the segmentation feature A_E^i is concatenated with C_D^i; the
 * fused tensor F feeds the next encoder stage and a 3x3 conv of F back to A_E^i's channels is the
 * skip connection into the U-Net decoder. Output: 1x1 conv, sigmoid, focal loss.
 */
public final class SgsfGraphs {
  public static final String INPUT_IMAGE = "A";
  public static final String INPUT_CONTRAST = "C";
  public static final String RECONSTRUCTION = "recon";
  public static final String SEGMENTATION = "seg";

  /** The bottleneck activations whose spatial mean is the similarity feature. */
  public static final String BOTTLENECK = "ae_bott_relu2";

  /**
   * Initial bias of the anomaly logit: log(pi / (1 - pi)) with the prior pi = 0.01, the
   * initialisation the focal-loss paper (Lin et al. 2017, section 4.1) gives for rare foreground.
   * Forged masks cover about 2 % of the pixels; starting from p = 0.5 instead spends the first
   * thousand Adam steps only on pulling the output down, before any defect is segmented.
   */
  static final double ANOMALY_PRIOR_LOGIT = Math.log(0.01 / 0.99);

  private SgsfGraphs() {}

  /** Name of the input carrying guidance features C_D^i in the guided graph. */
  public static String guidanceInput(int scale) {
    return "g" + scale;
  }

  /** Name of the autoencoder vertex whose activations are C_D^i. */
  public static String guidanceFeature(int scale) {
    return "ae_d" + scale + "_relu2";
  }

  private static NeuralNetConfiguration.Builder base(long seed, IUpdater updater) {
    return new NeuralNetConfiguration.Builder()
        .seed(seed)
        .updater(updater)
        .weightInit(WeightInit.RELU)
        .convolutionMode(ConvolutionMode.Same)
        .dataType(DataType.FLOAT)
        .trainingWorkspaceMode(WorkspaceMode.ENABLED)
        .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
  }

  /** The reconstruction autoencoder alone, its loss weighted by {@code lambda}. */
  public static ComputationGraph autoencoder(
      ModelConfig m, long seed, IUpdater updater, double lambda) {
    return init(autoencoderConfiguration(m, seed, updater, lambda, Blocks.TRAINABLE));
  }

  /**
   * The autoencoder for inference with every batch norm folded into its convolution ({@link
   * Blocks#FOLDED}); its parameters come from {@link SgsfNetwork#foldedForInference()}.
   */
  static ComputationGraph foldedAutoencoder(ModelConfig m) {
    return init(autoencoderConfiguration(m, 0, new NoOp(), 1.0, Blocks.FOLDED));
  }

  /** The segmentation network for inference with every batch norm folded into its convolution. */
  static ComputationGraph foldedGuided(ModelConfig m) {
    return init(guidedConfiguration(m, 0, new NoOp(), 2.0, Blocks.FOLDED));
  }

  /** How a conv block is built. */
  enum Blocks {
    /** conv 3x3 without bias, batch norm, ReLU: what is trained and saved. */
    TRAINABLE,
    /**
     * conv 3x3 with bias and ReLU, the batch norm's inference transform folded into the kernel and
     * bias: the same function at inference, in one layer instead of three.
     */
    FOLDED
  }

  private static ComputationGraphConfiguration.GraphBuilder autoencoderConfiguration(
      ModelConfig m, long seed, IUpdater updater, double lambda, Blocks blocks) {
    ComputationGraphConfiguration.GraphBuilder g = base(seed, updater).graphBuilder();
    g.addInputs(INPUT_CONTRAST);
    g.setInputTypes(InputType.convolutional(m.inputSize(), m.inputSize(), 3));
    addAutoencoder(g, m, INPUT_CONTRAST, lambda, blocks);
    g.setOutputs(RECONSTRUCTION);
    return g;
  }

  /** Autoencoder and segmentation network in one graph, for JOINT and DETACHED training. */
  public static ComputationGraph joint(
      ModelConfig m, long seed, IUpdater updater, double focalTau, double lambda) {
    if (m.guidance() != GuidanceMode.JOINT && m.guidance() != GuidanceMode.DETACHED) {
      throw new IllegalArgumentException("the joint graph serves JOINT or DETACHED guidance");
    }
    ComputationGraphConfiguration.GraphBuilder g = base(seed, updater).graphBuilder();
    g.addInputs(INPUT_IMAGE, INPUT_CONTRAST);
    g.setInputTypes(
        InputType.convolutional(m.inputSize(), m.inputSize(), m.segmentationInputChannels()),
        InputType.convolutional(m.inputSize(), m.inputSize(), 3));
    addAutoencoder(g, m, INPUT_CONTRAST, lambda, Blocks.TRAINABLE);
    String[] guidance = new String[ModelConfig.SCALES + 1];
    for (int i = 1; i <= ModelConfig.SCALES; i++) {
      guidance[i] = guidanceFeature(i);
      if (m.guidance() == GuidanceMode.DETACHED) {
        g.addVertex("stopgrad" + i, new StopGradientVertex(), guidanceFeature(i));
        guidance[i] = "stopgrad" + i;
      }
    }
    addSegmentation(g, m, guidance, focalTau, Blocks.TRAINABLE);
    g.setOutputs(RECONSTRUCTION, SEGMENTATION);
    return init(g);
  }

  /**
   * The segmentation network with guidance features as inputs (FROZEN mode, inference), or without
   * guidance when {@code m.guidance()} is NONE.
   */
  public static ComputationGraph guided(
      ModelConfig m, long seed, IUpdater updater, double focalTau) {
    return init(guidedConfiguration(m, seed, updater, focalTau, Blocks.TRAINABLE));
  }

  private static ComputationGraphConfiguration.GraphBuilder guidedConfiguration(
      ModelConfig m, long seed, IUpdater updater, double focalTau, Blocks blocks) {
    ComputationGraphConfiguration.GraphBuilder g = base(seed, updater).graphBuilder();
    boolean withGuidance = m.guidance() != GuidanceMode.NONE;
    String[] guidance = new String[ModelConfig.SCALES + 1];
    if (withGuidance) {
      String[] names = new String[ModelConfig.SCALES + 1];
      InputType[] types = new InputType[ModelConfig.SCALES + 1];
      names[0] = INPUT_IMAGE;
      types[0] =
          InputType.convolutional(m.inputSize(), m.inputSize(), m.segmentationInputChannels());
      for (int i = 1; i <= ModelConfig.SCALES; i++) {
        names[i] = guidanceInput(i);
        int side = m.inputSize() >> (i - 1);
        types[i] = InputType.convolutional(side, side, m.widthAt(i));
        guidance[i] = names[i];
      }
      g.addInputs(names);
      g.setInputTypes(types);
    } else {
      g.addInputs(INPUT_IMAGE);
      g.setInputTypes(
          InputType.convolutional(m.inputSize(), m.inputSize(), m.segmentationInputChannels()));
      guidance = null;
    }
    addSegmentation(g, m, guidance, focalTau, blocks);
    g.setOutputs(SEGMENTATION);
    return g;
  }

  /**
   * The parameter count of every parameterised layer of the autoencoder and the segmentation
   * network of {@code m}, by layer name, computed from the graph configurations without allocating
   * any parameters (to check a stored model's weights before reading them).
   */
  public static Map<String, Long> parameterLayout(ModelConfig m) {
    Map<String, Long> out = new LinkedHashMap<>();
    IUpdater updater = new Adam(1e-3);
    for (ComputationGraphConfiguration c :
        new ComputationGraphConfiguration[] {
          autoencoderConfiguration(m, 0, updater, 1.0, Blocks.TRAINABLE).build(),
          guidedConfiguration(m, 0, updater, 1.0, Blocks.TRAINABLE).build()
        }) {
      for (Map.Entry<String, GraphVertex> v : c.getVertices().entrySet()) {
        if (v.getValue() instanceof LayerVertex lv) {
          NeuralNetConfiguration lc = lv.getLayerConf();
          long n = lc.getLayer().initializer().numParams(lc);
          if (n > 0) {
            out.put(v.getKey(), n);
          }
        }
      }
    }
    return out;
  }

  private static ComputationGraph init(ComputationGraphConfiguration.GraphBuilder g) {
    ComputationGraph graph = new ComputationGraph(g.build());
    graph.init();
    return graph;
  }

  /**
   * conv 3x3 (no bias) + batch norm + ReLU, named {@code X_convN}, {@code X_bnN}, {@code X_reluN}
   * for a block called {@code X_reluN}; returns the block's output vertex (the ReLU).
   *
   * <p>The ReLU is a layer of its own: DL4J 1.0.0-M2.1's {@link BatchNormalization} ignores {@code
   * .activation(...)} (its {@code activate()} returns the normalised pre-output), so a ReLU set
   * there is silently dropped and the block stays linear. The oneDNN helpers still serve the
   * convolution and the batch norm; the ReLU runs as ND4J's native relu / relu_bp ops.
   */
  private static String convBnRelu(
      ComputationGraphConfiguration.GraphBuilder g,
      String name,
      String input,
      int channels,
      Blocks blocks) {
    if (blocks == Blocks.FOLDED) {
      g.addLayer(
          name,
          new ConvolutionLayer.Builder(3, 3)
              .nOut(channels)
              .hasBias(true)
              .activation(Activation.RELU)
              .build(),
          input);
      return name;
    }
    String conv = convolutionOf(name);
    String bn = batchNormOf(name);
    g.addLayer(
        conv,
        new ConvolutionLayer.Builder(3, 3)
            .nOut(channels)
            .hasBias(false)
            .activation(Activation.IDENTITY)
            .build(),
        input);
    g.addLayer(bn, new BatchNormalization.Builder().build(), conv);
    g.addLayer(name, new ActivationLayer.Builder().activation(Activation.RELU).build(), bn);
    return name;
  }

  /** The convolution layer of the trainable conv block whose output is {@code block}. */
  static String convolutionOf(String block) {
    return block.replace("_relu", "_conv");
  }

  /** The batch norm layer of the trainable conv block whose output is {@code block}. */
  static String batchNormOf(String block) {
    return block.replace("_relu", "_bn");
  }

  /** Two conv blocks named prefix_relu1 and prefix_relu2; returns prefix_relu2. */
  private static String doubleConv(
      ComputationGraphConfiguration.GraphBuilder g,
      String prefix,
      String input,
      int channels,
      Blocks blocks) {
    String first = convBnRelu(g, prefix + "_relu1", input, channels, blocks);
    return convBnRelu(g, prefix + "_relu2", first, channels, blocks);
  }

  private static String maxPool(
      ComputationGraphConfiguration.GraphBuilder g, String name, String in) {
    g.addLayer(
        name,
        new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build(),
        in);
    return name;
  }

  private static String upsample(
      ComputationGraphConfiguration.GraphBuilder g, String name, String in) {
    g.addLayer(name, new Upsampling2D.Builder(2).build(), in);
    return name;
  }

  private static void addAutoencoder(
      ComputationGraphConfiguration.GraphBuilder g,
      ModelConfig m,
      String input,
      double lambda,
      Blocks blocks) {
    String x = input;
    for (int i = 1; i <= ModelConfig.SCALES; i++) {
      String e = doubleConv(g, "ae_e" + i, x, m.widthAt(i), blocks);
      x = maxPool(g, "ae_pool" + i, e);
    }
    x = doubleConv(g, "ae_bott", x, m.widthAt(ModelConfig.SCALES), blocks);
    for (int i = ModelConfig.SCALES; i >= 1; i--) {
      String up = upsample(g, "ae_d" + i + "_up", x);
      x = doubleConv(g, "ae_d" + i, up, m.widthAt(i), blocks);
    }
    g.addLayer(
        "ae_out",
        new ConvolutionLayer.Builder(1, 1).nOut(3).activation(Activation.SIGMOID).build(),
        x);
    g.addLayer(RECONSTRUCTION, new ReconstructionLossLayer(lambda), "ae_out");
  }

  /**
   * The segmentation U-Net; {@code guidance[i]} names the vertex carrying C_D^i, or guidance is
   * null for the unguided ablation.
   */
  private static void addSegmentation(
      ComputationGraphConfiguration.GraphBuilder g,
      ModelConfig m,
      String[] guidance,
      double focalTau,
      Blocks blocks) {
    String x = INPUT_IMAGE;
    String[] skips = new String[ModelConfig.SCALES + 1];
    for (int i = 1; i <= ModelConfig.SCALES; i++) {
      String a = doubleConv(g, "seg_e" + i, x, m.widthAt(i), blocks);
      String fused = a;
      if (guidance != null) {
        fused = "seg_fuse" + i;
        g.addVertex(fused, new MergeVertex(), a, guidance[i]);
      }
      skips[i] = convBnRelu(g, "seg_skip" + i + "_relu", fused, m.widthAt(i), blocks);
      x = maxPool(g, "seg_pool" + i, fused);
    }
    x = doubleConv(g, "seg_bott", x, m.widthAt(ModelConfig.SCALES), blocks);
    for (int i = ModelConfig.SCALES; i >= 1; i--) {
      String up = upsample(g, "seg_d" + i + "_up", x);
      String cat = "seg_d" + i + "_cat";
      g.addVertex(cat, new MergeVertex(), up, skips[i]);
      x = doubleConv(g, "seg_d" + i, cat, m.widthAt(i), blocks);
    }
    g.addLayer(
        "seg_logits",
        new ConvolutionLayer.Builder(1, 1)
            .nOut(1)
            .activation(Activation.IDENTITY)
            .biasInit(ANOMALY_PRIOR_LOGIT)
            .build(),
        x);
    double pixels = (double) m.inputSize() * m.inputSize();
    g.addLayer(
        SEGMENTATION,
        new CnnLossLayer.Builder()
            .lossFunction(new FocalLoss(focalTau, pixels))
            .activation(Activation.SIGMOID)
            .build(),
        "seg_logits");
  }
}
