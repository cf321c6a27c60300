package dev.sentiment.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Splits a UTF-8 stream into lines ({@code \n} or {@code \r\n}) without trusting it: a line longer
 * than the limit is cut there (and flagged) instead of filling the heap, and a line that is not
 * valid UTF-8 is flagged instead of silently altered. A leading byte-order mark is skipped. What
 * was cut off a line is skipped by the next {@link #next()}, unless {@link #rest} reads it first.
 */
final class LineReader {

  /**
   * One line.
   *
   * @param number its 1-based line number in the file
   * @param text its text; with U+FFFD replacements when {@code malformed}, cut when {@code tooLong}
   * @param malformed whether the bytes were not valid UTF-8
   * @param tooLong whether it had more bytes than the limit
   */
  record Line(long number, String text, boolean malformed, boolean tooLong) {}

  private static final int BUFFER = 64 * 1024;

  private final InputStream in;
  private final int maxBytes;
  private final byte[] buffer = new byte[BUFFER];
  private final CharsetDecoder strict =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] line = new byte[256];
  private int position;
  private int limit;
  private long number;
  private boolean eof;

  /** Whether the last line was cut and the rest of it is still to be read or skipped. */
  private boolean cut;

  LineReader(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  int maxBytes() {
    return maxBytes;
  }

  /** The next line, or null at the end of the stream. */
  Line next() throws IOException {
    rest(null);
    if (eof) {
      return null;
    }
    int length = 0;
    boolean tooLong = false;
    while (true) {
      if (position == limit && !fill()) {
        eof = true;
        if (length == 0) {
          return null;
        }
        break;
      }
      byte b = buffer[position];
      if (b == '\n') {
        position++;
        break;
      }
      if (length == maxBytes) {
        // Left in the buffer for rest(): the caller may need to look at what was cut off.
        tooLong = true;
        cut = true;
        break;
      }
      if (length == line.length) {
        line = Arrays.copyOf(line, Math.min(maxBytes, line.length * 2));
      }
      line[length++] = b;
      position++;
    }
    number++;
    if (length > 0 && line[length - 1] == '\r' && !tooLong) {
      length--;
    }
    int start = number == 1 && startsWithBom(length) ? 3 : 0;
    return decode(start, length, tooLong);
  }

  /**
   * Hands what was cut off the last line, up to its end (without its {@code \r\n} or {@code \n}),
   * byte by byte to {@code bytes}, so that a caller can follow the quotes and separators in it:
   * those are ASCII, and no byte of a multi-byte character is. Does nothing when the last line was
   * not cut or its rest was read already; with {@code bytes} null, skips it.
   */
  void rest(IntConsumer bytes) throws IOException {
    // A \r is held back until the next byte: it is part of the line unless the line ends there.
    boolean carriageReturn = false;
    while (cut) {
      if (position == limit && !fill()) {
        eof = true;
        break;
      }
      byte b = buffer[position++];
      if (b == '\n') {
        break;
      }
      if (bytes != null && carriageReturn) {
        bytes.accept('\r');
      }
      carriageReturn = b == '\r';
      if (bytes != null && !carriageReturn) {
        bytes.accept(Byte.toUnsignedInt(b));
      }
    }
    cut = false;
  }

  private boolean startsWithBom(int length) {
    return length >= 3
        && line[0] == (byte) 0xEF
        && line[1] == (byte) 0xBB
        && line[2] == (byte) 0xBF;
  }

  private Line decode(int start, int end, boolean tooLong) {
    try {
      String text = strict.decode(ByteBuffer.wrap(line, start, end - start)).toString();
      return new Line(number, text, false, tooLong);
    } catch (CharacterCodingException e) {
      String lenient = new String(line, start, end - start, StandardCharsets.UTF_8);
      // A line cut at the limit may end inside a character; it is refused as too long anyway.
      return new Line(number, lenient, !tooLong, tooLong);
    }
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }
}
