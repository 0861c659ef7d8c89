/**
 * Datasets: the layouts (MVTec AD, Folder, raw Magnetic-Tile, KolektorSDD2, DAGM), scanning with
 * skipped files and reasons, samples and splits, data fingerprints, and the deterministic demo
 * data. May use {@code sgsf.engine.image}; no user interface, no {@code sgsf.io}.
 */
package sgsf.engine.data;
