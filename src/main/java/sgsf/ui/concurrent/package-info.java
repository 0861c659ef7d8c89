/**
 * Running work off the FX thread: the task runner with its named lanes (daemon executors; training
 * has its own), task state and cancellation for the views, the latest-request-wins scheduler for
 * interactive recomputation, FX-thread calls and stall monitoring, and a synchronous runner for
 * tests. Uses JavaFX only; knows nothing of the features.
 */
package sgsf.ui.concurrent;
