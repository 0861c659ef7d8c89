package sgsf.engine.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.profiler.OpProfiler;
import sgsf.engine.backend.ProcessMemory;
import sgsf.engine.config.GuidanceMode;
import sgsf.engine.config.ModelConfig;

/**
 * Measures the network's training step and its parts on random data of the right shapes (speed does
 * not depend on the values). Used by {@code sgsf bench train}.
 */
public final class NetworkBenchmark {
  private NetworkBenchmark() {}

  /**
   * Training-step figures.
   *
   * @param parameters trainable parameters of both networks
   * @param stepSeconds every timed full step (forward, backward, Adam update)
   * @param forwardSeconds median forward pass (training mode)
   * @param forwardBackwardSeconds median forward + backward (gradients, no update)
   * @param heaviestOps op classes by share of the op time in one profiled step, heaviest first
   * @param peakRssMb the process's peak resident memory so far
   */
  public record TrainFigures(
      long parameters,
      double[] stepSeconds,
      double forwardSeconds,
      double forwardBackwardSeconds,
      List<String> heaviestOps,
      long peakRssMb) {
    public double medianStep() {
      return median(stepSeconds);
    }

    public double backwardSeconds() {
      return Math.max(0, forwardBackwardSeconds - forwardSeconds);
    }

    public double updateSeconds() {
      return Math.max(0, medianStep() - forwardBackwardSeconds);
    }
  }

  /** Times {@code steps} training steps of the graph the guidance mode trains, after 2 untimed. */
  public static TrainFigures train(ModelConfig m, int batch, int steps, boolean profileOps) {
    SgsfNetwork net = new SgsfNetwork(m, 1, new Adam(1e-4), new Adam(1e-4), 1.0, 2.0);
    ComputationGraph g;
    INDArray[] in;
    INDArray[] labels;
    int s = m.inputSize();
    INDArray a = Nd4j.rand(DataType.FLOAT, batch, m.segmentationInputChannels(), s, s);
    INDArray mask = Nd4j.rand(DataType.FLOAT, batch, 1, s, s).gt(0.9).castTo(DataType.FLOAT);
    if (m.guidance() == GuidanceMode.JOINT || m.guidance() == GuidanceMode.DETACHED) {
      g = net.joint();
      INDArray c = Nd4j.rand(DataType.FLOAT, batch, 3, s, s);
      in = new INDArray[] {a, c};
      labels = new INDArray[] {c, mask};
    } else {
      g = net.segmentation();
      INDArray[] guidance = new INDArray[ModelConfig.SCALES + 1];
      for (int i = 1; i <= ModelConfig.SCALES; i++) {
        int side = s >> (i - 1);
        guidance[i] = Nd4j.rand(DataType.FLOAT, batch, m.widthAt(i), side, side);
      }
      in = m.guidance() == GuidanceMode.NONE ? new INDArray[] {a} : withGuidance(a, guidance);
      labels = new INDArray[] {mask};
    }
    MultiDataSet ds = new MultiDataSet(in, labels);
    for (int i = 0; i < 2; i++) {
      g.fit(ds);
    }
    double[] step = new double[steps];
    for (int i = 0; i < steps; i++) {
      long t0 = System.nanoTime();
      g.fit(ds);
      step[i] = (System.nanoTime() - t0) / 1e9;
    }
    final INDArray[] inputs = in;
    double fwd =
        medianOf(
            3,
            () -> {
              g.feedForward(inputs, true, false);
              return null;
            });
    double fwdBwd =
        medianOf(
            3,
            () -> {
              g.setInputs(inputs);
              g.setLabels(labels);
              g.computeGradientAndScore();
              return null;
            });
    List<String> ops = List.of();
    if (profileOps) {
      OpExecutioner ex = Nd4j.getExecutioner();
      OpProfiler.getInstance().reset();
      ex.setProfilingMode(OpExecutioner.ProfilingMode.OPERATIONS);
      try {
        g.fit(ds);
      } finally {
        ex.setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
      }
      ops = topLines(OpProfiler.getInstance().getClassAggergator().asPercentageString(), 8);
    }
    return new TrainFigures(net.parameterCount(), step, fwd, fwdBwd, ops, peakRssMb());
  }

  private static INDArray[] withGuidance(INDArray a, INDArray[] guidance) {
    INDArray[] in = new INDArray[ModelConfig.SCALES + 1];
    in[0] = a;
    System.arraycopy(guidance, 1, in, 1, ModelConfig.SCALES);
    return in;
  }

  private static double medianOf(int runs, Supplier<Void> work) {
    work.get();
    double[] t = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      work.get();
      t[i] = (System.nanoTime() - t0) / 1e9;
    }
    return median(t);
  }

  private static List<String> topLines(String table, int n) {
    List<String> out = new ArrayList<>();
    for (String line : table.split("\\R")) {
      if (!line.isBlank()) {
        out.add(line.trim());
      }
      if (out.size() == n) {
        break;
      }
    }
    return out;
  }

  public static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  /** Peak resident memory of this process (VmHWM), in MB; -1 where /proc is not available. */
  public static long peakRssMb() {
    long b = ProcessMemory.peakResidentBytes();
    return b < 0 ? -1 : b >> 20;
  }
}
