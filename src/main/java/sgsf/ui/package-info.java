/**
 * The JavaFX workbench: the main window with its sections, the session shared by the views
 * (workspace, dataset, model, backend), settings, the log and the start-up prefetch; the
 * application class, its launcher and the wiring of the sections live in {@link sgsf.ui.shell}.
 * This package uses no section package (they all use its {@code WorkbenchSession}). Per feature a
 * sub-package holds an {@code XxxView} (nodes, built in code) and an {@code XxxViewModel}
 * (properties and commands, no nodes, tested without a screen). May use {@code sgsf.workflow},
 * {@code sgsf.io} and {@code sgsf.engine}; engine work never runs on the FX thread ({@link
 * sgsf.ui.concurrent}). The feature packages use the session ({@code WorkbenchSession}), {@code
 * ui.common} and {@code ui.concurrent}, and not each other except the Neighbours and Review
 * sections, which read the Evaluate section's model and results.
 */
package sgsf.ui;
