package sgsf.ui.forge;

import java.util.List;
import javafx.scene.image.Image;
import sgsf.engine.forge.ForgeResult;
import sgsf.io.forge.ForgeContactSheet;

/**
 * A computed forge preview: the A | S | G | M | I panels (as images, and as the engine's panels for
 * PNG export) with the numbers that explain them.
 *
 * @param request what was computed
 * @param panels the panels' titles and images ({@code null} image for a panel the strategy does not
 *     use)
 * @param details what explains the sheet further: the Perlin noise P, the auxiliary image B and the
 *     forged image with the mask outlined (panels the strategy lacks are left out)
 * @param sheetPanels the same panels as float images, for the exported sheet
 * @param result the forging attempt
 * @param summary one line: strategy, whether forged, mask area, mu, alpha, attempts, B's origin
 * @param millis compute time
 */
public record ForgePreview(
    ForgeViewModel.PreviewRequest request,
    List<PanelImage> panels,
    List<PanelImage> details,
    List<ForgeContactSheet.Panel> sheetPanels,
    ForgeResult result,
    String summary,
    long millis) {

  /** One titled panel; {@code image} is null where the strategy has nothing to show. */
  public record PanelImage(String title, Image image) {}
}
