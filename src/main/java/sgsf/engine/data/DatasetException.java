package sgsf.engine.data;

import java.nio.file.Path;
import java.util.List;

/**
 * A dataset that cannot be used as it is: a folder that matches no layout, a defect image without
 * its mask, an unreadable mask, a mask whose size differs from its image (both files and sizes
 * named), no readable normal training image. The message names the file or folder and what was
 * expected; {@link #path()} is that file or folder.
 *
 * <p>Problems confined to one file that the dataset can do without (not an image, empty, truncated,
 * undecodable, unexpected folders, masks without images) are not exceptions: the scanners skip such
 * files and list them in {@link Dataset#skipped()} with the reason.
 */
public class DatasetException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Path path;
  private final transient List<SkippedFile> problems;
  private final transient List<SkippedFile> skipped;

  public DatasetException(Path path, String problem) {
    this(path, problem, List.of(new SkippedFile(path, problem)), List.of());
  }

  /**
   * A dataset with several fatal problems, found in one scan.
   *
   * @param path the file or folder of the first problem
   * @param summary the message: the first problem and how many more there are
   * @param problems every fatal problem, each with its file
   * @param skipped the files the scan skipped before it gave up, with the reason
   */
  public DatasetException(
      Path path, String summary, List<SkippedFile> problems, List<SkippedFile> skipped) {
    super(path + ": " + summary);
    this.path = path;
    this.problems = List.copyOf(problems);
    this.skipped = List.copyOf(skipped);
  }

  /** Every fatal problem found, each with its file (at least one). */
  public List<SkippedFile> problems() {
    return problems;
  }

  /** The files skipped by the scan that found the problems (each usable dataset lists its own). */
  public List<SkippedFile> skipped() {
    return skipped;
  }

  public Path path() {
    return path;
  }
}
