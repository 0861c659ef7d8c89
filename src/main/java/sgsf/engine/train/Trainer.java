package sgsf.engine.train;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sgsf.engine.backend.Backend;
import sgsf.engine.backend.SoftwareVersion;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.GuidanceMode;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.config.TrainConfig;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.model.FeatureBank;
import sgsf.engine.model.HistoryPoint;
import sgsf.engine.model.ModelProvenance;
import sgsf.engine.model.SgsfGraphs;
import sgsf.engine.model.SgsfModel;
import sgsf.engine.model.SgsfNetwork;
import sgsf.engine.model.Tensors;

/**
 * Trains an SGSF model (METHOD.md section 2) on good images only.
 *
 * <ol>
 *   <li>Warm-up: the autoencoder alone learns to reconstruct good images (L_self = L2 + L_SSIM).
 *   <li>Contrast sets (Eq. (4)): each image's n most similar other good images by cosine similarity
 *       of mean-pooled bottleneck features; rebuilt every {@code contrastRebuildEvery} main
 *       iterations while the autoencoder still learns.
 *   <li>Main phase: batches of forged (p_forge) and good images A with masks M, each with a
 *       contrast image C drawn from its source image's contrast set; loss lambda L_self + L_seg
 *       (Eq. (7)), Adam, learning rate x0.1 at 50 %, 70 % and 90 % of the planned iterations.
 *       Forging for the next batch runs on a background thread while the network trains on the
 *       current one.
 *   <li>Feature bank: every training image embedded for test-time neighbour search.
 * </ol>
 *
 * <p>Every random choice derives from the seed and the iteration number, so a run resumed from a
 * checkpoint continues exactly as the uninterrupted run would have.
 */
public final class Trainer {
  private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
  private static final int EMBED_BATCH = 8;

  /** Guidance features of all training images are cached in FROZEN mode below this size. */
  private static final long GUIDANCE_CACHE_BYTES = 3L << 30;

  private final ModelConfig modelConfig;
  private final TrainConfig cfg;
  private final TrainingData data;
  private final SampleForger forger;
  private final TrainingListener listener;
  private final CheckpointSink sink;
  private final String datasetName;
  private final String datasetRoot;
  private final ForgeConfig forge;

  private SgsfNetwork network;
  private ContrastSets contrast;
  private GuidanceCache guidanceCache;
  private final List<HistoryPoint> history = new ArrayList<>();
  private final Deque<Double> recentSteps = new ArrayDeque<>();
  private final LearningRateSchedule schedule;
  private Path lastCheckpoint;
  private int lastCheckpointIteration = -1;
  private int warmup;
  private int planned;
  private double elapsedBefore;

  /**
   * @param datasetName shown in provenance
   * @param datasetRoot shown in provenance
   * @param forge the forging configuration, stored in provenance (or {@code null} when the forger
   *     is not built from one)
   */
  public Trainer(
      ModelConfig modelConfig,
      TrainConfig cfg,
      TrainingData data,
      SampleForger forger,
      TrainingListener listener,
      CheckpointSink sink,
      String datasetName,
      String datasetRoot,
      ForgeConfig forge) {
    if (data.size() < 2) {
      throw new IllegalArgumentException("training needs at least 2 good images");
    }
    for (FloatImage img : data.images()) {
      if (img.channels() != 3
          || img.height() != modelConfig.inputSize()
          || img.width() != modelConfig.inputSize()) {
        throw new IllegalArgumentException(
            "training images must be 3x"
                + modelConfig.inputSize()
                + "x"
                + modelConfig.inputSize()
                + ", got "
                + img);
      }
    }
    this.modelConfig = modelConfig;
    this.cfg = cfg;
    this.data = data;
    this.forger = forger;
    this.listener = listener == null ? TrainingListener.NONE : listener;
    this.sink = sink == null ? CheckpointSink.NONE : sink;
    this.datasetName = datasetName;
    this.datasetRoot = datasetRoot;
    this.forge = forge;
    this.schedule = new LearningRateSchedule(cfg);
  }

  /** Trains from scratch. */
  public TrainingOutcome run(TrainingControl control) {
    network = newNetwork();
    warmup = modelConfig.guidance() == GuidanceMode.NONE ? 0 : cfg.warmupIterations();
    planned = warmup + cfg.iterations();
    return loop(0, control);
  }

  /**
   * Continues a run from a checkpoint.
   *
   * @throws IllegalArgumentException when the checkpoint belongs to other data or another model
   */
  public TrainingOutcome resume(TrainingState state, TrainingControl control) {
    if (!state.model().equals(modelConfig)) {
      throw new IllegalArgumentException(
          "checkpoint is of model " + state.model() + ", not " + modelConfig);
    }
    if (!state.fingerprint().digest().equals(data.fingerprint().digest())) {
      throw new IllegalArgumentException(
          "checkpoint was trained on other images (data fingerprint differs)");
    }
    network = newNetwork();
    network.setParametersByLayer(state.parameters());
    warmup = state.warmupIterations();
    planned = state.plannedIterations();
    history.addAll(state.history());
    elapsedBefore = state.elapsedSeconds();
    if (state.contrastSets() != null) {
      contrast = new ContrastSets(state.contrastSets());
    }
    ComputationGraph active = graphNamed(state.activeGraph());
    if (state.updaterState() != null && state.updaterState().length > 0) {
      INDArray view = active.getUpdater(true).getStateViewArray();
      if (view == null || view.length() != state.updaterState().length) {
        throw new IllegalArgumentException("checkpoint optimiser state does not fit the model");
      }
      view.assign(Nd4j.create(state.updaterState(), view.shape(), view.dataType()));
    }
    active.getConfiguration().setIterationCount(state.optimizerSteps());
    return loop(state.nextIteration(), control);
  }

  private SgsfNetwork newNetwork() {
    return new SgsfNetwork(
        modelConfig,
        cfg.seed(),
        new Adam(cfg.learningRate()),
        new Adam(schedule),
        cfg.lambda(),
        cfg.focalTau());
  }

  private ComputationGraph graphNamed(String name) {
    return switch (name) {
      case "autoencoder" -> network.autoencoder();
      case "joint" -> network.joint();
      case "segmentation" -> network.segmentation();
      default -> throw new IllegalArgumentException("unknown graph '" + name + "' in checkpoint");
    };
  }

  private boolean usesJointGraph() {
    return modelConfig.guidance() == GuidanceMode.JOINT
        || modelConfig.guidance() == GuidanceMode.DETACHED;
  }

  private String activeGraphName(int iteration) {
    if (iteration < warmup) {
      return "autoencoder";
    }
    return usesJointGraph() ? "joint" : "segmentation";
  }

  private TrainingOutcome loop(int startIteration, TrainingControl control) {
    long start = System.nanoTime();
    listener.onStart(
        new TrainingListener.TrainingStart(
            Backend.describe(), network.parameterCount(), data.size(), planned, startIteration));
    LOG.info(
        "training {} on {} images, {} parameters, backend {}",
        modelConfig,
        data.size(),
        network.parameterCount(),
        Backend.describe());
    ExecutorService forgeThread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "sgsf-forge");
              t.setDaemon(true);
              return t;
            });
    try {
      int it = startIteration;
      Future<List<Forged>> next = null;
      TrainingPhase announced = null;
      while (it < planned) {
        if (!control.awaitRunnable()) {
          return cancelled(it, startIteration, elapsedBefore + (System.nanoTime() - start) / 1e9);
        }
        boolean main = it >= warmup;
        TrainingPhase phase = main ? TrainingPhase.MAIN : TrainingPhase.WARMUP;
        if (phase != announced) {
          if (main) {
            enterMainPhase(it);
          }
          listener.onPhase(
              phase, main ? "training the segmentation network" : "autoencoder warm-up");
          announced = phase;
        }
        if (main && next == null) {
          final int at = it;
          next = forgeThread.submit(() -> forgeBatch(at));
        }
        long t0 = System.nanoTime();
        double[] losses;
        if (main) {
          List<Forged> batch = awaitBatch(next);
          if (it + 1 < planned) {
            final int at = it + 1;
            next = forgeThread.submit(() -> forgeBatch(at));
          } else {
            next = null;
          }
          losses = mainStep(it, batch);
          maybeRebuildContrastSets(it);
        } else {
          losses = warmupStep(it);
        }
        double step = (System.nanoTime() - t0) / 1e9;
        double elapsed = elapsedBefore + (System.nanoTime() - start) / 1e9;
        if (!Double.isFinite(losses[0])) {
          String msg =
              "training stopped: the loss became "
                  + losses[0]
                  + " at iteration "
                  + (it + 1)
                  + (lastCheckpoint == null
                      ? "; no checkpoint was written yet"
                      : "; the last good checkpoint is " + lastCheckpoint)
                  + ". Try a lower learning rate.";
          LOG.error(msg);
          return new TrainingOutcome(
              TrainingOutcome.Status.DIVERGED, null, msg, lastCheckpoint, it);
        }
        record(it, phase, losses, step, elapsed);
        it++;
        replan(it, start);
        if (cfg.checkpointEvery() > 0 && it % cfg.checkpointEvery() == 0 && it < planned) {
          checkpoint(it, elapsed);
        }
      }
      if (control.isCancelled()) {
        return cancelled(it, startIteration, elapsedBefore + (System.nanoTime() - start) / 1e9);
      }
      listener.onPhase(TrainingPhase.FEATURE_BANK, "embedding the training images");
      network.syncFromJoint();
      double elapsed = elapsedBefore + (System.nanoTime() - start) / 1e9;
      checkpoint(it, elapsed);
      SgsfModel model = new SgsfModel(network, buildBank(), provenance(it, elapsed));
      listener.onPhase(TrainingPhase.DONE, "training finished");
      return new TrainingOutcome(
          TrainingOutcome.Status.COMPLETED,
          model,
          "trained " + it + " iterations in " + Math.round(elapsed) + " s",
          lastCheckpoint,
          it);
    } finally {
      forgeThread.shutdownNow();
    }
  }

  /**
   * Ends a cancelled run. With checkpoints on, the iterations since the last checkpoint are kept: a
   * checkpoint is written at the cancelled iteration, so a resume loses none of them.
   */
  private TrainingOutcome cancelled(int it, int startIteration, double elapsed) {
    if (cfg.checkpointEvery() > 0 && it > startIteration && it != lastCheckpointIteration) {
      checkpoint(it, elapsed);
    }
    String msg =
        "training cancelled after "
            + it
            + " iterations"
            + (lastCheckpoint == null ? "" : "; last checkpoint " + lastCheckpoint);
    return new TrainingOutcome(TrainingOutcome.Status.CANCELLED, null, msg, lastCheckpoint, it);
  }

  private static List<Forged> awaitBatch(Future<List<Forged>> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while forging", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      throw new IllegalStateException("forging failed: " + c.getMessage(), c);
    }
  }

  private static SplittableRandom rng(long seed, int iteration, int stream) {
    long s =
        seed * 0x9E3779B97F4A7C15L + iteration * 0xBF58476D1CE4E5B9L + stream * 0x94D049BB133111EBL;
    return new SplittableRandom(s);
  }

  /** A training input and the index of the good image it was forged from. */
  private record Forged(int source, SampleForger.ForgedImage sample) {}

  /** How many source images and seeds a forged slot tries before it stays a good sample. */
  static final int FORGE_TRIES = 16;

  /**
   * The batch of main-phase iteration {@code it}: depends only on the seed and it. Exactly p_forge
   * of the batch is forged (p_forge x batch rounded at random between its neighbours, so 6 of 8 at
   * 0.75), not an independent draw per sample; a slot whose forgery fails is retried with another
   * image and seed.
   */
  private List<Forged> forgeBatch(int it) {
    SplittableRandom r = rng(cfg.seed(), it, 1);
    int n = cfg.batchSize();
    double expected = forger.forgeProbability() * n;
    int forgedCount = (int) Math.floor(expected);
    if (r.nextDouble() < expected - forgedCount) {
      forgedCount++;
    }
    boolean[] forgedSlot = new boolean[n];
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    for (int k = 0; k < forgedCount; k++) {
      int j = k + r.nextInt(n - k);
      int t = order[k];
      order[k] = order[j];
      order[j] = t;
      forgedSlot[order[k]] = true;
    }
    List<Forged> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      int src = r.nextInt(data.size());
      int symmetry = cfg.flipGood() ? r.nextInt(Symmetries.COUNT) : 0;
      SampleForger.ForgedImage sample = null;
      for (int attempt = 0; forgedSlot[k] && sample == null && attempt < FORGE_TRIES; attempt++) {
        if (attempt > 0) {
          src = r.nextInt(data.size());
        }
        // each transformed image is its own entry of the forger's saliency cache
        sample =
            forger.forgeAnomaly(
                Symmetries.apply(data.images().get(src), symmetry),
                src + symmetry * data.size(),
                r.nextLong());
      }
      if (sample == null) {
        if (forgedSlot[k]) {
          LOG.warn(
              "no forgery after {} tries at iteration {}; a good sample instead", FORGE_TRIES, it);
        }
        FloatImage good = Symmetries.apply(data.images().get(src), symmetry);
        sample =
            new SampleForger.ForgedImage(
                good, FloatImage.zeros(1, good.height(), good.width()), false);
      }
      out.add(new Forged(src, sample));
    }
    return out;
  }

  private double[] warmupStep(int it) {
    SplittableRandom r = rng(cfg.seed(), it, 2);
    List<FloatImage> imgs = new ArrayList<>(cfg.batchSize());
    for (int k = 0; k < cfg.batchSize(); k++) {
      imgs.add(data.images().get(r.nextInt(data.size())));
    }
    INDArray c = Tensors.batch(imgs);
    ComputationGraph ae = network.autoencoder();
    ae.fit(new MultiDataSet(new INDArray[] {c}, new INDArray[] {c}));
    release(c);
    double self = ae.score() / Math.max(cfg.lambda(), 1e-12);
    return new double[] {ae.score(), self, Double.NaN, cfg.learningRate()};
  }

  private void enterMainPhase(int it) {
    if (modelConfig.guidance() == GuidanceMode.NONE) {
      return;
    }
    if (contrast == null || modelConfig.guidance() == GuidanceMode.FROZEN) {
      if (contrast == null) {
        listener.onPhase(TrainingPhase.CONTRAST_SETS, "building contrast sets");
        contrast = ContrastSets.build(embedAll(), cfg.contrastSetSize());
      }
    }
    if (usesJointGraph()) {
      network.syncAutoencoderIntoJoint();
      network.joint();
    } else if (modelConfig.guidance() == GuidanceMode.FROZEN) {
      buildGuidanceCache();
    }
  }

  private void maybeRebuildContrastSets(int it) {
    int mainDone = it + 1 - warmup;
    if (usesJointGraph()
        && cfg.contrastRebuildEvery() > 0
        && mainDone % cfg.contrastRebuildEvery() == 0
        && it + 1 < planned) {
      network.syncFromJoint();
      contrast = ContrastSets.build(embedAll(), cfg.contrastSetSize());
      LOG.info("rebuilt contrast sets at iteration {}", it + 1);
    }
  }

  private void buildGuidanceCache() {
    long bytes = GuidanceCache.bytesPerImage(modelConfig) * data.size();
    if (bytes > GUIDANCE_CACHE_BYTES) {
      LOG.info("guidance cache would need {} MB; computing guidance per batch", bytes >> 20);
      guidanceCache = null;
      return;
    }
    guidanceCache = GuidanceCache.build(network, data.images());
    LOG.info("guidance cache: {} images, {} MB", guidanceCache.size(), bytes >> 20);
  }

  private double[] mainStep(int it, List<Forged> batch) {
    int n = batch.size();
    List<FloatImage> inputs = new ArrayList<>(n);
    List<FloatImage> masks = new ArrayList<>(n);
    int[] contrastIdx = new int[n];
    SplittableRandom r = rng(cfg.seed(), it, 3);
    for (int k = 0; k < n; k++) {
      SampleForger.ForgedImage f = batch.get(k).sample();
      inputs.add(f.image());
      masks.add(f.mask());
      if (contrast != null) {
        int[] set = contrast.setOf(batch.get(k).source());
        contrastIdx[k] = set[r.nextInt(set.length)];
      }
    }
    INDArray a = Tensors.batch(inputs);
    INDArray m = Tensors.batch(masks);
    int mainIt = it - warmup;
    schedule.plan(planned - warmup);
    double lr = schedule.valueAt(mainIt, 0);
    double self = Double.NaN;
    double seg;
    double total;
    INDArray prediction = null;
    boolean preview = listener.wantsPreview(it + 1);
    switch (modelConfig.guidance()) {
      case JOINT, DETACHED -> {
        List<FloatImage> cs = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
          cs.add(data.images().get(contrastIdx[k]));
        }
        INDArray c = Tensors.batch(cs);
        ComputationGraph g = network.joint();
        requireMainPhaseCount(g, mainIt);
        INDArray[] in = {network.withCoordinates(a), c};
        g.fit(new MultiDataSet(in, new INDArray[] {c, m}));
        total = g.score();
        seg = g.getLayer(SgsfGraphs.SEGMENTATION).score();
        self = (total - seg) / Math.max(cfg.lambda(), 1e-12);
        if (preview) {
          prediction = g.output(false, in)[1];
        }
        release(in[0], c);
      }
      case FROZEN -> {
        INDArray[] guidance = guidanceFor(contrastIdx);
        ComputationGraph g = network.segmentation();
        requireMainPhaseCount(g, mainIt);
        INDArray[] in = network.segmentationInputs(a, guidance);
        g.fit(new MultiDataSet(in, new INDArray[] {m}));
        total = g.score();
        seg = total;
        if (preview) {
          prediction = g.output(false, in)[0];
        }
        // the batch's guidance is built for this step (widened from the cache, or computed)
        for (int i = 1; i <= ModelConfig.SCALES; i++) {
          release(guidance[i]);
        }
        if (in[0] != a) {
          release(in[0]);
        }
      }
      case NONE -> {
        ComputationGraph g = network.segmentation();
        requireMainPhaseCount(g, mainIt);
        INDArray[] in = network.segmentationInputs(a, null);
        g.fit(new MultiDataSet(in, new INDArray[] {m}));
        total = g.score();
        seg = total;
        if (preview) {
          prediction = g.output(false, in)[0];
        }
      }
      default -> throw new IllegalStateException();
    }
    release(a, m);
    if (preview && prediction != null) {
      int shown = Math.min(4, n);
      List<FloatImage> preds = new ArrayList<>(shown);
      for (int k = 0; k < shown; k++) {
        preds.add(Tensors.image(prediction, k));
      }
      listener.onPreview(
          new BatchPreview(it + 1, inputs.subList(0, shown), masks.subList(0, shown), preds));
    }
    return new double[] {total, self, seg, lr};
  }

  /**
   * The main-phase graphs' Adam reads the learning rate from {@link LearningRateSchedule} at the
   * graph's iteration count, which must therefore be the main-phase iteration.
   */
  private static void requireMainPhaseCount(ComputationGraph g, int mainIt) {
    int count = g.getConfiguration().getIterationCount();
    if (count != mainIt) {
      throw new IllegalStateException(
          "graph has taken " + count + " optimiser steps at main-phase iteration " + mainIt);
    }
  }

  /**
   * Frees a batch's native memory as soon as the step is done; left to the garbage collector, a few
   * MB per step pile up to gigabytes of resident memory before a collection runs.
   */
  private static void release(INDArray... arrays) {
    for (INDArray x : arrays) {
      if (x != null && !x.wasClosed() && x.closeable()) {
        x.close();
      }
    }
  }

  private INDArray[] guidanceFor(int[] contrastIdx) {
    INDArray[] g = new INDArray[ModelConfig.SCALES + 1];
    if (guidanceCache != null) {
      return guidanceCache.batch(contrastIdx);
    }
    List<FloatImage> cs = new ArrayList<>(contrastIdx.length);
    for (int idx : contrastIdx) {
      cs.add(data.images().get(idx));
    }
    INDArray batch = Tensors.batch(cs);
    SgsfNetwork.Features f = network.features(batch);
    release(f.embedding(), batch);
    return f.guidance();
  }

  private float[][] embedAll() {
    return embed(data.images());
  }

  /** Bottleneck embeddings of images, in batches. */
  private float[][] embed(List<FloatImage> images) {
    float[][] out = new float[images.size()][];
    for (int from = 0; from < images.size(); from += EMBED_BATCH) {
      int to = Math.min(images.size(), from + EMBED_BATCH);
      INDArray batch = Tensors.batch(images.subList(from, to));
      INDArray e = network.embed(batch);
      for (int k = from; k < to; k++) {
        out[k] = e.getRow(k - from).toFloatVector();
      }
      release(batch, e);
    }
    return out;
  }

  /**
   * The feature bank. Its images are stored in the model as 8-bit PNGs; the bank holds exactly the
   * decoded PNGs (and embeds those), so a saved and reloaded model predicts bit for bit like the
   * model in memory.
   */
  private FeatureBank buildBank() {
    List<FloatImage> stored = new ArrayList<>(data.size());
    for (int i = 0; i < data.size(); i++) {
      FloatImage img = data.images().get(i);
      stored.add(
          ImageIo.decode(ImageIo.encodePng(img), Path.of(data.ids().get(i))).withChannels(3));
    }
    float[][] emb = embed(stored);
    return new FeatureBank(data.ids(), stored, emb);
  }

  private void record(int it, TrainingPhase phase, double[] losses, double step, double elapsed) {
    recentSteps.addLast(step);
    if (recentSteps.size() > 20) {
      recentSteps.removeFirst();
    }
    double median = medianStep();
    double sps = median > 0 ? cfg.batchSize() / median : 0;
    double eta = median * (planned - it - 1);
    history.add(
        new HistoryPoint(
            it + 1, phase.name(), losses[0], losses[1], losses[2], losses[3], elapsed));
    listener.onIteration(
        new IterationStats(
            it + 1, planned, phase, losses[0], losses[1], losses[2], losses[3], sps, step, eta,
            elapsed));
  }

  private double medianStep() {
    if (recentSteps.isEmpty()) {
      return 0;
    }
    double[] s = recentSteps.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  /** Under a time budget, re-estimates how many iterations fit (and caps the warm-up). */
  private void replan(int done, long start) {
    if (cfg.minutes() <= 0 || recentSteps.size() < 3) {
      return;
    }
    double budget = cfg.minutes() * 60 - elapsedBefore;
    double spent = (System.nanoTime() - start) / 1e9;
    double remaining = Math.max(0, budget - spent);
    double step = medianStep();
    if (done <= warmup) {
      int cap = (int) Math.floor(0.15 * budget / step);
      warmup = Math.max(done, Math.min(warmup, cap));
      int mainFit = (int) Math.floor((remaining - (warmup - done) * step) / (step * 2.0));
      planned = warmup + Math.max(1, Math.min(cfg.iterations(), mainFit));
    } else if (done - warmup <= 10 || (done - warmup) % 25 == 0) {
      int more = (int) Math.floor(remaining / step);
      planned = Math.max(done, Math.min(warmup + cfg.iterations(), done + more));
    }
  }

  private void checkpoint(int nextIteration, double elapsed) {
    network.syncFromJoint();
    String active = activeGraphName(Math.max(0, nextIteration - 1));
    ComputationGraph g = graphNamed(active);
    INDArray view = g.getUpdater(true).getStateViewArray();
    java.util.Map<String, float[]> params = new java.util.LinkedHashMap<>();
    network.parametersByLayer().forEach((k, v) -> params.put(k, v.dup().toFloatVector()));
    TrainingState state =
        new TrainingState(
            modelConfig,
            cfg,
            nextIteration,
            warmup,
            planned,
            params,
            active,
            view == null ? new float[0] : view.dup().toFloatVector(),
            g.getConfiguration().getIterationCount(),
            contrast == null ? null : contrast.table(),
            history,
            elapsed,
            data.fingerprint());
    try {
      Path p = sink.save(state);
      if (p != null) {
        lastCheckpoint = p;
        lastCheckpointIteration = nextIteration;
        listener.onCheckpoint(p, nextIteration);
      }
    } catch (IOException e) {
      LOG.warn("checkpoint at iteration {} could not be written: {}", nextIteration, e.toString());
    }
  }

  private ModelProvenance provenance(int iterations, double elapsed) {
    return new ModelProvenance(
        datasetName,
        datasetRoot,
        data.fingerprint(),
        cfg,
        forge,
        forger.describe(),
        SoftwareVersion.get(),
        Instant.now().toString(),
        iterations,
        elapsed,
        history);
  }
}
