package dev.sentiment.inference;

import java.util.List;

/**
 * What the loaded model is.
 *
 * @param name the model's name ({@code name} in {@code config.json}, else its directory name)
 * @param version the model's version ({@code version} in {@code config.json}, else "unversioned")
 * @param labels the labels in id order
 * @param maxLength the most tokens the model sees; longer texts are truncated
 */
public record ModelInfo(String name, String version, List<String> labels, int maxLength) {}
