package sgsf.io.forge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sgsf.engine.config.ForgeConfig;
import sgsf.engine.config.ForgeParameters;
import sgsf.engine.config.Parameter;
import sgsf.engine.forge.ForgeResult;
import sgsf.engine.forge.SaliencyMap;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.io.AtomicFiles;

/**
 * Writes forged samples to a folder: per sample a contact sheet {@code sample-NNN.png} (A | S | G |
 * M | I) and its mask {@code sample-NNN-mask.png}, then an {@code index.html} that shows them with
 * relative links, so the folder can be moved or zipped as a whole. Every file is written
 * atomically.
 */
public final class ForgeGalleryWriter {
  /** File name of the overview page. */
  public static final String INDEX = "index.html";

  private final Path dir;
  private final ForgeConfig config;
  private final String source;
  private final List<Row> rows = new ArrayList<>();

  private record Row(
      int index,
      String sheet,
      String mask,
      String image,
      ForgeResult result,
      SaliencyMap saliency) {}

  /**
   * @param dir output folder (created if needed)
   * @param source a description of where the normal images came from
   */
  public ForgeGalleryWriter(Path dir, ForgeConfig config, String source) throws IOException {
    this.dir = dir;
    this.config = config;
    this.source = source;
    Files.createDirectories(dir);
  }

  /** The file name of sample {@code index}'s contact sheet. */
  public static String sheetName(int index) {
    return String.format(Locale.ROOT, "sample-%03d.png", index);
  }

  /** The file name of sample {@code index}'s mask. */
  public static String maskName(int index) {
    return String.format(Locale.ROOT, "sample-%03d-mask.png", index);
  }

  /**
   * Writes one sample's contact sheet and mask.
   *
   * @param image the name of the normal image A, for the index
   * @param a the normal image A at model size
   * @param saliency S of A (may be null)
   */
  public void add(int index, String image, FloatImage a, SaliencyMap saliency, ForgeResult result)
      throws IOException {
    FloatImage sheet =
        ForgeContactSheet.render(
            ForgeContactSheet.panels(a, saliency, result), a.height(), a.width());
    AtomicFiles.writeBytes(dir.resolve(sheetName(index)), ImageIo.encodePng(sheet));
    AtomicFiles.writeBytes(dir.resolve(maskName(index)), ImageIo.encodePng(result.mask()));
    rows.add(new Row(index, sheetName(index), maskName(index), image, result, saliency));
  }

  /** Writes {@code index.html} listing every sample added so far and returns its path. */
  public Path writeIndex() throws IOException {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<title>SGSF forged samples</title>\n<style>\n")
        .append("body{font-family:sans-serif;background:#1e1e1e;color:#ddd;margin:1.5em}\n")
        .append("table{border-collapse:collapse}td,th{padding:.4em .6em;vertical-align:top;")
        .append("border-bottom:1px solid #444;text-align:left}\n")
        .append("img{max-width:100%;image-rendering:pixelated}a{color:#8cf}\n")
        .append("code{color:#fc8}.sheet{max-width:70em}\n</style></head><body>\n")
        .append("<h1>Forged samples: ")
        .append(esc(config.strategy().name()))
        .append("</h1>\n<p>Normal images: ")
        .append(esc(source))
        .append("<br>Panels: A normal image | S saliency | G saliency Perlin noise (or B) |")
        .append(" M mask = label | I forged image (Eq. 2).<br>Settings: <code>")
        .append(esc(settings()))
        .append(
            "</code></p>\n<table>\n<tr><th>#</th><th>contact sheet</th><th>details</th></tr>\n");
    for (Row r : rows) {
      ForgeResult res = r.result();
      h.append("<tr><td>")
          .append(r.index())
          .append("</td><td><a href=\"")
          .append(esc(r.sheet()))
          .append("\"><img class=\"sheet\" src=\"")
          .append(esc(r.sheet()))
          .append("\" alt=\"sample ")
          .append(r.index())
          .append("\"></a></td><td>image: ")
          .append(esc(r.image()))
          .append("<br>")
          .append(res.forged() ? "forged" : "not forged (stays normal)")
          .append(String.format(Locale.ROOT, ", mask %.2f %%", 100 * res.maskFraction()));
      if (!Double.isNaN(res.threshold())) {
        h.append(String.format(Locale.ROOT, "<br>mu = %.3f", res.threshold()));
      }
      if (!Double.isNaN(res.alpha())) {
        h.append(String.format(Locale.ROOT, ", alpha = %.2f", res.alpha()));
      }
      if (r.saliency() != null) {
        h.append("<br>S: ")
            .append(esc(r.saliency().kind().name().toLowerCase(Locale.ROOT)))
            .append(String.format(Locale.ROOT, ", std %.3f", r.saliency().spread()));
      }
      h.append("<br>attempts: ")
          .append(res.attempts())
          .append("<br>")
          .append(esc(res.description()))
          .append("<br><a href=\"")
          .append(esc(r.mask()))
          .append("\">mask PNG</a></td></tr>\n");
    }
    h.append("</table>\n</body></html>\n");
    Path index = dir.resolve(INDEX);
    AtomicFiles.writeString(index, h.toString());
    return index;
  }

  /**
   * The strategy, its choices and every parameter it uses, as {@code sgsf forge} options name them.
   */
  private String settings() {
    StringBuilder b = new StringBuilder("strategy=").append(config.strategy());
    for (Parameter<ForgeConfig, ForgeParameters.Group> p : ForgeParameters.all()) {
      if (p.group().usedBy(config.strategy())) {
        b.append(' ').append(p.id()).append('=').append(p.format(config));
      }
    }
    b.append(" saliency=").append(config.saliency().method());
    b.append(" roi=")
        .append(
            config.saliency().roiMask() == null ? "none" : config.saliency().roiMask().toString());
    b.append(" textures=").append(config.auxiliary().source());
    if (config.auxiliary().folder() != null) {
      b.append(" (").append(config.auxiliary().folder()).append(')');
    }
    return b.append(" seed=").append(config.seed()).toString();
  }

  private static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
