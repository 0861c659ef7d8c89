package sgsf.engine.data;

/** Which part of a dataset a sample belongs to. */
public enum Split {
  TRAIN,
  TEST
}
