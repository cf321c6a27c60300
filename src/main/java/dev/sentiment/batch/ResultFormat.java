package dev.sentiment.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

/** How results are written: NDJSON unless the client's {@code Accept} prefers CSV. */
enum ResultFormat {
  NDJSON(MediaType.parseMediaType("application/x-ndjson")),
  CSV(MediaType.parseMediaType("text/csv"));

  static final String NDJSON_VALUE = "application/x-ndjson";
  static final String CSV_VALUE = "text/csv";

  private final MediaType type;

  ResultFormat(MediaType type) {
    this.type = type;
  }

  /** The response's content type. */
  MediaType contentType() {
    return new MediaType(type, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The format the {@code Accept} header prefers; NDJSON when it has no preference. */
  static ResultFormat negotiate(String accept) throws HttpMediaTypeNotAcceptableException {
    if (accept == null || accept.isBlank()) {
      return NDJSON;
    }
    List<MediaType> wanted;
    try {
      wanted = new ArrayList<>(MediaType.parseMediaTypes(accept));
    } catch (InvalidMediaTypeException e) {
      throw new HttpMediaTypeNotAcceptableException("The Accept header cannot be parsed");
    }
    MimeTypeUtils.sortBySpecificity(wanted);
    wanted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
    for (MediaType candidate : wanted) {
      if (candidate.getQualityValue() == 0) {
        continue;
      }
      if (candidate.includes(NDJSON.type)) {
        return NDJSON;
      }
      if (candidate.includes(CSV.type)) {
        return CSV;
      }
    }
    throw new HttpMediaTypeNotAcceptableException(List.of(NDJSON.type, CSV.type));
  }
}
