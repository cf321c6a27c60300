package dev.sentiment;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The corpus of bad requests: each one must get a 4xx problem+json answer. Built in code so that
 * every family (truncations, encodings, sizes, headers) is complete, not a hand-picked sample.
 */
final class BadRequests {

  /** One bad request, sent as raw bytes. */
  record BadRequest(String name, byte[] bytes) {
    @Override
    public String toString() {
      return name;
    }
  }

  private final List<BadRequest> cases = new ArrayList<>();

  List<BadRequest> all() {
    return cases;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  static Map<String, String> headers(String... namesAndValues) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }

  BadRequests add(
      String name, String method, String target, Map<String, String> headers, byte[] body) {
    cases.add(new BadRequest(name, RawHttp.request(method, target, headers, body)));
    return this;
  }

  BadRequests addRaw(String name, byte[] bytes) {
    cases.add(new BadRequest(name, bytes));
    return this;
  }

  BadRequests json(String name, String method, String target, byte[] body) {
    return add(name, method, target, headers("Content-Type", "application/json"), body);
  }

  /** Bodies that are not a valid JSON object with a string field {@code field}. */
  BadRequests jsonBodies(String prefix, String method, String target, String field) {
    String valid = "{\"" + field + "\":\"a perfectly fine sentence\"}";
    for (int cut = 0; cut < valid.length(); cut++) {
      json(prefix + " truncated at " + cut, method, target, utf8(valid.substring(0, cut)));
    }
    String[] wrong = {
      "42",
      "true",
      "null",
      "[]",
      "\"a string\"",
      "{}",
      "{\"" + field + "\":null}",
      "{\"" + field + "\":42}",
      "{\"" + field + "\":-1.5e3}",
      "{\"" + field + "\":true}",
      "{\"" + field + "\":[\"a\"]}",
      "{\"" + field + "\":{\"b\":\"c\"}}",
      "{\"" + field + "\":\"\"}",
      "{\"" + field + "\":\"   \"}",
      "{\"" + field + "\":\"a\"} trailing",
      "{\"" + field + "\":\"a\",}",
      "{'" + field + "':'single quotes'}",
      "{" + field + ":\"unquoted key\"}",
      "{\"" + field + "\":\"a\",\"" + field + "\":\"b\"}",
      "{\"" + field + "\":\"bad escape \\q\"}",
      "{\"" + field + "\":\"half escape \\u12\"}",
      "{\"" + field + "\":NaN}",
      "{\"" + field + "\":" + "9".repeat(5000) + "}",
      "{\"" + field + "\":1e999999}",
      "{\"" + field + "\":\"a\"}{\"" + field + "\":\"b\"}",
      "   ",
      "\"\"",
      "/* comment */ {}",
    };
    for (String body : wrong) {
      json(prefix + " body " + abbreviate(body), method, target, utf8(body));
    }
    json(
        prefix + " nesting 100000",
        method,
        target,
        utf8("{\"" + field + "\":" + "[".repeat(100_000)));
    json(
        prefix + " object nesting 50000",
        method,
        target,
        utf8("{\"x\":".repeat(50_000) + "1" + "}".repeat(50_000)));
    byte[][] invalidUtf8 = {
      {(byte) 0xff},
      {(byte) 0xc3, 0x28},
      {(byte) 0x80},
      {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
      {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
      {(byte) 0xe2, (byte) 0x82},
    };
    for (byte[] bad : invalidUtf8) {
      json(
          prefix + " invalid UTF-8 " + hex(bad),
          method,
          target,
          concat(utf8("{\"" + field + "\":\"x"), bad, utf8("x\"}")));
    }
    for (int control : new int[] {0x00, 0x01, 0x08, 0x0a, 0x0d, 0x1b, 0x1f}) {
      json(
          prefix + " raw control 0x" + Integer.toHexString(control),
          method,
          target,
          concat(utf8("{\"" + field + "\":\"a"), new byte[] {(byte) control}, utf8("b\"}")));
    }
    return this;
  }

  /** Content types other than JSON for a JSON endpoint. */
  BadRequests contentTypes(String prefix, String method, String target, String field) {
    byte[] body = utf8("{\"" + field + "\":\"fine\"}");
    for (String type :
        new String[] {
          "text/plain", "application/xml", "application/x-www-form-urlencoded", "text/html",
          "application/octet-stream", "image/png", "application/jsonp", "not a media type"
        }) {
      add(prefix + " content type " + type, method, target, headers("Content-Type", type), body);
    }
    add(prefix + " no content type", method, target, headers(), body);
    return this;
  }

  /** Bodies over the limit, declared and undeclared. */
  BadRequests oversized(String prefix, String method, String target, String field, int limitBytes) {
    byte[] big =
        concat(utf8("{\"" + field + "\":\""), utf8("a".repeat(limitBytes + 1)), utf8("\"}"));
    json(prefix + " body over the limit", method, target, big);
    add(
        prefix + " chunked body over the limit",
        method,
        target,
        headers("Content-Type", "application/json", "Transfer-Encoding", "chunked"),
        chunked(big));
    add(
        prefix + " declared length over the limit",
        method,
        target,
        headers(
            "Content-Type", "application/json", "Content-Length", String.valueOf(limitBytes * 4L)),
        utf8("{\"" + field + "\":\"a\"}"));
    return this;
  }

  /** Header abuse: huge, many, malformed. */
  BadRequests absurdHeaders(String prefix, String method, String target) {
    byte[] body = utf8("{\"text\":\"fine\"}");
    add(
        prefix + " 64 KiB header",
        method,
        target,
        headers("Content-Type", "application/json", "X-Padding", "a".repeat(65_536)),
        body);
    Map<String, String> many = headers("Content-Type", "application/json");
    for (int i = 0; i < 500; i++) {
      many.put("X-Many-" + i, "v".repeat(100));
    }
    add(prefix + " 500 headers", method, target, many, body);
    add(
        prefix + " negative content length",
        method,
        target,
        headers("Content-Type", "application/json", "Content-Length", "-5"),
        body);
    add(
        prefix + " non-numeric content length",
        method,
        target,
        headers("Content-Type", "application/json", "Content-Length", "lots"),
        body);
    for (String coding : new String[] {"gzip", "deflate", "br", "identity, gzip"}) {
      add(
          prefix + " content encoding " + coding,
          method,
          target,
          headers("Content-Type", "application/json", "Content-Encoding", coding),
          body);
    }
    add(
        prefix + " unknown transfer encoding",
        method,
        target,
        headers("Content-Type", "application/json", "Transfer-Encoding", "gzip"),
        body);
    add(
        prefix + " broken chunk size",
        method,
        target,
        headers("Content-Type", "application/json", "Transfer-Encoding", "chunked"),
        utf8("zz\r\n{}\r\n0\r\n\r\n"));
    addRaw(
        prefix + " header without colon",
        concat(
            utf8(
                method
                    + " "
                    + target
                    + " HTTP/1.1\r\nHost: x\r\nBroken header line\r\n"
                    + "Connection: close\r\n\r\n")));
    addRaw(
        prefix + " control character in header",
        utf8(
            method
                + " "
                + target
                + " HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\nConnection: close\r\n\r\n"));
    addRaw(
        prefix + " bad percent-encoding",
        utf8(method + " " + target + "%zz HTTP/1.1\r\nHost: x\r\n" + "Connection: close\r\n\r\n"));
    addRaw(
        prefix + " space in target",
        utf8(method + " " + target + " x HTTP/1.1\r\nHost: x\r\n" + "Connection: close\r\n\r\n"));
    for (String version : new String[] {"HTTP/2.0", "HTTP/1.2", "HTTP/9.9", "HTTP/0.9"}) {
      addRaw(
          prefix + " request line " + version,
          concat(
              utf8(
                  method
                      + " "
                      + target
                      + " "
                      + version
                      + "\r\nHost: x\r\nContent-Type: application/json\r\n"
                      + "Content-Length: 15\r\nConnection: close\r\n\r\n"),
              utf8("{\"text\":\"nice\"}")));
    }
    addRaw(
        prefix + " missing host",
        utf8(method + " " + target + " HTTP/1.1\r\nConnection: close\r\n\r\n"));
    return this;
  }

  /** Bad submissions to the batch endpoint: JSON, multipart and header abuse. */
  BadRequests batchSubmissions(String target) {
    String valid = "{\"texts\":[\"a fine sentence\",\"another one\"]}";
    add(
        "batch JSON labelled gzip",
        "POST",
        target,
        headers("Content-Type", "application/json", "Content-Encoding", "gzip"),
        utf8(valid));
    for (String charset : new String[] {"ISO-8859-1", "latin1", "UTF-16", "no-such-charset"}) {
      add(
          "batch JSON charset " + charset,
          "POST",
          target,
          headers("Content-Type", "application/json; charset=" + charset),
          utf8(valid));
    }
    for (int cut = 1; cut < valid.length(); cut += 2) {
      json("batch truncated at " + cut, "POST", target, utf8(valid.substring(0, cut)));
    }
    String[] wrong = {
      "{}",
      "[]",
      "null",
      "42",
      "\"texts\"",
      "{\"texts\":[]}",
      "{\"items\":[]}",
      "{\"texts\":\"not an array\"}",
      "{\"texts\":[1,2]}",
      "{\"texts\":[[\"nested\"]]}",
      "{\"texts\":[{\"text\":\"a\"}]}",
      "{\"items\":{\"text\":\"a\"}}",
      "{\"items\":[\"a\"]}",
      "{\"items\":[{\"text\":[\"a\"]}]}",
      "{\"items\":[{\"id\":{},\"text\":\"a\"}]}",
      "{\"texts\":[\"a\"]} trailing",
      "{\"texts\":[\"a\"],}",
      "{\"texts\":[\"a\",]}",
      "{\"texts\":[\"a\"]}{\"texts\":[\"b\"]}",
      "{\"texts\":[" + "[".repeat(100_000) + "]}",
    };
    for (String body : wrong) {
      json("batch body " + abbreviate(body), "POST", target, utf8(body));
    }
    json(
        "batch invalid UTF-8",
        "POST",
        target,
        concat(utf8("{\"texts\":[\"a"), new byte[] {(byte) 0xff}, utf8("\"]}")));
    String boundary = "XbOuNdArYx";
    Map<String, String> form = headers("Content-Type", "multipart/form-data; boundary=" + boundary);
    add(
        "multipart CSV without a text column",
        "POST",
        target,
        form,
        multipart(boundary, "file", "c.csv", "text/csv", utf8("id,comment\n1,hello\n")));
    add(
        "multipart CSV with two text columns",
        "POST",
        target,
        form,
        multipart(boundary, "file", "c.csv", "text/csv", utf8("text,text\na,b\n")));
    add(
        "multipart CSV header only",
        "POST",
        target,
        form,
        multipart(boundary, "file", "c.csv", "text/csv", utf8("text,id\n")));
    add(
        "multipart empty CSV",
        "POST",
        target,
        form,
        multipart(boundary, "file", "c.csv", "text/csv", new byte[0]));
    add(
        "multipart NDJSON of blank lines",
        "POST",
        target,
        form,
        multipart(boundary, "file", "c.ndjson", "application/x-ndjson", utf8("\n\n  \n")));
    add(
        "multipart empty text file",
        "POST",
        target,
        form,
        multipart(boundary, "file", "c.txt", "text/plain", new byte[0]));
    add(
        "multipart image",
        "POST",
        target,
        form,
        multipart(boundary, "file", "c.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
    add(
        "multipart latin-1 charset",
        "POST",
        target,
        form,
        multipart(boundary, "file", "c.csv", "text/csv; charset=ISO-8859-1", utf8("text\nfine\n")));
    add(
        "multipart wrong part name",
        "POST",
        target,
        form,
        multipart(boundary, "upload", "c.txt", "text/plain", utf8("fine\n")));
    add(
        "multipart without boundary",
        "POST",
        target,
        headers("Content-Type", "multipart/form-data"),
        multipart(boundary, "file", "c.txt", "text/plain", utf8("fine\n")));
    byte[] whole = multipart(boundary, "file", "c.txt", "text/plain", utf8("fine\nalso fine\n"));
    add("multipart truncated", "POST", target, form, Arrays.copyOf(whole, whole.length - 20));
    add("multipart garbage", "POST", target, form, utf8("this is not multipart at all"));
    add(
        "batch declared length over the limit",
        "POST",
        target,
        headers("Content-Type", "application/json", "Content-Length", String.valueOf(600L << 20)),
        utf8("{}"));
    for (String key :
        new String[] {
          "", "a".repeat(300), "bad\u0001key", new String(utf8("ключ"), StandardCharsets.ISO_8859_1)
        }) {
      add(
          "batch idempotency key " + abbreviate(key),
          "POST",
          target,
          headers("Content-Type", "application/json", "Idempotency-Key", key),
          utf8("{\"texts\":[\"fine\"]}"));
    }
    for (String type : new String[] {"text/plain", "application/xml", "application/octet-stream"}) {
      add(
          "batch content type " + type,
          "POST",
          target,
          headers("Content-Type", type),
          utf8("{\"texts\":[\"fine\"]}"));
    }
    return this;
  }

  /** Unknown and malformed job ids, bad paging, wrong methods and Accept for job endpoints. */
  BadRequests jobLookups(String target, String existingJob) {
    String[] ids = {
      "00000000-0000-0000-0000-000000000000",
      java.util.UUID.randomUUID().toString(),
      "not-a-uuid",
      "123",
      "%00",
      "a".repeat(2000),
      "..%2f..%2fetc",
      "' OR 1=1 --",
      "%27%20OR%201%3D1",
    };
    for (String id : ids) {
      String path = target + "/" + id.replace(" ", "%20").replace("'", "%27");
      add("job " + abbreviate(id), "GET", path, headers(), null);
      add("job results " + abbreviate(id), "GET", path + "/results", headers(), null);
      add("job delete " + abbreviate(id), "DELETE", path, headers(), null);
    }
    String results = target + "/" + existingJob + "/results";
    for (String query :
        new String[] {
          "offset=-1",
          "limit=-5",
          "offset=abc",
          "limit=x",
          "offset=1.5",
          "limit=99999999999999999999",
          "offset=",
          "limit=0x10"
        }) {
      add("results " + query, "GET", results + "?" + query, headers(), null);
    }
    add("results as XML", "GET", results, headers("Accept", "application/xml"), null);
    add("results as HTML only", "GET", results, headers("Accept", "text/html"), null);
    add(
        "PUT job",
        "PUT",
        target + "/" + existingJob,
        headers("Content-Type", "application/json"),
        utf8("{}"));
    add(
        "PATCH job",
        "PATCH",
        target + "/" + existingJob,
        headers("Content-Type", "application/json"),
        utf8("{}"));
    add("POST results", "POST", results, headers("Content-Type", "application/json"), utf8("{}"));
    add("GET submissions", "GET", target, headers(), null);
    add("DELETE submissions", "DELETE", target, headers(), null);
    return this;
  }

  static byte[] multipart(
      String boundary, String part, String fileName, String contentType, byte[] content) {
    return concat(
        utf8(
            "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + part
                + "\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: "
                + contentType
                + "\r\n\r\n"),
        content,
        utf8("\r\n--" + boundary + "--\r\n"));
  }

  static byte[] chunked(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int at = 0; at < body.length; at += 8192) {
      int n = Math.min(8192, body.length - at);
      out.writeBytes(utf8(Integer.toHexString(n) + "\r\n"));
      out.write(body, at, n);
      out.writeBytes(utf8("\r\n"));
    }
    out.writeBytes(utf8("0\r\n\r\n"));
    return out.toByteArray();
  }

  private static String abbreviate(String body) {
    return body.length() > 40 ? body.substring(0, 40) + "…(" + body.length() + ")" : body;
  }

  private static String hex(byte[] bytes) {
    StringBuilder hex = new StringBuilder();
    for (byte b : bytes) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }
}
