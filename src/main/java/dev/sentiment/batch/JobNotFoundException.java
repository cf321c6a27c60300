package dev.sentiment.batch;

/** No job with this id is visible to the caller; answered 404, whether it exists or not. */
class JobNotFoundException extends RuntimeException {

  JobNotFoundException() {
    super("No batch job with this id");
  }
}
