package sgsf.workflow.line;

import java.io.IOException;

/**
 * A sink refused a result for good: sending it again cannot succeed (a webhook's HTTP 400). The
 * line keeps the result in the journal as refused, with this message, and the sink goes on with the
 * next result instead of retrying this one forever.
 */
public final class DeliveryRefusedException extends IOException {
  private static final long serialVersionUID = 1L;

  /** A refusal described in one line (naming the sink and what it answered). */
  public DeliveryRefusedException(String message) {
    super(message);
  }
}
