package sgsf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrainCommandTest {
  @Test
  void theResumeHintQuotesPathsForTheShell() {
    assertThat(TrainCommand.quoted("/data/mtd/run.zip.checkpoints/ckpt-000250.sgsfckpt"))
        .isEqualTo("/data/mtd/run.zip.checkpoints/ckpt-000250.sgsfckpt");
    assertThat(TrainCommand.quoted("/data/my tiles/it's.zip"))
        .isEqualTo("'/data/my tiles/it'\\''s.zip'");
  }
}
