package dev.sentiment.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sentiment.HttpTestClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several texts per call, long texts read whole, sentence detail and Server-Timing, end to end with
 * the built-in model (the same configuration as {@link AnalyzeIntegrationTest}, so one context).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AnalyzeTextsIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final Pattern TIMING = Pattern.compile("(\\w+);dur=(\\d+(?:\\.\\d+)?)(?:, |$)");

  @LocalServerPort int port;
  HttpTestClient http;

  @BeforeEach
  void ready() {
    http = new HttpTestClient(port);
    http.awaitReady();
  }

  private JsonNode post(String path, Object body, int status) {
    HttpResponse<String> response = http.postJson(path, JSON.writeValueAsString(body));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private static java.util.Map<String, Object> texts(List<String> texts) {
    return java.util.Map.of("texts", texts);
  }

  private static java.util.Map<String, Object> text(String text) {
    return java.util.Map.of("text", text);
  }

  @Test
  void aListIsAnsweredInOrderWithTheProbabilitiesEachTextGetsAlone() {
    List<String> sent =
        List.of("A wonderful, moving film.", "Dull and far too long.", "It was fine, I guess.");
    JsonNode list = post("/analyze", texts(sent), 200).get("results");

    assertThat(list.size()).isEqualTo(3);
    for (int i = 0; i < sent.size(); i++) {
      JsonNode alone = post("/analyze", text(sent.get(i)), 200);
      assertThat(list.get(i).get("sentiment").asString())
          .isEqualTo(alone.get("sentiment").asString());
      for (String label : List.of("NEGATIVE", "NEUTRAL", "POSITIVE")) {
        assertThat(list.get(i).get("probabilities").get(label).asDouble())
            .isCloseTo(alone.get("probabilities").get(label).asDouble(), within(1e-5));
      }
    }
  }

  @Test
  void aBlankTextInAListFailsAloneAsAProblem() {
    JsonNode results =
        post("/analyze", texts(List.of("Loved it", "  ", "Hated it")), 200).get("results");

    assertThat(results.get(0).get("sentiment").asString()).isEqualTo("POSITIVE");
    JsonNode error = results.get(1).get("error");
    assertThat(error.get("status").asInt()).isEqualTo(400);
    assertThat(error.get("type").asString()).isEqualTo("urn:sentiment:problem:invalid-request");
    assertThat(error.get("detail").asString()).isEqualTo("'texts[1]' must not be blank");
    assertThat(results.get(2).get("sentiment").asString()).isEqualTo("NEGATIVE");
  }

  @Test
  void malformedListsAreRefusedNamingTheFieldAndIndex() {
    assertThat(post("/analyze", texts(List.of()), 400).get("detail").asString())
        .isEqualTo("'texts' must hold at least one text");
    HttpResponse<String> notString = http.postJson("/analyze", "{\"texts\":[\"fine\",3]}");
    assertThat(notString.statusCode()).isEqualTo(400);
    assertThat(notString.body()).contains("'texts[1]' must be a string");
    assertThat(
            post("/analyze", java.util.Map.of("text", "a", "texts", List.of("b")), 400)
                .get("detail")
                .asString())
        .isEqualTo("Send either 'text' or 'texts', not both");
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i < 65; i++) {
      tooMany.add("text " + i);
    }
    assertThat(post("/analyze", texts(tooMany), 413).get("type").asString())
        .isEqualTo("urn:sentiment:problem:payload-too-large");
  }

  @Test
  void aLongTextWhoseSentencesAgreeIsReadWholeAndGetsTheirLabel() {
    String review =
        "What a wonderful, heartwarming film, full of joy and brilliant acting. ".repeat(30);
    double before = positives();
    JsonNode answer = post("/analyze", text(review), 200);

    assertThat(answer.get("windows").asInt()).isGreaterThan(1);
    assertThat(answer.get("truncated").asBoolean()).isFalse();
    assertThat(answer.get("sentiment").asString()).isEqualTo("POSITIVE");
    assertThat(positives())
        .as("a text is one prediction, however many windows")
        .isEqualTo(before + 1);
  }

  private double positives() {
    Matcher matcher =
        Pattern.compile("(?m)^sentiment_predictions_total\\{label=\"POSITIVE\"\\} (\\S+)$")
            .matcher(http.get("/actuator/prometheus").body());
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }

  @Test
  void aTextPastTheHardCapIsCutThereAndSaysSo() {
    String endless = "Good. ".repeat(6000); // two tokens a sentence: past 128 windows of 62
    JsonNode answer = post("/analyze", text(endless), 200);

    assertThat(answer.get("windows").asInt()).isEqualTo(128);
    assertThat(answer.get("truncated").asBoolean()).isTrue();
  }

  @Test
  void sentenceOffsetsSliceTheTextAsSentIncludingEmojiAndAccents() {
    String text =
        "Le café était excellent 😀 vraiment. The service was painfully slow and rude!\n"
            + "Still, the crème brûlée was the best I have ever had 🍮🍮.";
    JsonNode answer = post("/analyze?detail=sentences", text(text), 200);

    JsonNode sentences = answer.get("sentences");
    assertThat(sentences.size()).isEqualTo(3);
    for (JsonNode sentence : sentences) {
      int start = sentence.get("start").asInt();
      int end = sentence.get("end").asInt();
      assertThat(sentence.get("text").asString()).isEqualTo(text.substring(start, end));
      assertThat(sentence.get("probabilities").size()).isEqualTo(3);
    }
    assertThat(sentences.get(1).get("sentiment").asString()).isEqualTo("NEGATIVE");
    assertThat(answer.has("mixed")).isTrue();
  }

  @Test
  void aMixedTextHasAConfidentSentenceOfEachSide() {
    JsonNode mixed =
        post(
            "/analyze?detail=sentences",
            text("The food was wonderful and delicious. The service was terrible, rude and slow."),
            200);
    JsonNode plain =
        post(
            "/analyze?detail=sentences", text("The food was wonderful. I loved the dessert."), 200);

    assertThat(mixed.get("mixed").asBoolean()).isTrue();
    assertThat(plain.get("mixed").asBoolean()).isFalse();
  }

  @Test
  void everyAnswerSaysWhereItsTimeWent() {
    HttpResponse<String> ok = http.postJson("/analyze", "{\"text\":\"lovely\"}");
    assertThat(timings(ok)).containsKeys("queue", "inference", "total");

    HttpResponse<String> list = http.postJson("/analyze", "{\"texts\":[\"a\",\"b\"]}");
    assertThat(timings(list)).containsKeys("queue", "inference", "total");
  }

  /** The Server-Timing metrics, each a non-negative number of milliseconds, total the largest. */
  private static java.util.Map<String, Double> timings(HttpResponse<String> response) {
    String header = response.headers().firstValue("Server-Timing").orElseThrow();
    java.util.Map<String, Double> metrics = new java.util.LinkedHashMap<>();
    Matcher matcher = TIMING.matcher(header);
    int parsed = 0;
    while (matcher.find()) {
      assertThat(matcher.start()).isEqualTo(parsed);
      metrics.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
      parsed = matcher.end();
    }
    assertThat(parsed).as(header).isEqualTo(header.length());
    double total = metrics.get("total");
    metrics.values().forEach(ms -> assertThat(ms).isBetween(0.0, total));
    return metrics;
  }
}
