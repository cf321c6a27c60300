package dev.sentiment.web.problem;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Client-facing descriptions of unreadable or invalid bodies. They name the field and the JSON type
 * expected, and the position of a syntax error, but never a Java type or library message.
 */
public final class BodyErrors {

  private static final String LIMIT =
      "The JSON document exceeds a parser limit (nesting depth, number or string length)";

  private BodyErrors() {}

  static <T extends Throwable> @Nullable T find(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  static String describe(Exception error) {
    if (find(error, StreamConstraintsException.class) != null) {
      return LIMIT;
    }
    MismatchedInputException mismatch = find(error, MismatchedInputException.class);
    if (mismatch != null && String.valueOf(mismatch.getOriginalMessage()).startsWith("Trailing")) {
      // Jackson tells trailing data apart only by its message (FAIL_ON_TRAILING_TOKENS).
      return "The request body must hold one JSON value and nothing after it" + at(mismatch);
    }
    if (mismatch != null) {
      String field = fieldPath(mismatch);
      String expected = jsonType(mismatch.getTargetType());
      return field.isEmpty()
          ? "The request body must be " + expected
          : "'" + field + "' must be " + expected;
    }
    DatabindException databind = find(error, DatabindException.class);
    if (databind != null) {
      String field = fieldPath(databind);
      return field.isEmpty()
          ? "The request body does not have the expected structure"
          : "'" + field + "' has an invalid value";
    }
    JacksonException json = find(error, JacksonException.class);
    return json != null ? describeJson(json) : "A JSON request body is required";
  }

  /**
   * A JSON document that could not be read as such, whether bound by Spring MVC or read token by
   * token (a batch upload): a parser limit, a key repeated in one object, or a syntax error, with
   * its position.
   */
  public static String describeJson(JacksonException error) {
    if (find(error, StreamConstraintsException.class) != null) {
      return LIMIT;
    }
    StreamReadException syntax = find(error, StreamReadException.class);
    if (syntax != null && String.valueOf(syntax.getOriginalMessage()).startsWith("Duplicate")) {
      // Told apart only by its message, like trailing data (STRICT_DUPLICATE_DETECTION).
      return "The request body has the same key twice in one object" + at(syntax);
    }
    return "The request body is not valid UTF-8 JSON" + at(syntax != null ? syntax : error);
  }

  private static String at(JacksonException error) {
    TokenStreamLocation at = error.getLocation();
    return at == null || at.getLineNr() < 1
        ? ""
        : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }

  private static String fieldPath(DatabindException error) {
    List<JacksonException.Reference> path = error.getPath();
    StringBuilder field = new StringBuilder();
    for (JacksonException.Reference reference : path) {
      if (reference.getPropertyName() != null) {
        field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        field.append('[').append(reference.getIndex()).append(']');
      }
    }
    return field.toString();
  }

  private static String jsonType(@Nullable Class<?> type) {
    if (type == null) {
      return "of another JSON type";
    }
    if (CharSequence.class.isAssignableFrom(type)) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (type.isArray() || Iterable.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }
}
