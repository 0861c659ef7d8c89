package sgsf.engine.infer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sgsf.engine.data.ImageShapes;
import sgsf.engine.image.FloatImage;

/** Which images get a warning, against the model's input and the training images' shapes. */
class ImageWarningsTest {
  /** Colour training images from 200x150 to 300x250 pixels. */
  static final ImageShapes TRAINING = new ImageShapes(10, 200, 300, 150, 250, List.of(3));

  /** An image with some contrast (not uniform). */
  static FloatImage image(int channels, int width, int height) {
    float[] d = new float[channels * width * height];
    for (int i = 0; i < d.length; i++) {
      d[i] = (i % 7) / 7f;
    }
    return new FloatImage(channels, height, width, d);
  }

  @Test
  void imagesLikeTheTrainingImagesGetNoWarning() {
    assertThat(ImageWarnings.of(image(3, 250, 200), 64, TRAINING)).isEmpty();
    // exactly half the smallest and twice the largest side are still alike
    assertThat(ImageWarnings.of(image(3, 100, 75), 64, TRAINING)).isEmpty();
    assertThat(ImageWarnings.of(image(3, 600, 500), 64, TRAINING)).isEmpty();
  }

  @Test
  void aSideUnderHalfTheSmallestOrOverTwiceTheLargestIsWarnedAbout() {
    assertThat(ImageWarnings.of(image(3, 99, 200), 64, TRAINING))
        .containsExactly(
            "99x200 pixels, far smaller than the training images (200x150 to 300x250)");
    assertThat(ImageWarnings.of(image(3, 250, 74), 64, TRAINING))
        .containsExactly(
            "250x74 pixels, far smaller than the training images (200x150 to 300x250)");
    assertThat(ImageWarnings.of(image(3, 601, 200), 64, TRAINING))
        .containsExactly(
            "601x200 pixels, far larger than the training images (200x150 to 300x250)");
    assertThat(ImageWarnings.of(image(3, 250, 4000), 64, TRAINING))
        .containsExactly(
            "250x4000 pixels, far larger than the training images (200x150 to 300x250)");
  }

  @Test
  void aChannelCountNeverSeenInTrainingIsWarnedAbout() {
    assertThat(ImageWarnings.of(image(1, 250, 200), 64, TRAINING))
        .containsExactly("grey image, but the model was trained on colour images only");
    ImageShapes grey = new ImageShapes(3, 32, 32, 32, 32, List.of(1));
    assertThat(ImageWarnings.of(image(3, 32, 32), 16, grey))
        .containsExactly("colour image, but the model was trained on grey images only");
    ImageShapes both = new ImageShapes(3, 32, 32, 32, 32, List.of(3, 1));
    assertThat(ImageWarnings.of(image(1, 32, 32), 16, both)).isEmpty();
    assertThat(ImageWarnings.of(image(3, 32, 32), 16, both)).isEmpty();
  }

  @Test
  void withoutTrainingShapesOnlyTheModelInputAndUniformityAreChecked() {
    assertThat(ImageWarnings.of(image(1, 5000, 10), 32, null)).isEmpty();
    assertThat(ImageWarnings.of(image(3, 8, 8), 32, null))
        .containsExactly("only 8x8 pixels, far smaller than the model's 32x32 input");
    assertThat(ImageWarnings.of(FloatImage.filled(300, 300, 0.5f), 32, null))
        .containsExactly("uniform image (every pixel 0.500)");
  }

  @Test
  void anImageFarSmallerThanTheModelInputIsNotAlsoCalledSmallerThanTheTrainingImages() {
    assertThat(ImageWarnings.of(image(3, 8, 8), 64, TRAINING))
        .containsExactly("only 8x8 pixels, far smaller than the model's 64x64 input");
  }
}
