/**
 * Forging anomalies on good images (METHOD.md section 1): saliency, Perlin noise, SAM and the other
 * strategies behind {@code ForgeStrategy}, auxiliary textures and DRAEM's augmentations; {@code
 * Forger} is the entry point for training and previews. Uses engine.config and engine.image, and
 * OpenCV.
 */
package sgsf.engine.forge;
