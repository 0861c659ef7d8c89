/**
 * The entry point: {@code Main} (not a JavaFX Application, so a class-path launch works), the
 * picocli root command whose subcommands are {@code sgsf.cli}'s and which opens the workbench
 * without one, and the GUI benchmark. The only package that may use both {@code sgsf.cli} and
 * {@code sgsf.ui}.
 */
package sgsf.app;
