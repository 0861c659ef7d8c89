/**
 * The Forge section: every forging parameter as a control ({@code ForgeParam} catalogue), the A, S,
 * G, M, I panels recomputed as a control moves (latest request wins), a grid of samples, the sheet
 * export. May use {@code sgsf.engine.forge}/{@code config} and {@code sgsf.io.forge}.
 */
package sgsf.ui.forge;
