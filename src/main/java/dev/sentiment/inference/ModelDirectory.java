package dev.sentiment.inference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Hugging Face-layout model directory: {@code model.pt} (TorchScript), {@code tokenizer.json} and
 * {@code config.json}. A {@code classpath:} location is copied to a temporary directory first,
 * because libtorch and the tokenizer read files, not streams.
 */
record ModelDirectory(Path path, ModelInfo info) {

  static final String MODEL_FILE = "model.pt";
  static final String TOKENIZER_FILE = "tokenizer.json";
  static final String CONFIG_FILE = "config.json";
  private static final int DEFAULT_MAX_LENGTH = 512;

  static ModelDirectory open(String location, ResourceLoader resources) throws IOException {
    Path path = localCopy(location, resources);
    for (String file : List.of(MODEL_FILE, TOKENIZER_FILE, CONFIG_FILE)) {
      if (!Files.isRegularFile(path.resolve(file))) {
        throw new IOException("The model directory " + location + " has no " + file);
      }
    }
    return new ModelDirectory(path, readInfo(path.resolve(CONFIG_FILE), nameOf(location)));
  }

  private static Path localCopy(String location, ResourceLoader resources) throws IOException {
    if (!location.startsWith(ResourceLoader.CLASSPATH_URL_PREFIX)) {
      return Path.of(location.startsWith("file:") ? location.substring(5) : location);
    }
    Path copy = Files.createTempDirectory("sentiment-model-");
    copy.toFile().deleteOnExit();
    for (String file : List.of(MODEL_FILE, TOKENIZER_FILE, CONFIG_FILE)) {
      Resource resource = resources.getResource(location + "/" + file);
      if (!resource.exists()) {
        throw new IOException("The model directory " + location + " has no " + file);
      }
      Path target = copy.resolve(file);
      try (InputStream in = resource.getInputStream()) {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      }
      target.toFile().deleteOnExit();
    }
    return copy;
  }

  private static String nameOf(String location) {
    String trimmed = location.replaceAll("/+$", "");
    return trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':')) + 1);
  }

  /**
   * Labels come from {@code id2label}; the maximum length from the first field that states it;
   * {@code padding_free} is this service's own field (Hugging Face configs do not have it).
   */
  static ModelInfo readInfo(Path config, String fallbackName) throws IOException {
    JsonNode root;
    try {
      root = JsonMapper.shared().readTree(config.toFile());
    } catch (RuntimeException e) {
      throw new IOException("config.json is not valid JSON", e);
    }
    JsonNode id2label = root.path("id2label");
    if (!id2label.isObject() || id2label.isEmpty()) {
      throw new IOException("config.json has no id2label");
    }
    TreeMap<Integer, String> byId = new TreeMap<>();
    for (Map.Entry<String, JsonNode> entry : id2label.properties()) {
      try {
        byId.put(Integer.parseInt(entry.getKey()), entry.getValue().asString());
      } catch (NumberFormatException e) {
        throw new IOException("config.json id2label has a key that is not a number", e);
      }
    }
    List<String> labels = new ArrayList<>(byId.values());
    if (byId.firstKey() != 0 || byId.lastKey() != labels.size() - 1) {
      throw new IOException("config.json id2label ids must run from 0 without gaps");
    }
    int maxLength = DEFAULT_MAX_LENGTH;
    for (String field : List.of("max_length", "max_position_embeddings", "n_positions")) {
      if (root.path(field).canConvertToInt() && root.path(field).asInt() > 1) {
        maxLength = root.path(field).asInt();
        break;
      }
    }
    String name = root.path("name").isString() ? root.path("name").asString() : fallbackName;
    String version =
        root.path("version").isString() ? root.path("version").asString() : "unversioned";
    boolean paddingFree = root.path("padding_free").asBoolean(false);
    return new ModelInfo(name, version, List.copyOf(labels), maxLength, paddingFree);
  }
}
