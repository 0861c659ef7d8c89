/**
 * Images as {@code FloatImage} (channels x height x width, values in [0, 1]): reading any supported
 * file with a reason when it fails, encoding 8- and 16-bit PNGs, resizing (masks by nearest
 * neighbour), heatmaps, OpenCV loading. Pure engine: writes files only for tests ({@code
 * sgsf.io.AtomicFiles} writes what users keep).
 */
package sgsf.engine.image;
