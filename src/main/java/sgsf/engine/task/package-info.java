/**
 * The two things every long piece of engine work shares with its caller: a {@link
 * sgsf.engine.task.ProgressListener} told how far the work is, and a {@link
 * sgsf.engine.task.CancellationToken} it polls between units of work. Scanning, loading, training,
 * evaluation and inference all take these two types, and the workflow layer, the CLI and the
 * workbench pass them through unchanged. Depends on nothing but the JDK.
 */
package sgsf.engine.task;
