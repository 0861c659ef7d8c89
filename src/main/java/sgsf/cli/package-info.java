/**
 * The command line: one {@code *Command} per picocli subcommand (datasets, forge, train, eval,
 * infer, compare, bench), options several commands share as mixins ({@code DatasetOptions}, {@code
 * CliOptions}), the console progress bar. May use {@code sgsf.workflow}, {@code sgsf.io} and {@code
 * sgsf.engine}; with {@code sgsf.app} the only code that prints to the console.
 */
package sgsf.cli;
