package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentAnswerTest {

  private static final List<String> LABELS = List.of("NEGATIVE", "NEUTRAL", "POSITIVE");

  @Test
  void thePartsOfATextReadInSeveralAreSharedOutAOneWindowTextIsNot() {
    DocumentAnswer several = answer(window(20), window(20), window(12));
    DocumentAnswer one = answer(window(20));

    assertThat(several.items).hasSize(3).allMatch(BatchPolicy::shared);
    assertThat(one.items).singleElement().matches(item -> !BatchPolicy.shared(item));
  }

  @Test
  void aSentenceReadAloneIsAPartOfItsDocumentToo() {
    EncodedText only = window(30);
    DocumentReader.Sentence alone =
        new DocumentReader.Sentence(new TextSpan(0, 10), List.of(), window(8));
    DocumentReader.Sentence whole =
        new DocumentReader.Sentence(new TextSpan(11, 40), List.of(0), null);
    DocumentAnswer answer =
        new DocumentAnswer(
            new DocumentReader.Document(List.of(only), List.of(alone, whole), false),
            Priority.INTERACTIVE,
            true,
            Deadline.in(Duration.ofSeconds(60)),
            LABELS,
            metrics());

    assertThat(answer.items).hasSize(2).allMatch(item -> item.partOfDocument);
  }

  private static DocumentAnswer answer(EncodedText... windows) {
    return new DocumentAnswer(
        new DocumentReader.Document(List.of(windows), List.of(), false),
        Priority.INTERACTIVE,
        true,
        Deadline.in(Duration.ofSeconds(60)),
        LABELS,
        metrics());
  }

  private static EncodedText window(int tokens) {
    return new EncodedText(new long[tokens], false);
  }

  private static EngineMetrics metrics() {
    return new EngineMetrics(
        new SimpleMeterRegistry(), new WorkQueue(1, new BatchPolicy(1, 1)), 32);
  }
}
