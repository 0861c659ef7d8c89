package sgsf.ui;

import java.util.ArrayList;
import java.util.List;
import sgsf.ui.common.ErrorMessages;
import sgsf.ui.common.Notifier;

/** Records what ViewModels tell the user. */
public final class RecordingNotifier implements Notifier {
  public final List<String> errors = new ArrayList<>();
  public final List<String> infos = new ArrayList<>();

  @Override
  public void error(String action, Throwable error) {
    errors.add(action + ": " + ErrorMessages.describe(error));
  }

  @Override
  public void info(String message) {
    infos.add(message);
  }
}
