package sgsf.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import sgsf.io.AtomicFiles;

/**
 * Files named by Hadoop-compatible locations ({@code /local/path}, {@code file:/...}, {@code
 * hdfs://...}, {@code s3a://...}): local ones go through {@link AtomicFiles} like everything the
 * workbench writes; remote ones are written under a temporary name and renamed, so a reader never
 * sees half a file.
 */
final class HadoopFiles {
  private HadoopFiles() {}

  /** True for a plain path or a {@code file:} URI. */
  static boolean isLocal(String location) {
    String scheme = new org.apache.hadoop.fs.Path(location).toUri().getScheme();
    return scheme == null || scheme.equals("file");
  }

  /** The local path of a plain path or {@code file:} URI. */
  static Path localPath(String location) {
    URI uri = new org.apache.hadoop.fs.Path(location).toUri();
    return uri.getScheme() == null ? Path.of(location) : Path.of(uri);
  }

  /** {@code child} inside the folder {@code parent}. */
  static String child(String parent, String child) {
    return new org.apache.hadoop.fs.Path(parent, child).toString();
  }

  private static FileSystem fs(org.apache.hadoop.fs.Path p) throws IOException {
    return p.getFileSystem(new Configuration());
  }

  /** The whole file. */
  static byte[] readBytes(String location) throws IOException {
    if (isLocal(location)) {
      return Files.readAllBytes(localPath(location));
    }
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(location);
    try (InputStream in = fs(p).open(p)) {
      return in.readAllBytes();
    }
  }

  /** The whole file as UTF-8 text. */
  static String readString(String location) throws IOException {
    return new String(readBytes(location), StandardCharsets.UTF_8);
  }

  /** Writes a file in one piece (a local one atomically, a remote one by rename). */
  static void writeBytes(String location, byte[] bytes) throws IOException {
    if (isLocal(location)) {
      AtomicFiles.writeBytes(localPath(location), bytes);
      return;
    }
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(location);
    org.apache.hadoop.fs.Path part = partName(target);
    FileSystem fs = fs(target);
    try (OutputStream out = fs.create(part, true)) {
      out.write(bytes);
    }
    replace(fs, part, target);
  }

  /** Copies a local file to {@code location} in one piece. */
  static void publish(Path localFile, String location) throws IOException {
    if (isLocal(location)) {
      AtomicFiles.copy(localFile, localPath(location));
      return;
    }
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(location);
    org.apache.hadoop.fs.Path part = partName(target);
    FileSystem fs = fs(target);
    fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(localFile.toUri()), part);
    replace(fs, part, target);
  }

  /** Copies the regular files of a local folder (not its sub-folders) into {@code location}. */
  static void publishFolder(Path localFolder, String location) throws IOException {
    try (Stream<Path> files = Files.list(localFolder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        publish(f, child(location, f.getFileName().toString()));
      }
    }
  }

  /** Copies a file to a local file (for libraries that read from a local path). */
  static void fetch(String location, Path localFile) throws IOException {
    if (isLocal(location)) {
      AtomicFiles.copy(localPath(location), localFile);
      return;
    }
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(location);
    fs(p).copyToLocalFile(false, p, new org.apache.hadoop.fs.Path(localFile.toUri()), true);
  }

  /** Moves the one {@code part-*} file Spark wrote into {@code folder} to {@code target}. */
  static void moveSinglePart(String folder, String target) throws IOException {
    org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(folder);
    FileSystem fs = fs(dir);
    org.apache.hadoop.fs.FileStatus[] parts =
        fs.globStatus(new org.apache.hadoop.fs.Path(dir, "part-*"));
    if (parts == null || parts.length != 1) {
      throw new IOException(
          folder + ": expected one part file, found " + (parts == null ? 0 : parts.length));
    }
    replace(fs, parts[0].getPath(), new org.apache.hadoop.fs.Path(target));
    fs.delete(dir, true);
  }

  private static org.apache.hadoop.fs.Path partName(org.apache.hadoop.fs.Path target) {
    return new org.apache.hadoop.fs.Path(
        target.getParent(), "." + target.getName() + "." + System.nanoTime() + ".part");
  }

  private static void replace(
      FileSystem fs, org.apache.hadoop.fs.Path from, org.apache.hadoop.fs.Path to)
      throws IOException {
    if (fs.exists(to)) {
      fs.delete(to, false);
    }
    if (!fs.rename(from, to)) {
      throw new IOException("cannot rename " + from + " to " + to);
    }
  }
}
