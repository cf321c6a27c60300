package dev.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Another model drops in by one property: a tiny Hugging Face-layout classifier with three
 * lower-case labels, a traced module that returns a tuple (as traced Transformers models do), a
 * config with no name or max_length (max_position_embeddings 16). Made by {@code make_tiny.py} next
 * to it.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "sentiment.inference.model-dir=classpath:models/tiny-three-class")
class DropInModelIntegrationTest {

  @LocalServerPort int port;
  HttpTestClient http;

  @BeforeEach
  void ready() {
    http = new HttpTestClient(port);
    http.awaitReady();
  }

  @Test
  void answersWithTheModelsOwnLabelsAndName() {
    HttpResponse<String> loved = http.postJson("/analyze", "{\"text\":\"I loved this movie!\"}");
    assertThat(loved.statusCode()).isEqualTo(200);
    assertThat(loved.body())
        .contains("\"sentiment\":\"positive\"")
        .contains("\"model\":\"tiny-three-class\"")
        .contains("\"negative\":", "\"neutral\":", "\"positive\":");
    assertThat(http.postJson("/analyze", "{\"text\":\"it was okay\"}").body())
        .contains("\"sentiment\":\"neutral\"");
    assertThat(http.postJson("/analyze", "{\"text\":\"awful, I hate it\"}").body())
        .contains("\"sentiment\":\"negative\"");
  }

  @Test
  void readsALongTextInWindowsOfTheModelsOwnMaximum() {
    // 16 tokens a window, [CLS] and [SEP] included: 40 words are three windows of 14.
    HttpResponse<String> response =
        http.postJson("/analyze", "{\"text\":\"" + "good ".repeat(40) + "\"}");
    assertThat(response.body()).contains("\"truncated\":false").contains("\"windows\":3");
  }

  @Test
  void infoDescribesIt() {
    assertThat(http.get("/actuator/info").body())
        .contains("\"name\":\"tiny-three-class\"")
        .contains("\"labels\":[\"negative\",\"neutral\",\"positive\"]")
        .contains("\"max_length\":16");
  }
}
