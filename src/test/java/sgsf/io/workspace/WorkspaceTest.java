package sgsf.io.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sgsf.engine.data.DatasetLayout;

class WorkspaceTest {
  @TempDir Path tmp;

  @Test
  void createWritesTheManifestAndTheFoldersAndOpenReadsItBack() throws Exception {
    Path dir = tmp.resolve("line-3");
    Workspace ws = Workspace.create(dir, DatasetReference.ofFolder(tmp.resolve("mtd")));
    assertThat(Files.isRegularFile(dir.resolve("workspace.json"))).isTrue();
    assertThat(ws.modelsDir()).isDirectory();
    assertThat(ws.runsDir()).isDirectory();
    assertThat(ws.configsDir()).isDirectory();
    assertThat(ws.reviewsDir()).isDirectory();
    Workspace back = Workspace.open(dir);
    assertThat(back).isEqualTo(ws);
    assertThat(back.name()).isEqualTo("line-3");
    assertThat(back.dataset().root()).isEqualTo(tmp.resolve("mtd").toString());
    assertThat(back.dataset().demo()).isFalse();
  }

  @Test
  void changingTheDatasetIsSavedAndLeavesNoTemporaryFile() throws Exception {
    Workspace ws = Workspace.create(tmp.resolve("w"), DatasetReference.ofDemo());
    DatasetReference folder =
        DatasetReference.ofFolderLayout(tmp.resolve("ok"), tmp.resolve("ng"), null);
    ws.withDataset(folder);
    Workspace back = Workspace.open(tmp.resolve("w"));
    assertThat(back.dataset()).isEqualTo(folder);
    assertThat(back.dataset().layout()).isEqualTo(DatasetLayout.FOLDER);
    try (var files = Files.list(tmp.resolve("w"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("workspace.json", "configs", "models", "runs", "reviews");
    }
  }

  @Test
  void openingAFolderWithoutManifestNamesTheMissingFile() throws Exception {
    Files.createDirectories(tmp.resolve("plain"));
    assertThatThrownBy(() -> Workspace.open(tmp.resolve("plain")))
        .isInstanceOf(WorkspaceException.class)
        .hasMessageContaining(tmp.resolve("plain").resolve("workspace.json").toString())
        .hasMessageContaining("not a workspace");
  }

  @Test
  void aDamagedManifestIsRejectedNamingTheFile() throws Exception {
    Path dir = tmp.resolve("bad");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("workspace.json"), "{\"format\": 1, \"name\": ");
    assertThatThrownBy(() -> Workspace.open(dir))
        .isInstanceOf(WorkspaceException.class)
        .hasMessageContaining(dir.resolve("workspace.json").toString())
        .hasMessageContaining("cannot be read");
  }

  @Test
  void aManifestFromANewerVersionIsRejected() throws Exception {
    Path dir = tmp.resolve("future");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("workspace.json"), "{\"format\": 7, \"name\": \"x\"}");
    assertThatThrownBy(() -> Workspace.open(dir))
        .hasMessageContaining("format version 7 is not supported");
  }

  @Test
  void creatingOverAnExistingWorkspaceIsRefused() throws Exception {
    Workspace.create(tmp.resolve("w"), DatasetReference.ofDemo());
    assertThatThrownBy(() -> Workspace.create(tmp.resolve("w"), DatasetReference.ofDemo()))
        .hasMessageContaining("already holds a workspace");
  }

  @Test
  void theFolderLayoutNeedsBothImageFolders() {
    assertThatThrownBy(
            () -> new DatasetReference(false, "x", DatasetLayout.FOLDER, "x", null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("normal and an abnormal folder");
  }

  @Test
  void trainingSettingsRoundTripThroughTheConfigsFolder() throws Exception {
    Workspace ws = Workspace.create(tmp.resolve("w"), DatasetReference.ofDemo());
    assertThat(TrainingSettings.load(ws)).isEmpty();
    TrainingSettings s =
        new TrainingSettings(
            sgsf.engine.config.ModelConfig.lite().withSize(64, 8),
            sgsf.engine.config.TrainConfig.defaults().withIterations(30, 5).withSeed(7),
            sgsf.engine.config.ForgeConfig.defaults()
                .withStrategy(sgsf.engine.config.ForgeConfig.Strategy.CUTPASTE)
                .withTextureSource(
                    sgsf.engine.config.ForgeConfig.TextureSource.USER_FOLDER, tmp.resolve("dtd")));
    s.save(ws);
    assertThat(ws.configsDir().resolve("training.json")).isRegularFile();
    assertThat(TrainingSettings.load(ws)).contains(s);
  }

  @Test
  void invalidSavedSettingsAreRejectedNamingTheFile() throws Exception {
    Workspace ws = Workspace.create(tmp.resolve("w"), DatasetReference.ofDemo());
    Files.writeString(
        TrainingSettings.file(ws),
        "{\"model\": {\"preset\": \"x\", \"inputSize\": 30, \"baseWidth\": 8,"
            + " \"guidance\": \"JOINT\"}}");
    assertThatThrownBy(() -> TrainingSettings.load(ws))
        .hasMessageContaining(TrainingSettings.file(ws).toString());
  }
}
