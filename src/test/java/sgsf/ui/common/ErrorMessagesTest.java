package sgsf.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import sgsf.engine.data.DatasetException;

class ErrorMessagesTest {
  @Test
  void fileSystemErrorsNameTheFileAndTheProblem() {
    assertThat(ErrorMessages.describe(new NoSuchFileException("/data/a.png")))
        .isEqualTo("/data/a.png: file or folder does not exist");
    assertThat(
            ErrorMessages.describe(new UncheckedIOException(new AccessDeniedException("/data/ro"))))
        .isEqualTo("/data/ro: permission denied");
  }

  @Test
  void wrappersAreRemovedAndTheEngineMessageKept() {
    DatasetException e =
        new DatasetException(java.nio.file.Path.of("/d/mtd"), "no train/good folder");
    assertThat(ErrorMessages.describe(new ExecutionException(new RuntimeException(e))))
        .isEqualTo("/d/mtd: no train/good folder");
  }

  @Test
  void anExceptionWithoutMessageGetsAReadableNameNotAStackTrace() {
    assertThat(ErrorMessages.describe(new NullPointerException()))
        .isEqualTo("Unexpected null pointer error (details are in the log)");
  }
}
