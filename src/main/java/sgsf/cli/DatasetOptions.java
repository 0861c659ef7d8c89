package sgsf.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import sgsf.engine.data.Dataset;
import sgsf.engine.data.DatasetException;
import sgsf.engine.data.DatasetScanner;
import sgsf.engine.data.DemoDataset;

/** The {@code --data DIR [--category C]} options commands share; without --data the demo data. */
public final class DatasetOptions {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Dataset folder (MVTec, Folder, Magnetic-Tile, KolektorSDD2 or DAGM layout;"
              + " default: the built-in demo dataset).")
  Path data;

  @Option(
      names = "--category",
      paramLabel = "NAME",
      description =
          "Which dataset inside a folder holding several (the demo: object or texture;"
              + " default for the demo: object).")
  String category;

  /** The chosen dataset, scanned. */
  public Dataset resolve() {
    if (data == null) {
      String c = category == null ? DemoDataset.OBJECT : category;
      if (!DemoDataset.CATEGORIES.contains(c)) {
        throw new DatasetException(
            DemoDataset.defaultCacheDir(),
            "the demo dataset has categories " + DemoDataset.CATEGORIES + ", not '" + c + "'");
      }
      return DatasetScanner.scan(DemoDataset.ensureCategory(DemoDataset.defaultCacheDir(), c));
    }
    if (category != null) {
      return DatasetScanner.scan(data.resolve(category));
    }
    if (DatasetScanner.detect(data).isEmpty()) {
      List<Path> cats = DatasetScanner.categories(data);
      if (cats.size() == 1) {
        return DatasetScanner.scan(cats.get(0));
      }
      if (cats.size() > 1) {
        throw new DatasetException(
            data,
            "holds "
                + cats.size()
                + " datasets ("
                + String.join(", ", cats.stream().map(p -> p.getFileName().toString()).toList())
                + "); choose one with --category");
      }
    }
    return DatasetScanner.scan(data);
  }

  /** What the user pointed at, for provenance. */
  public String describe() {
    return data == null
        ? "demo/" + (category == null ? DemoDataset.OBJECT : category)
        : data.toString();
  }
}
