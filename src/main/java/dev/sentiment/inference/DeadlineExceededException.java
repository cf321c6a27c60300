package dev.sentiment.inference;

import java.util.concurrent.TimeoutException;

/** The deadline of a text passed before a worker reached it, so it was skipped, not computed. */
public class DeadlineExceededException extends TimeoutException {

  DeadlineExceededException() {
    super("The deadline passed before the answer was computed");
  }
}
