package sgsf.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every "METHOD.md section N" the sources cite is a section of docs/METHOD.md. */
class DocsCitationsTest {
  private static final Pattern CITATION = Pattern.compile("METHOD\\.md (?:section|§) ?(\\d+)");
  private static final Pattern HEADING = Pattern.compile("(?m)^## (\\d+)\\. ");

  @Test
  void everyCitedMethodSectionExists() throws IOException {
    Set<String> cited = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = CITATION.matcher(Files.readString(f));
        while (m.find()) {
          cited.add(m.group(1));
        }
      }
    }
    Set<String> sections = new TreeSet<>();
    Matcher h = HEADING.matcher(Files.readString(Path.of("docs/METHOD.md")));
    while (h.find()) {
      sections.add(h.group(1));
    }
    assertThat(cited).isNotEmpty();
    assertThat(sections).containsAll(cited);
  }

  @Test
  void theArchitecturePageTheTestsCiteExists() {
    assertThat(Path.of("docs/ARCHITECTURE.md")).isRegularFile();
  }
}
