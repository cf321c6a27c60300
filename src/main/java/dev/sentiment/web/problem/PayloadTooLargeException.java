package dev.sentiment.web.problem;

import java.io.IOException;
import org.springframework.util.unit.DataSize;

/**
 * A request body exceeded its limit; answered 413. An {@link IOException} so that it surfaces
 * through the body readers (JSON, CSV) that read the stream it is thrown from.
 */
public class PayloadTooLargeException extends IOException {

  private final DataSize limit;

  /** Creates the exception for a body larger than {@code limit}. */
  public PayloadTooLargeException(DataSize limit) {
    super("The request body exceeds the limit of " + limit.toBytes() + " bytes");
    this.limit = limit;
  }

  /** The limit that was exceeded. */
  public DataSize limit() {
    return limit;
  }
}
