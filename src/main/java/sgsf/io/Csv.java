package sgsf.io;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workbench's CSV, written and read with jackson-dataformat-csv: RFC 4180 quoting (a field with
 * a comma, a quote or a line break is quoted, quotes doubled; other fields are written as they
 * are), a header row, UTF-8. Fields are strings: callers format their numbers themselves, so a file
 * says exactly what they chose (e.g. {@link Double#toString}, which reads back exactly).
 */
public final class Csv {
  private static final CsvMapper MAPPER =
      CsvMapper.builder()
          .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
          .enable(CsvParser.Feature.WRAP_AS_ARRAY)
          .build();

  private Csv() {}

  /** The CSV text with {@code \n} line ends. */
  public static String format(List<String> header, List<? extends List<String>> rows) {
    return format(header, rows, "\n");
  }

  /**
   * The CSV text.
   *
   * @param lineEnd {@code "\n"} or {@code "\r\n"}
   * @throws IllegalArgumentException when a row has another number of fields than the header
   */
  public static String format(
      List<String> header, List<? extends List<String>> rows, String lineEnd) {
    CsvSchema schema =
        CsvSchema.emptySchema().withoutHeader().withLineSeparator(lineEnd).withoutComments();
    List<String[]> all = new ArrayList<>(rows.size() + 1);
    all.add(header.toArray(String[]::new));
    for (List<String> r : rows) {
      if (r.size() != header.size()) {
        throw new IllegalArgumentException(
            "a CSV row has " + r.size() + " fields, the header " + header.size() + ": " + r);
      }
      all.add(r.stream().map(f -> f == null ? "" : f).toArray(String[]::new));
    }
    try {
      return MAPPER.writer(schema).writeValueAsString(all);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The rows of a CSV text with a header row, each as a map from column name to field (in column
   * order).
   *
   * @throws IOException when the text is not CSV or a row has more fields than the header
   */
  public static List<Map<String, String>> parse(String text) throws IOException {
    List<Map<String, String>> out = new ArrayList<>();
    try (MappingIterator<String[]> it =
        MAPPER
            .readerFor(String[].class)
            .with(CsvSchema.emptySchema().withoutHeader())
            .readValues(text)) {
      if (!it.hasNext()) {
        return out;
      }
      String[] header = it.next();
      while (it.hasNext()) {
        String[] f = it.next();
        if (f.length > header.length) {
          throw new IOException(
              "a CSV row has " + f.length + " fields, the header " + header.length);
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], i < f.length ? f[i] : "");
        }
        out.add(row);
      }
    }
    return out;
  }
}
