package sgsf.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkFiles;

/**
 * A model bundle as the jobs name it: where it is, the name its results are filed under, and the
 * SHA-256 of its bytes (the model's identity in every output row).
 *
 * <p>A location is a local or shared path, a Hadoop URI ({@code hdfs://}, {@code s3a://}), or the
 * bare file name of a bundle shipped with {@code spark-submit --files}. Each JVM resolves it to a
 * local file once.
 *
 * @param name the bundle's file name without extension (the {@code model} column and partition)
 * @param location where it was given
 * @param sha256 hex SHA-256 of the bundle file
 */
record ModelRef(String name, String location, String sha256) implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final Map<String, Path> LOCAL_COPIES = new ConcurrentHashMap<>();

  /** Resolves a location on the driver and fingerprints the bundle. */
  static ModelRef of(String location) throws IOException {
    Path local = localFile(location);
    String file = local.getFileName().toString();
    int dot = file.lastIndexOf('.');
    String name = dot > 0 ? file.substring(0, dot) : file;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(local));
      return new ModelRef(name, location, HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    }
  }

  /** The bundle as a local file of this JVM (fetched once from remote storage). */
  Path localFile() throws IOException {
    return localFile(location);
  }

  private static Path localFile(String location) throws IOException {
    Path known = LOCAL_COPIES.get(location);
    if (known != null) {
      return known;
    }
    Path found;
    if (HadoopFiles.isLocal(location) && Files.isRegularFile(HadoopFiles.localPath(location))) {
      found = HadoopFiles.localPath(location);
    } else if (!location.contains("/") && shipped(location) != null) {
      found = shipped(location);
    } else if (!HadoopFiles.isLocal(location)) {
      String file = new org.apache.hadoop.fs.Path(location).getName();
      found = Files.createTempDirectory("sgsf-model-").resolve(file);
      HadoopFiles.fetch(location, found);
    } else {
      throw new IOException(
          location + ": no such model file (not on this machine's disk nor shipped with --files)");
    }
    LOCAL_COPIES.put(location, found);
    return found;
  }

  /** The file shipped with {@code --files} under this name, or null. */
  private static Path shipped(String fileName) {
    try {
      Path p = Path.of(SparkFiles.get(fileName));
      return Files.isRegularFile(p) ? p : null;
    } catch (RuntimeException noSparkContext) {
      return null;
    }
  }
}
