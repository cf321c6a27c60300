package dev.sentiment.batch;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The formats a submission can come in. An uploaded file's format is told by its part's content
 * type when that names a format, else by its file name's extension; a file that is neither typed
 * nor named otherwise is plain text. Text must be UTF-8 (or ASCII); anything else is refused with
 * {@link UnsupportedFormatException} (415).
 */
enum UploadFormat {
  JSON,
  CSV,
  NDJSON,
  TEXT;

  private static final Map<String, UploadFormat> BY_TYPE =
      Map.of(
          "application/json", JSON,
          "text/csv", CSV,
          "application/csv", CSV,
          "application/x-ndjson", NDJSON,
          "application/ndjson", NDJSON,
          "application/jsonl", NDJSON,
          "application/x-jsonlines", NDJSON,
          "text/plain", TEXT);

  private static final Map<String, UploadFormat> BY_EXTENSION =
      Map.of(
          "json", JSON,
          "csv", CSV,
          "ndjson", NDJSON,
          "jsonl", NDJSON,
          "txt", TEXT,
          "text", TEXT);

  /** The format of an uploaded file, or 415 when it is neither a known type nor extension. */
  static UploadFormat of(String contentType, String fileName) {
    MediaType type = parse(contentType);
    UploadFormat byType =
        type == null ? null : BY_TYPE.get(type.getType() + "/" + type.getSubtype());
    UploadFormat byName = BY_EXTENSION.get(extension(fileName));
    if (byType != null && byType != TEXT) {
      return byType;
    }
    if (byName != null) {
      return byName;
    }
    if (type == null || byType == TEXT || type.equals(MediaType.APPLICATION_OCTET_STREAM)) {
      return TEXT;
    }
    throw new UnsupportedFormatException(
        "Upload a CSV, NDJSON, JSON or plain-text file (by content type or file extension)");
  }

  /**
   * Refuses (415) a JSON submission body whose content type declares a charset other than UTF-8:
   * the body is read as UTF-8, so any other would be misread or refused line by line.
   */
  static void requireUtf8(String contentType) {
    parse(contentType);
  }

  private static MediaType parse(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    MediaType type;
    try {
      type = MediaType.parseMediaType(contentType);
    } catch (InvalidMediaTypeException e) {
      throw new UnsupportedFormatException("The file's content type is not valid");
    }
    Charset charset;
    try {
      charset = type.getCharset();
    } catch (IllegalArgumentException e) {
      charset = null;
    }
    String declared = type.getParameter("charset");
    if (declared != null
        && !StandardCharsets.UTF_8.equals(charset)
        && !StandardCharsets.US_ASCII.equals(charset)) {
      throw new UnsupportedFormatException("Files must be encoded in UTF-8");
    }
    return type;
  }

  private static String extension(String fileName) {
    if (fileName == null) {
      return "";
    }
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
