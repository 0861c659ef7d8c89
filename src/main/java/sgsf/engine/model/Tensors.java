package sgsf.engine.model;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import sgsf.engine.image.FloatImage;

/** Conversions between {@link FloatImage}s and NCHW ND4J batches. */
public final class Tensors {
  private Tensors() {}

  /** Stacks same-sized images into one [B, C, H, W] float batch. */
  public static INDArray batch(List<FloatImage> images) {
    FloatImage first = images.get(0);
    int per = first.data().length;
    float[] buf = new float[per * images.size()];
    for (int i = 0; i < images.size(); i++) {
      FloatImage img = images.get(i);
      if (img.channels() != first.channels() || !img.sameSize(first)) {
        throw new IllegalArgumentException(
            "batch images differ in size: " + first + " vs " + img + " at index " + i);
      }
      System.arraycopy(img.data(), 0, buf, i * per, per);
    }
    return Nd4j.create(
        buf,
        new long[] {images.size(), first.channels(), first.height(), first.width()},
        DataType.FLOAT);
  }

  /** Image {@code index} of a [B, C, H, W] batch. */
  public static FloatImage image(INDArray batch, int index) {
    long[] s = batch.shape();
    INDArray one = batch.get(org.nd4j.linalg.indexing.NDArrayIndex.point(index)).dup('c');
    INDArray asFloat = one.castTo(DataType.FLOAT);
    float[] data = asFloat.data().asFloat();
    if (asFloat != one) {
      asFloat.close();
    }
    one.close();
    return new FloatImage((int) s[1], (int) s[2], (int) s[3], data);
  }

  /**
   * The two AnoSeg coordinate channels (x and y in [-1, 1]) for a batch of {@code n} images of side
   * {@code size}, as [n, 2, size, size].
   */
  public static INDArray coordinateChannels(int n, int size) {
    float[] plane = new float[2 * size * size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        plane[y * size + x] = size == 1 ? 0 : -1f + 2f * x / (size - 1);
        plane[size * size + y * size + x] = size == 1 ? 0 : -1f + 2f * y / (size - 1);
      }
    }
    INDArray one = Nd4j.create(plane, new long[] {1, 2, size, size}, DataType.FLOAT);
    return n == 1 ? one : Nd4j.tile(one, n, 1, 1, 1);
  }
}
