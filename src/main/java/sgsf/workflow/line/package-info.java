/**
 * Line mode: a trained model inspecting images live, one source (hot folder, video file, camera,
 * MJPEG-over-HTTP camera) in, results out to any number of sinks (folder, MQTT, webhook, review
 * inbox). {@link sgsf.workflow.line.LineRun} runs it; {@link sgsf.workflow.line.LineJournal} (an
 * SQLite database in the workspace) journals every image and keeps one outbox per sink, so that a
 * killed and restarted line inspects and delivers every image once, in order. May use {@code
 * sgsf.io}, {@code sgsf.engine}, {@code sgsf.workflow}, SQLite, OpenCV, the Eclipse Paho MQTT
 * client and the JDK's HTTP client; no JavaFX, picocli or console output: the CLI and the workbench
 * watch a run through {@link sgsf.workflow.line.LineStats}.
 */
package sgsf.workflow.line;
