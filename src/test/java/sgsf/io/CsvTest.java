package sgsf.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void fieldsWithACommaAQuoteOrALineBreakRoundTripAndOthersStayUnquoted() throws Exception {
    String nasty = "/data/a, \"b\"\nc\r\nd.png";
    String text =
        Csv.format(
            List.of("path", "score"),
            List.of(List.of(nasty, "0.25"), List.of("/data/plain-and-quite-a-long-name.png", "1")));
    assertThat(text)
        .startsWith("path,score\n\"/data/a, \"\"b\"\"\nc\r\nd.png\",0.25\n")
        .endsWith("\n/data/plain-and-quite-a-long-name.png,1\n");
    List<Map<String, String>> back = Csv.parse(text);
    assertThat(back).hasSize(2);
    assertThat(back.get(0)).containsEntry("path", nasty).containsEntry("score", "0.25");
    assertThat(back.get(1)).containsEntry("path", "/data/plain-and-quite-a-long-name.png");
  }

  @Test
  void crLfLineEndsAndEmptyFields() throws Exception {
    String text = Csv.format(List.of("a", "b"), List.of(List.of("", "x")), "\r\n");
    assertThat(text).isEqualTo("a,b\r\n,x\r\n");
    assertThat(Csv.parse(text).get(0)).containsEntry("a", "").containsEntry("b", "x");
  }

  @Test
  void aRowOfTheWrongWidthIsRefused() {
    assertThatThrownBy(() -> Csv.format(List.of("a", "b"), List.of(List.of("x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 fields, the header 2");
  }
}
