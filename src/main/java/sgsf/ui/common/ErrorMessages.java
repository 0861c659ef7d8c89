package sgsf.ui.common;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns exceptions into sentences a quality engineer can act on: the file and the problem, never a
 * stack trace or a class name when a better word exists. The full exception goes to the log.
 */
public final class ErrorMessages {
  private ErrorMessages() {}

  /** The readable message of {@code error}, unwrapping executor and reflection wrappers. */
  public static String describe(Throwable error) {
    Throwable t = unwrap(error);
    if (t instanceof NoSuchFileException e) {
      return e.getFile() + ": file or folder does not exist";
    }
    if (t instanceof AccessDeniedException e) {
      return e.getFile() + ": permission denied";
    }
    if (t instanceof FileAlreadyExistsException e) {
      return e.getFile() + ": already exists";
    }
    if (t instanceof NotDirectoryException e) {
      return e.getFile() + ": is not a folder";
    }
    if (t instanceof DirectoryNotEmptyException e) {
      return e.getFile() + ": folder is not empty";
    }
    if (t instanceof FileSystemException e) {
      String reason = e.getReason() == null ? "file system error" : e.getReason();
      return (e.getFile() == null ? "" : e.getFile() + ": ") + reason;
    }
    if (t instanceof FileNotFoundException e) {
      return e.getMessage() == null ? "file not found" : e.getMessage();
    }
    if (t instanceof OutOfMemoryError) {
      return "Out of memory. Close other work, use a smaller preset or batch, or give the"
          + " workbench more memory (-Xmx).";
    }
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      return "Unexpected " + humanName(t) + " (details are in the log)";
    }
    return m;
  }

  /** Removes wrappers that add nothing for a reader. */
  public static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof ExecutionException
            || t instanceof CompletionException
            || t instanceof InvocationTargetException
            || t instanceof UncheckedIOException
            || (t instanceof RuntimeException
                && t.getClass() == RuntimeException.class
                && t.getCause() != null))
        && t.getCause() != null
        && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static String humanName(Throwable t) {
    String n = t.getClass().getSimpleName().replaceAll("(Exception|Error)$", "");
    return n.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT) + " error";
  }
}
