/**
 * The workbench's composition root: the JavaFX application class and its launcher, {@code
 * Workbench} (which builds the main window and wires every section's view and view model to one
 * {@code sgsf.ui.WorkbenchSession}), the class warm-up at launch and the FX-thread responsiveness
 * benchmark. It is the only ui package that knows every section; {@code sgsf.ui} and the section
 * packages do not use it, so that {@code sgsf.ui} and its sub-packages are free of cycles
 * (ArchitectureTest). Used by {@code sgsf.app}.
 */
package sgsf.ui.shell;
