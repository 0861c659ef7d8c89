package sgsf.ui;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.LoggerFactory;

/**
 * The workbench's log file: everything the console shows plus the sgsf INFO lines and full stack
 * traces of errors, in {@code workbench.log} under the system property {@value #LOG_DIR_PROPERTY},
 * else {@code $XDG_CACHE_HOME/sgsf-workbench/logs}, else {@code ~/.cache/sgsf-workbench/logs}. The
 * previous file is kept as {@code workbench.1.log} when it grows beyond 5 MB.
 */
public final class WorkbenchLog {
  public static final String LOG_DIR_PROPERTY = "sgsf.log.dir";
  private static final long ROTATE_BYTES = 5L << 20;
  private static volatile Path installed;

  private WorkbenchLog() {}

  public static Path defaultDir() {
    String prop = System.getProperty(LOG_DIR_PROPERTY);
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "sgsf-workbench", "logs");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "sgsf-workbench", "logs");
  }

  /** Adds the file appender once; returns the log file (or null if logback is not in use). */
  public static synchronized Path install() {
    if (installed != null) {
      return installed;
    }
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
      return null;
    }
    Path dir = defaultDir();
    Path file = dir.resolve("workbench.log");
    try {
      Files.createDirectories(dir);
      if (Files.isRegularFile(file) && Files.size(file) > ROTATE_BYTES) {
        Files.move(file, dir.resolve("workbench.1.log"), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      LoggerFactory.getLogger(WorkbenchLog.class).warn("cannot prepare log folder {}", dir, e);
      return null;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(ctx);
    encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
    encoder.start();
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(ctx);
    appender.setName("WORKBENCH_FILE");
    appender.setFile(file.toString());
    appender.setAppend(true);
    appender.setEncoder(encoder);
    appender.start();
    Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(appender);
    installed = file;
    return file;
  }

  /** The log file if installed. */
  public static Path file() {
    return installed;
  }
}
