package dev.sentiment.web.guard;

import org.springframework.util.unit.DataSize;

/**
 * A body-size limit for requests under a path prefix. A feature declares one as a bean when its
 * bodies may be larger than {@code sentiment.web.max-body-size}; the longest matching prefix wins.
 *
 * @param pathPrefix a request path prefix, such as {@code /analyze_batch}
 * @param max the largest body accepted there
 */
public record BodySizeLimit(String pathPrefix, DataSize max) {}
