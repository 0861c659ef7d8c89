package sgsf.engine.metrics;

import java.util.Arrays;

/** A growable primitive double array (curves of unknown length). */
final class DoubleList {
  private double[] values = new double[32];
  private int size;

  void add(double v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  int size() {
    return size;
  }

  double last() {
    return values[size - 1];
  }

  double[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
