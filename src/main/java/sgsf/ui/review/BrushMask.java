package sgsf.ui.review;

import java.util.ArrayDeque;
import java.util.Deque;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;

/**
 * An editable binary defect mask at an image's original size: round brush and eraser strokes, undo
 * per stroke, conversion to and from PNG. Not thread-safe (the FX thread owns it).
 */
public final class BrushMask {
  /** How many strokes can be undone. */
  public static final int UNDO_DEPTH = 30;

  private final int width;
  private final int height;
  private final byte[] pixels;
  private final Deque<byte[]> undo = new ArrayDeque<>();
  private boolean dirty;
  private boolean inStroke;
  private double lastX;
  private double lastY;

  /** An empty mask. */
  public BrushMask(int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("mask size must be positive, got " + width + "x" + height);
    }
    this.width = width;
    this.height = height;
    this.pixels = new byte[width * height];
  }

  /** A mask from a one-channel image: pixels above 0.5 are defect. */
  public static BrushMask of(FloatImage mask) {
    return of(mask, 0.5f);
  }

  private static BrushMask of(FloatImage mask, float above) {
    if (mask.channels() != 1) {
      throw new IllegalArgumentException("a mask has one channel, got " + mask);
    }
    BrushMask m = new BrushMask(mask.width(), mask.height());
    float[] d = mask.data();
    for (int i = 0; i < d.length; i++) {
      m.pixels[i] = d[i] > above ? (byte) 1 : 0;
    }
    return m;
  }

  /**
   * The model's predicted defect region as a starting mask: the anomaly map (any resolution)
   * resized bilinearly to {@code width x height} and thresholded at {@code threshold} ({@code map
   * >= threshold} is defect, as in the metrics).
   */
  public static BrushMask fromAnomalyMap(FloatImage map, double threshold, int width, int height) {
    FloatImage big =
        map.width() == width && map.height() == height ? map : ImageIo.resize(map, height, width);
    BrushMask m = new BrushMask(width, height);
    float[] d = big.data();
    for (int i = 0; i < d.length; i++) {
      m.pixels[i] = d[i] >= threshold ? (byte) 1 : 0;
    }
    return m;
  }

  /** Decodes a stored PNG mask (any 8-bit grey or colour PNG; non-zero is defect). */
  public static BrushMask fromPng(byte[] png, String source) {
    return of(ImageIo.decode(png, java.nio.file.Path.of(source)).withChannels(1), 0f);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** 1 where the mask marks a defect. */
  public boolean get(int x, int y) {
    return pixels[y * width + x] != 0;
  }

  /** Number of defect pixels. */
  public int area() {
    int n = 0;
    for (byte b : pixels) {
      n += b;
    }
    return n;
  }

  /** True once a stroke changed the mask (since creation or {@link #markSaved()}). */
  public boolean isDirty() {
    return dirty;
  }

  public void markSaved() {
    dirty = false;
  }

  /** Starts a stroke at ({@code x}, {@code y}) in image pixels: one undo step per stroke. */
  public void beginStroke(double x, double y, double radius, boolean paint) {
    pushUndo();
    inStroke = true;
    lastX = x;
    lastY = y;
    stamp(x, y, radius, paint);
  }

  /** Continues the stroke to ({@code x}, {@code y}), filling the gap with stamps. */
  public void strokeTo(double x, double y, double radius, boolean paint) {
    if (!inStroke) {
      beginStroke(x, y, radius, paint);
      return;
    }
    double dx = x - lastX;
    double dy = y - lastY;
    double len = Math.hypot(dx, dy);
    double step = Math.max(0.5, radius / 2);
    int n = (int) Math.ceil(len / step);
    for (int i = 1; i <= n; i++) {
      stamp(lastX + dx * i / n, lastY + dy * i / n, radius, paint);
    }
    lastX = x;
    lastY = y;
  }

  public void endStroke() {
    inStroke = false;
  }

  /** Sets every pixel within {@code radius} of ({@code cx}, {@code cy}) (pixel centres). */
  private void stamp(double cx, double cy, double radius, boolean paint) {
    double r = Math.max(0.5, radius);
    int x0 = Math.max(0, (int) Math.floor(cx - r));
    int x1 = Math.min(width - 1, (int) Math.ceil(cx + r));
    int y0 = Math.max(0, (int) Math.floor(cy - r));
    int y1 = Math.min(height - 1, (int) Math.ceil(cy + r));
    double r2 = r * r;
    byte v = paint ? (byte) 1 : 0;
    for (int y = y0; y <= y1; y++) {
      double dy = y + 0.5 - cy;
      int row = y * width;
      for (int x = x0; x <= x1; x++) {
        double dx = x + 0.5 - cx;
        if (dx * dx + dy * dy <= r2 && pixels[row + x] != v) {
          pixels[row + x] = v;
          dirty = true;
        }
      }
    }
  }

  /** Clears the whole mask (one undo step). */
  public void clear() {
    pushUndo();
    for (int i = 0; i < pixels.length; i++) {
      if (pixels[i] != 0) {
        pixels[i] = 0;
        dirty = true;
      }
    }
  }

  private void pushUndo() {
    if (undo.size() == UNDO_DEPTH) {
      undo.removeLast();
    }
    undo.push(pixels.clone());
  }

  public boolean canUndo() {
    return !undo.isEmpty();
  }

  /** Reverts the last stroke; returns false when there is nothing to undo. */
  public boolean undo() {
    byte[] prev = undo.poll();
    if (prev == null) {
      return false;
    }
    System.arraycopy(prev, 0, pixels, 0, pixels.length);
    dirty = true;
    return true;
  }

  /** The mask as a one-channel image (0 or 1). */
  public FloatImage toImage() {
    float[] d = new float[pixels.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = pixels[i];
    }
    return new FloatImage(1, height, width, d);
  }

  /** 8-bit grey PNG, 0 good and 255 defect (the MVTec mask convention). */
  public byte[] toPng() {
    return ImageIo.encodePng(toImage());
  }

  /** A copy of the pixels (row-major, 0 or 1). */
  public byte[] pixels() {
    return pixels.clone();
  }

  /** Direct read access for drawing: row-major, 0 or 1. Do not modify. */
  byte[] raw() {
    return pixels;
  }
}
