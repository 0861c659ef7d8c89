package sgsf.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every "METHOD.md section N" the sources cite is a section of docs/METHOD.md. */
class DocsCitationsTest {
  private static final Pattern CITATION = Pattern.compile("METHOD\\.md (?:section|§) ?(\\d+)");

  /** A page name not preceded by a folder other than docs/, e.g. "TOOLCHAIN.md". */
  private static final Pattern PAGE =
      Pattern.compile("(?<![\\w/.-])(?:docs/)?([A-Z][A-Z0-9_]*)\\.md\\b");

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

  /**
   * Every page a source file cites by its bare name ("TOOLCHAIN.md") or as "docs/NAME.md" is in
   * docs/; README.md is the project's front page, and paths such as installer/README.md are left to
   * the folders they name.
   */
  @Test
  void everyCitedDocsPageExists() throws IOException {
    Set<String> cited = new TreeSet<>();
    List<Path> roots = List.of(Path.of("src/main/java"), Path.of("src/spark/java"));
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          collectPages(Files.readString(f), cited);
        }
      }
    }
    collectPages(Files.readString(Path.of("pom.xml")), cited);
    cited.remove("README");
    assertThat(cited).contains("METHOD", "TOOLCHAIN");
    for (String page : cited) {
      assertThat(Path.of("docs", page + ".md")).as("cited page docs/%s.md", page).isRegularFile();
    }
  }

  private static void collectPages(String text, Set<String> into) {
    Matcher m = PAGE.matcher(text);
    while (m.find()) {
      into.add(m.group(1));
    }
  }

  @Test
  void theArchitecturePageTheTestsCiteExists() {
    assertThat(Path.of("docs/ARCHITECTURE.md")).isRegularFile();
  }
}
