package sgsf.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sgsf.engine.data.Dataset;
import sgsf.engine.data.DatasetException;
import sgsf.engine.data.DatasetLayout;
import sgsf.engine.data.DatasetScanner;
import sgsf.engine.data.DemoDataset;
import sgsf.engine.data.PathNames;
import sgsf.engine.data.Sample;
import sgsf.engine.data.SkippedFile;
import sgsf.engine.task.CancellationToken;
import sgsf.engine.task.ProgressListener;
import sgsf.io.Json;

/**
 * {@code sgsf datasets inspect [DIR] [--layout L] [--json]}: what layout was found, counts per
 * split and type, masks, skipped files and why. A folder holding several datasets (the MVTec AD
 * collection, the demo dataset, all DAGM classes) is inspected one dataset after the other.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Scan a dataset folder and report its layout, image and mask counts per split and type,",
      "and every skipped file with the reason. Without DIR: the built-in demo dataset.",
      "Exit code 0 when every dataset is usable, 1 when one is not: then every fatal problem",
      "is listed (one 'error:' line each on stderr), then the files the scan skipped."
    })
public final class DatasetsInspectCommand implements Callable<Integer> {
  /** Exit code for a dataset that cannot be used. */
  public static final int EXIT_DATASET_ERROR = 1;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "Dataset folder (default: the demo dataset, generated on first use).")
  Path dir;

  @Option(
      names = "--layout",
      paramLabel = "LAYOUT",
      description = "Skip auto-detection and read DIR as: ${COMPLETION-CANDIDATES}.")
  DatasetLayout layout;

  @Mixin CliOptions.Json jsonOption = new CliOptions.Json();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path root = dir;
    List<Path> targets;
    try {
      if (root == null) {
        root = DemoDataset.ensure(DemoDataset.defaultCacheDir());
      }
      targets = targets(root);
    } catch (DatasetException | UncheckedIOException e) {
      return refused(root, List.of(new Refused(root, e)), out, err);
    }
    List<Dataset> datasets = new ArrayList<>();
    List<Long> millis = new ArrayList<>();
    List<Refused> refused = new ArrayList<>();
    for (Path t : targets) {
      long t0 = System.nanoTime();
      try {
        datasets.add(
            layout == null
                ? DatasetScanner.scan(t)
                : DatasetScanner.scan(t, layout, ProgressListener.NONE, CancellationToken.none()));
        millis.add((System.nanoTime() - t0) / 1_000_000);
      } catch (DatasetException | UncheckedIOException e) {
        refused.add(new Refused(t, e));
      }
    }
    if (!refused.isEmpty()) {
      if (!jsonOption.enabled()) {
        datasets.forEach(d -> out.print(d.summary()));
      }
      return refused(root, refused, out, err);
    }
    if (jsonOption.enabled()) {
      out.println(toJson(root, datasets, millis).toString());
    } else {
      for (int i = 0; i < datasets.size(); i++) {
        out.print(datasets.get(i).summary());
        out.printf(Locale.ROOT, "  scanned in %d ms%n", millis.get(i));
      }
    }
    out.flush();
    return 0;
  }

  /** A dataset folder that cannot be used, with why. */
  private record Refused(Path folder, RuntimeException error) {
    List<SkippedFile> problems() {
      return error instanceof DatasetException de
          ? de.problems()
          : List.of(new SkippedFile(folder, oneLine(error.getMessage())));
    }

    List<SkippedFile> skipped() {
      return error instanceof DatasetException de ? de.skipped() : List.of();
    }
  }

  /**
   * Reports every problem of the unusable datasets, fatal ones first (one "error:" line each on
   * stderr), then the files their scans skipped; exits with {@link #EXIT_DATASET_ERROR}.
   */
  private int refused(Path root, List<Refused> refused, PrintWriter out, PrintWriter err) {
    if (jsonOption.enabled()) {
      ObjectNode o = Json.mapper().createObjectNode();
      o.put("root", root == null ? null : root.toString());
      RuntimeException first = refused.get(0).error();
      o.put("error", oneLine(first.getMessage()));
      if (first instanceof DatasetException de && de.path() != null) {
        o.put("path", PathNames.lossless(de.path()));
      }
      ArrayNode errors = o.putArray("errors");
      ArrayNode skipped = o.putArray("skipped");
      for (Refused r : refused) {
        r.problems().forEach(p -> addFile(errors, p));
        r.skipped().forEach(p -> addFile(skipped, p));
      }
      out.println(o.toString());
    } else {
      for (Refused r : refused) {
        List<SkippedFile> skipped = r.skipped();
        out.printf(
            Locale.ROOT,
            "%s: cannot be used: %d fatal problem%s, %d file%s skipped%n",
            PathNames.lossless(r.folder()),
            r.problems().size(),
            r.problems().size() == 1 ? "" : "s",
            skipped.size(),
            skipped.size() == 1 ? "" : "s");
        r.problems().forEach(p -> out.println("  fatal:   " + line(p)));
        skipped.forEach(p -> out.println("  skipped: " + line(p)));
      }
    }
    out.flush();
    for (Refused r : refused) {
      r.problems().forEach(p -> err.println("error: " + line(p)));
    }
    err.flush();
    return EXIT_DATASET_ERROR;
  }

  private static String line(SkippedFile f) {
    return PathNames.lossless(f.path()) + ": " + oneLine(f.reason());
  }

  private static void addFile(ArrayNode array, SkippedFile f) {
    ObjectNode n = array.addObject();
    n.put("path", PathNames.lossless(f.path()));
    n.put("reason", f.reason());
  }

  /** DIR itself when it is a dataset (or a layout was forced), else its dataset sub-folders. */
  private List<Path> targets(Path root) {
    if (layout != null || DatasetScanner.detect(root).isPresent()) {
      return List.of(root);
    }
    List<Path> cats = DatasetScanner.categories(root);
    // no categories: scanning DIR itself raises the error naming it and the expected layouts
    return cats.isEmpty() ? List.of(root) : cats;
  }

  private static String oneLine(String s) {
    return s == null ? "unknown error" : s.replaceAll("\\s*\\R\\s*", " ");
  }

  static ObjectNode toJson(Path root, List<Dataset> datasets, List<Long> millis) {
    ObjectMapper mapper = Json.mapper();
    ObjectNode o = mapper.createObjectNode();
    o.put("root", root.toString());
    ArrayNode arr = o.putArray("datasets");
    for (int i = 0; i < datasets.size(); i++) {
      Dataset d = datasets.get(i);
      ObjectNode n = arr.addObject();
      n.put("name", d.name());
      n.put("root", d.root().toString());
      n.put("layout", d.layout().name());
      n.put("layout_name", d.layout().displayName());
      n.put("images", d.samples().size());
      n.put("train_good", d.trainGood().size());
      n.put("test_good", d.test().stream().filter(s -> !s.isDefective()).count());
      n.put("test_defective", d.test().stream().filter(Sample::isDefective).count());
      n.put("masks", d.samples().stream().filter(s -> s.mask() != null).count());
      n.put("pixel_masks", d.hasPixelMasks());
      ArrayNode types = n.putArray("defect_types");
      d.defectTypes().forEach(types::add);
      ArrayNode counts = n.putArray("counts");
      for (Dataset.Count c : d.counts()) {
        ObjectNode cn = counts.addObject();
        cn.put("split", c.split().name().toLowerCase(Locale.ROOT));
        cn.put("type", c.type());
        cn.put("images", c.images());
        cn.put("masks", c.masks());
      }
      ArrayNode skipped = n.putArray("skipped");
      for (SkippedFile s : d.skipped()) {
        ObjectNode sn = skipped.addObject();
        sn.put("path", PathNames.lossless(s.path()));
        sn.put("reason", s.reason());
      }
      n.put("scan_ms", millis.get(i));
    }
    return o;
  }
}
