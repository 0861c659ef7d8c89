package sgsf.engine.data;

import java.util.List;
import java.util.TreeSet;
import sgsf.engine.image.ImageHeader;

/**
 * The sizes and channel counts of a set of images as their files declare them (the training images
 * of a model, in its provenance): the smallest and largest width and height, and which channel
 * counts occur, as the workbench reads images (1 grey, 3 colour; an alpha channel is dropped).
 * Compact on purpose: enough to tell that an image to inspect is far from what the model learnt.
 *
 * @param images how many images were summarised
 * @param minWidth the smallest width in pixels
 * @param maxWidth the largest width
 * @param minHeight the smallest height
 * @param maxHeight the largest height
 * @param channels the channel counts seen, ascending (1 and/or 3)
 */
public record ImageShapes(
    int images, int minWidth, int maxWidth, int minHeight, int maxHeight, List<Integer> channels) {

  public ImageShapes {
    channels = channels == null ? List.of() : List.copyOf(new TreeSet<>(channels));
  }

  /** The channel count an image declaring {@code declared} channels is read with (1 or 3). */
  public static int readChannels(int declared) {
    return declared == 1 ? 1 : 3;
  }

  /**
   * The summary of image headers; headers that are null or say nothing of the size are left out.
   * Null when none is left.
   */
  public static ImageShapes of(List<ImageHeader> headers) {
    int n = 0;
    int minW = Integer.MAX_VALUE;
    int maxW = 0;
    int minH = Integer.MAX_VALUE;
    int maxH = 0;
    TreeSet<Integer> channels = new TreeSet<>();
    for (ImageHeader h : headers) {
      if (h == null || h.width() <= 0 || h.height() <= 0) {
        continue;
      }
      n++;
      minW = Math.min(minW, h.width());
      maxW = Math.max(maxW, h.width());
      minH = Math.min(minH, h.height());
      maxH = Math.max(maxH, h.height());
      if (h.channels() > 0) {
        channels.add(readChannels(h.channels()));
      }
    }
    return n == 0 ? null : new ImageShapes(n, minW, maxW, minH, maxH, List.copyOf(channels));
  }

  /** "256x256", or "200x150 to 1024x768" (smallest width and height to largest), for messages. */
  public String sizes() {
    return minWidth == maxWidth && minHeight == maxHeight
        ? minWidth + "x" + minHeight
        : minWidth + "x" + minHeight + " to " + maxWidth + "x" + maxHeight;
  }

  /** "grey", "colour" or "grey and colour". */
  public static String channelNames(List<Integer> channels) {
    List<String> names =
        channels.stream().map(c -> c == 1 ? "grey" : c == 3 ? "colour" : c + "-channel").toList();
    return names.isEmpty() ? "unknown channels" : String.join(" and ", names);
  }
}
