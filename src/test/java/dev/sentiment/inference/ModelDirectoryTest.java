package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/** Reading a Hugging Face-layout model directory: labels, maximum length, name and errors. */
class ModelDirectoryTest {

  @TempDir Path dir;

  private Path config(String json) throws IOException {
    return Files.writeString(dir.resolve("config.json"), json);
  }

  @Test
  void readsLabelsInIdOrderAndTheMaximumLength() throws IOException {
    ModelInfo info =
        ModelDirectory.readInfo(
            config(
                """
                {"id2label": {"2": "positive", "0": "negative", "1": "neutral"},
                 "max_position_embeddings": 512, "name": "three-way", "version": "2.1"}
                """),
            "fallback");
    assertThat(info.labels()).containsExactly("negative", "neutral", "positive");
    assertThat(info.maxLength()).isEqualTo(512);
    assertThat(info.name()).isEqualTo("three-way");
    assertThat(info.version()).isEqualTo("2.1");
    assertThat(info.paddingFree()).isFalse();
  }

  @Test
  void readsWhetherTheModelDoesWorkForPadding() throws IOException {
    ModelInfo info =
        ModelDirectory.readInfo(
            config(
                """
                {"id2label": {"0": "NEGATIVE", "1": "POSITIVE"}, "padding_free": true}
                """),
            "packed");
    assertThat(info.paddingFree()).isTrue();
  }

  @Test
  void prefersMaxLengthAndFallsBackToTheDirectoryName() throws IOException {
    ModelInfo info =
        ModelDirectory.readInfo(
            config(
                """
                {"id2label": {"0": "NEGATIVE", "1": "POSITIVE"},
                 "max_length": 128, "max_position_embeddings": 512}
                """),
            "distilbert-sst2");
    assertThat(info.maxLength()).isEqualTo(128);
    assertThat(info.name()).isEqualTo("distilbert-sst2");
    assertThat(info.version()).isEqualTo("unversioned");
  }

  @Test
  void refusesConfigsWithoutUsableLabels() throws IOException {
    assertThatThrownBy(() -> ModelDirectory.readInfo(config("{}"), "m"))
        .hasMessageContaining("id2label");
    assertThatThrownBy(
            () ->
                ModelDirectory.readInfo(
                    config("{\"id2label\": {\"0\": \"a\", \"2\": \"b\"}}"), "m"))
        .hasMessageContaining("without gaps");
    assertThatThrownBy(() -> ModelDirectory.readInfo(config("{\"id2label\": {\"x\": \"a\"}}"), "m"))
        .hasMessageContaining("not a number");
    assertThatThrownBy(() -> ModelDirectory.readInfo(config("not json"), "m"))
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void refusesADirectoryWithoutTheModelFiles() throws IOException {
    config("{\"id2label\": {\"0\": \"a\"}}");
    assertThatThrownBy(() -> ModelDirectory.open(dir.toString(), new DefaultResourceLoader()))
        .hasMessageContaining("model.pt");
  }

  @Test
  void copiesAClasspathModelToLocalFiles() throws IOException {
    ModelDirectory directory =
        ModelDirectory.open(TestEngines.BUILT_IN, new DefaultResourceLoader());
    assertThat(directory.path().resolve("model.pt")).isRegularFile();
    assertThat(directory.path().resolve("tokenizer.json")).isRegularFile();
    assertThat(directory.info().labels()).containsExactly("NEGATIVE", "POSITIVE");
  }
}
