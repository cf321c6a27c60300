package dev.sentiment.inference;

/**
 * The tokenizer found nothing in the text to classify: it held only spaces, invisible or control
 * characters (a no-break space, a zero-width space, a byte-order mark). The model's answer to such
 * a text would be its answer to an empty one, so the text is refused instead. The message is safe
 * to show to a client.
 */
public class UnreadableTextException extends RuntimeException {

  UnreadableTextException() {
    super("The text has nothing the model can read: only spaces, invisible or control characters");
  }
}
