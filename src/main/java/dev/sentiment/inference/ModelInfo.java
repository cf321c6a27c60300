package dev.sentiment.inference;

import java.util.List;

/**
 * What the loaded model is.
 *
 * @param name the model's name ({@code name} in {@code config.json}, else its directory name)
 * @param version the model's version ({@code version} in {@code config.json}, else "unversioned")
 * @param labels the labels in id order
 * @param maxLength the most tokens the model sees; longer texts are truncated
 * @param paddingFree the model does no work for padded positions ({@code "padding_free": true} in
 *     {@code config.json}; default false), so the engine does not split a batch into passes by
 *     length: a split would only add passes
 */
public record ModelInfo(
    String name, String version, List<String> labels, int maxLength, boolean paddingFree) {}
