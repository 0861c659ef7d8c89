package sgsf.workflow.line;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opencv.core.Mat;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.Videoio;
import sgsf.engine.image.FloatImage;
import sgsf.engine.image.ImageIo;
import sgsf.engine.image.OpenCv;

/**
 * Frames of a video file or a camera through OpenCV's {@code VideoCapture}. The OpenCV build the
 * workbench ships (org.openpnp 4.9.0) has no FFMPEG and no GStreamer: it reads MJPG AVI files and
 * V4L2 cameras (USB cameras on Linux), not H.264/MP4 or RTSP. A video file is replayed after a
 * restart (its frames are numbered, so the frames already done are skipped); a camera's frames
 * taken but not finished before a crash are reported lost.
 */
public final class VideoSource implements LineSource {
  private final String description;
  private final boolean file;
  private final String keyPrefix;
  private final VideoCapture capture;
  private final FramePacer pacer;
  private final Mat mat = new Mat();
  private long frameIndex = -1;
  private long lastTakenMs;
  private boolean ended;

  private VideoSource(
      String description, boolean file, String keyPrefix, VideoCapture capture, FramePacer pacer) {
    this.description = description;
    this.file = file;
    this.keyPrefix = keyPrefix;
    this.capture = capture;
    this.pacer = pacer;
  }

  /**
   * Opens a video file.
   *
   * @throws IOException naming the file when it is missing or cannot be decoded by this build
   */
  public static VideoSource file(Path video, FramePacer pacer) throws IOException {
    Path f = video.toAbsolutePath().normalize();
    if (!Files.isRegularFile(f)) {
      throw new IOException(f + ": video file not found");
    }
    OpenCv.ensureLoaded();
    VideoCapture c = new VideoCapture(f.toString(), Videoio.CAP_OPENCV_MJPEG);
    if (!c.isOpened()) {
      c.release();
      throw new IOException(
          f
              + ": cannot open the video (this build reads MJPG AVI files only: no FFMPEG, so no"
              + " MP4/H.264)");
    }
    return new VideoSource("video:" + f, true, "video:" + f + "#", c, pacer);
  }

  /**
   * Opens a camera by index (V4L2 on Linux).
   *
   * @throws IOException naming the camera when it cannot be opened
   */
  public static VideoSource camera(int index, FramePacer pacer) throws IOException {
    OpenCv.ensureLoaded();
    VideoCapture c = new VideoCapture(index);
    if (!c.isOpened()) {
      c.release();
      throw new IOException("camera:" + index + ": cannot open the camera (none at this index?)");
    }
    return new VideoSource(
        "camera:" + index,
        false,
        "camera:" + index + "@" + System.currentTimeMillis() + "#",
        c,
        pacer);
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public boolean replays() {
    return file;
  }

  @Override
  public boolean exhausted() {
    return ended;
  }

  @Override
  public SourceItem next(long timeoutMs) throws InterruptedException {
    while (!ended) {
      if (!capture.read(mat) || mat.empty()) {
        if (file) {
          ended = true;
          return null;
        }
        Thread.sleep(Math.min(timeoutMs, 50));
        return null;
      }
      frameIndex++;
      if (!pacer.triggered(frameIndex)) {
        continue;
      }
      long now = System.currentTimeMillis();
      long wait = lastTakenMs + pacer.minIntervalMs() - now;
      if (wait > 0) {
        if (!file) {
          continue; // a live camera drops what comes too early
        }
        Thread.sleep(wait);
        now = System.currentTimeMillis();
      }
      lastTakenMs = now;
      FloatImage frame = ImageIo.fromMat(mat);
      return SourceItem.frame(
          keyPrefix + frameIndex, description + " frame " + frameIndex, now, frame);
    }
    return null;
  }

  @Override
  public void close() {
    mat.release();
    capture.release();
  }
}
