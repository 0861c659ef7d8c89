package sgsf.ui.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderLayoutDialogTest {
  @TempDir Path tmp;

  @Test
  void okNeedsTwoDifferentExistingFoldersAndAnOptionalMaskFolder() throws Exception {
    Path ok = Files.createDirectories(tmp.resolve("ok"));
    Path ng = Files.createDirectories(tmp.resolve("ng"));
    Path missing = tmp.resolve("missing");
    assertThat(FolderLayoutDialog.validate("", "", ""))
        .isEqualTo("Choose the folder of normal (good) images.");
    assertThat(FolderLayoutDialog.validate(missing.toString(), ng.toString(), ""))
        .isEqualTo(missing + ": not a folder.");
    assertThat(FolderLayoutDialog.validate(ok.toString(), " ", ""))
        .isEqualTo("Choose the folder of abnormal (defective) images.");
    assertThat(FolderLayoutDialog.validate(ok.toString(), ok.toString(), ""))
        .isEqualTo("Normal and abnormal images must be in different folders.");
    assertThat(FolderLayoutDialog.validate(ok.toString(), ng.toString(), missing.toString()))
        .isEqualTo(missing + ": not a folder.");
    assertThat(FolderLayoutDialog.validate(ok.toString(), ng.toString(), "")).isEmpty();
  }
}
