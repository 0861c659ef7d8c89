package sgsf.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void aWrittenFileHasThePermissionsTheUmaskGivesNotOwnerOnly() throws Exception {
    assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "POSIX file system");
    // what the process's umask gives a plainly created file (0644 under umask 022)
    Set<PosixFilePermission> expected =
        Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
    Path f = dir.resolve("sub/model.zip");
    AtomicFiles.writeString(f, "one");
    assertThat(Files.getPosixFilePermissions(f)).isEqualTo(expected);
    // the group can read what the umask lets it read: createTempFile's 0600 would fail here
    assertThat(Files.getPosixFilePermissions(f))
        .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    if (expected.contains(PosixFilePermission.GROUP_READ)) {
      assertThat(Files.getPosixFilePermissions(f)).contains(PosixFilePermission.GROUP_READ);
    }
    AtomicFiles.writeString(f, "two"); // replacing keeps them
    assertThat(Files.getPosixFilePermissions(f)).isEqualTo(expected);
    AtomicFiles.copy(f, dir.resolve("copy"));
    assertThat(Files.getPosixFilePermissions(dir.resolve("copy"))).isEqualTo(expected);
  }

  @Test
  void aWriterFailingMidWriteLeavesTheOldFileIntactAndNoTempFile() throws Exception {
    Path f = dir.resolve("scores.csv");
    AtomicFiles.writeString(f, "old content");
    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    f,
                    out -> {
                      out.write("new, half written".getBytes(StandardCharsets.UTF_8));
                      out.flush();
                      throw new IOException("disk gone");
                    }))
        .isInstanceOf(IOException.class)
        .hasMessage("disk gone");
    assertThat(Files.readString(f)).isEqualTo("old content");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(f);
    }
  }

  @Test
  void aWriterThatClosesTheStreamStillGetsItsContentForcedAndRenamed() throws Exception {
    Path f = dir.resolve("closed.bin");
    AtomicFiles.write(
        f,
        out -> {
          out.write(new byte[] {1, 2, 3});
          out.close();
        });
    assertThat(Files.readAllBytes(f)).containsExactly(1, 2, 3);
  }
}
