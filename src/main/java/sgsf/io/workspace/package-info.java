/**
 * The workspace folder: {@code workspace.json} (which dataset), its sub-folders (configs, models,
 * runs, reviews), the dataset reference and how to open it, the training form's saved settings,
 * JSON files written atomically. May use {@code sgsf.io} and {@code sgsf.engine}.
 */
package sgsf.io.workspace;
