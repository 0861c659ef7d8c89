package sgsf.engine.forge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sgsf.engine.data.SkippedFile;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.image.ImageReadException;

/**
 * Auxiliary images from a user's folder of textures (any images, searched recursively; the DTD
 * folder works as-is). Each draw takes a random square crop of 50-100 % of a random image's shorter
 * side, resized to the requested size.
 *
 * <p>Files that cannot be decoded are skipped, logged and listed by {@link #skipped()}. The choice
 * does not depend on which bad files were found earlier: a draw picks an index and moves forward to
 * the next readable file, so a seed always selects the same image.
 */
public final class TextureFolderSource implements AuxiliarySource {
  private static final Logger LOG = LoggerFactory.getLogger(TextureFolderSource.class);
  private static final int CACHE_ENTRIES = 64;
  private static final int MAX_DECODED_SIDE = 512;

  private final Path folder;
  private final List<Path> files;
  private final boolean[] bad;
  private final List<SkippedFile> skipped = new ArrayList<>();
  private final LinkedHashMap<Integer, Mats.Rgb8> decoded =
      new LinkedHashMap<>(CACHE_ENTRIES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Mats.Rgb8> eldest) {
          return size() > CACHE_ENTRIES;
        }
      };

  /**
   * Lists the image files under {@code folder} (not yet decoding them).
   *
   * @throws IllegalArgumentException naming the folder when it is missing or holds no image files
   */
  public TextureFolderSource(Path folder) {
    this.folder = folder;
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException(folder + ": texture folder does not exist");
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).filter(ImageIo::isImageFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(folder + ": cannot list the texture folder", e);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(
          folder + ": texture folder holds no image files (" + ImageIo.IMAGE_EXTENSIONS + ")");
    }
    bad = new boolean[files.size()];
  }

  /** The image files found (readable or not). */
  public List<Path> files() {
    return files;
  }

  @Override
  public synchronized List<SkippedFile> skipped() {
    return List.copyOf(skipped);
  }

  @Override
  public AuxiliaryImage next(int height, int width, SplittableRandom rng) {
    int start = rng.nextInt(files.size());
    double scale = 0.5 + 0.5 * rng.nextDouble();
    double fx = rng.nextDouble();
    double fy = rng.nextDouble();
    synchronized (this) {
      for (int k = 0; k < files.size(); k++) {
        int i = (start + k) % files.size();
        Mats.Rgb8 cached = load(i);
        if (cached == null) {
          continue;
        }
        Mat img = cached.toMat();
        int side = Math.max(1, (int) Math.round(Math.min(img.rows(), img.cols()) * scale));
        int x = (int) Math.round((img.cols() - side) * fx);
        int y = (int) Math.round((img.rows() - side) * fy);
        Mat out = new Mat();
        Mat crop = img.submat(new Rect(x, y, side, side));
        int interpolation =
            side > Math.max(height, width) ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR;
        Imgproc.resize(crop, out, new Size(width, height), 0, 0, interpolation);
        Mats.release(crop, img);
        return new AuxiliaryImage(out, "texture: " + folder.relativize(files.get(i)));
      }
    }
    throw new IllegalStateException(
        folder
            + ": none of the "
            + files.size()
            + " image files could be read; first: "
            + skipped.get(0));
  }

  private Mats.Rgb8 load(int i) {
    if (bad[i]) {
      return null;
    }
    Mats.Rgb8 cached = decoded.get(i);
    if (cached != null) {
      return cached;
    }
    Path p = files.get(i);
    FloatImage img;
    try {
      img = ImageIo.read(p);
    } catch (ImageReadException e) {
      bad[i] = true;
      skipped.add(new SkippedFile(p, e.reason()));
      LOG.warn("skipping texture {}: {}", p, e.reason());
      return null;
    }
    int shorter = Math.min(img.height(), img.width());
    if (shorter > MAX_DECODED_SIDE) {
      double f = (double) MAX_DECODED_SIDE / shorter;
      img =
          ImageIo.resize(
              img,
              Math.max(1, (int) Math.round(img.height() * f)),
              Math.max(1, (int) Math.round(img.width() * f)));
    }
    Mat rgb = Mats.rgb8(img);
    Mats.Rgb8 kept = Mats.Rgb8.of(rgb);
    rgb.release();
    decoded.put(i, kept);
    return kept;
  }
}
