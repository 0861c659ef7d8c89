package sgsf.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
  @TempDir Path tmp;

  @Test
  void recentWorkspacesKeepTheNewestFirstWithoutDuplicatesAndAtMostEight() {
    SettingsStore store = new SettingsStore(tmp);
    WorkbenchSettings s = WorkbenchSettings.defaults();
    for (int i = 0; i < 10; i++) {
      s = s.withOpened("/ws/" + i);
    }
    s = s.withOpened("/ws/5").withDarkTheme(true);
    store.save(s);
    WorkbenchSettings back = store.load();
    assertThat(back.recentWorkspaces())
        .containsExactly("/ws/5", "/ws/9", "/ws/8", "/ws/7", "/ws/6", "/ws/4", "/ws/3", "/ws/2");
    assertThat(back.lastWorkspace()).isEqualTo("/ws/5");
    assertThat(back.darkTheme()).isTrue();
  }

  @Test
  void aDamagedSettingsFileFallsBackToDefaults() throws Exception {
    Files.writeString(tmp.resolve("settings.json"), "not json at all");
    assertThat(new SettingsStore(tmp).load()).isEqualTo(WorkbenchSettings.defaults());
  }
}
