package sgsf.ui.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import sgsf.engine.config.GuidanceMode;
import sgsf.engine.config.ModelConfig;
import sgsf.engine.config.Parameter;
import sgsf.engine.config.TrainConfig;
import sgsf.engine.config.TrainParameters;

/**
 * The training form: text fields as typed, checked on every change. Each problem is a message
 * naming the field and the accepted range; the configuration records are built only when there is
 * none.
 */
public final class TrainingForm {
  /** Model presets offered (METHOD.md section 3); "custom" when size and width are edited. */
  public static final List<String> PRESETS = List.of("lite", "standard", "paper", "custom");

  private final ObjectProperty<String> preset = new SimpleObjectProperty<>(this, "preset", "lite");
  private final ObjectProperty<GuidanceMode> guidance =
      new SimpleObjectProperty<>(this, "guidance", ModelConfig.DEFAULT_GUIDANCE);
  private final StringProperty inputSize = new SimpleStringProperty(this, "inputSize");
  private final StringProperty baseWidth = new SimpleStringProperty(this, "baseWidth");
  private boolean applyingPreset;
  private final BooleanProperty timeBudget = new SimpleBooleanProperty(this, "timeBudget");
  private final BooleanProperty flipGood = new SimpleBooleanProperty(this, "flipGood");
  private final StringProperty iterations = new SimpleStringProperty(this, "iterations");
  private final StringProperty minutes = new SimpleStringProperty(this, "minutes");
  private final StringProperty warmup = new SimpleStringProperty(this, "warmup");
  private final StringProperty batchSize = new SimpleStringProperty(this, "batchSize");
  private final StringProperty learningRate = new SimpleStringProperty(this, "learningRate");
  private final StringProperty lambda = new SimpleStringProperty(this, "lambda");
  private final StringProperty contrastSetSize = new SimpleStringProperty(this, "contrastSetSize");
  private final StringProperty checkpointEvery = new SimpleStringProperty(this, "checkpointEvery");
  private final StringProperty seed = new SimpleStringProperty(this, "seed");

  /** The text field of each {@link TrainParameters} parameter, by its id. */
  private final Map<String, StringProperty> fields = new LinkedHashMap<>();

  private final ObservableList<String> problems = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<TrainConfig> trainConfig =
      new ReadOnlyObjectWrapper<>(this, "trainConfig");
  private final ReadOnlyObjectWrapper<ModelConfig> modelConfig =
      new ReadOnlyObjectWrapper<>(this, "modelConfig");

  public TrainingForm() {
    fields.put("iterations", iterations);
    fields.put("minutes", minutes);
    fields.put("warmup", warmup);
    fields.put("batch", batchSize);
    fields.put("lr", learningRate);
    fields.put("lambda", lambda);
    fields.put("contrast", contrastSetSize);
    fields.put("checkpoint-every", checkpointEvery);
    load(ModelConfig.lite(), TrainConfig.defaults());
    preset.addListener(
        (o, a, p) -> {
          if (!"custom".equals(p)) {
            ModelConfig m = ModelConfig.preset(p);
            applyingPreset = true;
            inputSize.set(Integer.toString(m.inputSize()));
            baseWidth.set(Integer.toString(m.baseWidth()));
            applyingPreset = false;
            validate();
          }
        });
    for (Observable o : new Observable[] {inputSize, baseWidth}) {
      o.addListener(
          x -> {
            if (!applyingPreset) {
              preset.set(presetOf(inputSize.get(), baseWidth.get()));
            }
          });
    }
    for (Observable o :
        new Observable[] {
          preset,
          guidance,
          inputSize,
          baseWidth,
          timeBudget,
          flipGood,
          iterations,
          minutes,
          warmup,
          batchSize,
          learningRate,
          lambda,
          contrastSetSize,
          checkpointEvery,
          seed
        }) {
      o.addListener(x -> validate());
    }
    validate();
  }

  /** Fills the fields from configurations (defaults, or a checkpoint's). */
  public void load(ModelConfig model, TrainConfig t) {
    applyingPreset = true;
    inputSize.set(Integer.toString(model.inputSize()));
    baseWidth.set(Integer.toString(model.baseWidth()));
    preset.set(presetOf(inputSize.get(), baseWidth.get()));
    applyingPreset = false;
    guidance.set(model.guidance());
    timeBudget.set(t.minutes() > 0);
    for (Parameter<TrainConfig, TrainParameters.Group> p : TrainParameters.all()) {
      fields.get(p.id()).set(format(p.get().apply(t)[0]));
    }
    if (t.minutes() <= 0) {
      minutes.set("30");
    }
    seed.set(Long.toString(t.seed()));
    flipGood.set(t.flipGood());
  }

  /** The preset with this size and width, or "custom". */
  static String presetOf(String size, String width) {
    for (String p : List.of("lite", "standard", "paper")) {
      ModelConfig m = ModelConfig.preset(p);
      if (Integer.toString(m.inputSize()).equals(size == null ? "" : size.trim())
          && Integer.toString(m.baseWidth()).equals(width == null ? "" : width.trim())) {
        return p;
      }
    }
    return "custom";
  }

  private static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e9) {
      return Long.toString((long) v);
    }
    String s = Double.toString(v);
    return s.contains("E") ? String.format(Locale.ROOT, "%.0e", v).replace("e-0", "e-") : s;
  }

  private void validate() {
    List<String> out = new ArrayList<>();
    Integer size = integer(out, "Input size", inputSize.get(), 32, 1024);
    if (size != null && size % 16 != 0) {
      out.add("Input size: must be a multiple of 16, got " + size + ".");
      size = null;
    }
    Integer width = integer(out, "Base width", baseWidth.get(), 2, 128);
    Map<Parameter<TrainConfig, TrainParameters.Group>, double[]> values = new LinkedHashMap<>();
    for (Parameter<TrainConfig, TrainParameters.Group> p : TrainParameters.all()) {
      if (p.id().equals("minutes") && !timeBudget.get()) {
        continue;
      }
      String text = fields.get(p.id()).get();
      Number v; // not a conditional expression: it would unbox a null Integer
      if (p.kind().isInteger()) {
        v = integer(out, p.label(), text, (int) p.min(), (int) p.max());
      } else {
        v = decimal(out, p.label(), text, p.min(), p.max());
      }
      if (v != null) {
        values.put(p, new double[] {v.doubleValue()});
      }
    }
    Long sd = null;
    try {
      sd = Long.parseLong(seed.get().trim());
    } catch (RuntimeException e) {
      out.add("Seed: enter a whole number.");
    }
    TrainConfig t = null;
    if (out.isEmpty()) {
      try {
        t =
            Parameter.applyAll(
                TrainConfig.defaults().withMinutes(0).withSeed(sd).withFlipGood(flipGood.get()),
                values);
      } catch (IllegalArgumentException e) {
        out.add(e.getMessage());
      }
    }
    ModelConfig m = null;
    if (guidance.get() == null) {
      out.add("Guidance: choose a mode.");
    }
    if (size != null && width != null && guidance.get() != null) {
      String name = presetOf(inputSize.get(), baseWidth.get());
      m =
          ("custom".equals(name)
                  ? ModelConfig.lite().withSize(size, width)
                  : ModelConfig.preset(name))
              .withGuidance(guidance.get());
    }
    problems.setAll(out);
    trainConfig.set(out.isEmpty() ? t : null);
    modelConfig.set(out.isEmpty() ? m : null);
  }

  private static Integer integer(List<String> out, String field, String text, int lo, int hi) {
    try {
      long v = Long.parseLong(text.trim());
      if (v < lo || v > hi) {
        out.add(field + ": must be between " + lo + " and " + hi + ", got " + v + ".");
        return null;
      }
      return (int) v;
    } catch (RuntimeException e) {
      out.add(field + ": enter a whole number between " + lo + " and " + hi + ".");
      return null;
    }
  }

  private static Double decimal(List<String> out, String field, String text, double lo, double hi) {
    try {
      double v = Double.parseDouble(text.trim());
      if (!(v >= lo && v <= hi)) {
        out.add(
            field
                + ": must be between "
                + format(lo)
                + " and "
                + format(hi)
                + ", got "
                + text.trim()
                + ".");
        return null;
      }
      return v;
    } catch (RuntimeException e) {
      out.add(field + ": enter a number between " + format(lo) + " and " + format(hi) + ".");
      return null;
    }
  }

  /** Readable problems, empty when the form is valid. */
  public ObservableList<String> problems() {
    return problems;
  }

  public boolean isValid() {
    return problems.isEmpty();
  }

  /** The training configuration, or null while the form has problems. */
  public ReadOnlyObjectProperty<TrainConfig> trainConfigProperty() {
    return trainConfig.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<ModelConfig> modelConfigProperty() {
    return modelConfig.getReadOnlyProperty();
  }

  public ObjectProperty<String> presetProperty() {
    return preset;
  }

  /** How guidance takes part in training (JOINT, DETACHED, FROZEN, NONE). */
  public ObjectProperty<GuidanceMode> guidanceProperty() {
    return guidance;
  }

  public StringProperty inputSizeProperty() {
    return inputSize;
  }

  public StringProperty baseWidthProperty() {
    return baseWidth;
  }

  public BooleanProperty timeBudgetProperty() {
    return timeBudget;
  }

  /** Whether good images are flipped and turned at random while training (textures). */
  public BooleanProperty flipGoodProperty() {
    return flipGood;
  }

  public StringProperty iterationsProperty() {
    return iterations;
  }

  public StringProperty minutesProperty() {
    return minutes;
  }

  public StringProperty warmupProperty() {
    return warmup;
  }

  public StringProperty batchSizeProperty() {
    return batchSize;
  }

  public StringProperty learningRateProperty() {
    return learningRate;
  }

  public StringProperty lambdaProperty() {
    return lambda;
  }

  public StringProperty contrastSetSizeProperty() {
    return contrastSetSize;
  }

  public StringProperty checkpointEveryProperty() {
    return checkpointEvery;
  }

  public StringProperty seedProperty() {
    return seed;
  }
}
