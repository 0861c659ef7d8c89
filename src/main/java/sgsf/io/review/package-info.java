/**
 * Reviews of predictions: the SQLite store in write-ahead-log mode (latest decision per image and
 * model, an append-only history), the list of images confirmed good, and exports as CSV, JSON or
 * masks in the MVTec layout. May use {@code sgsf.io} and {@code sgsf.engine}.
 */
package sgsf.io.review;
