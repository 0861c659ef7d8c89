/**
 * Forge galleries: contact sheets (A | S | G | M | I) and masks as PNG, and the {@code index.html}
 * listing them, all written atomically. May use {@code sgsf.io} and {@code sgsf.engine}.
 */
package sgsf.io.forge;
