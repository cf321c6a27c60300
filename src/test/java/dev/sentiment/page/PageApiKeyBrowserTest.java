package dev.sentiment.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The web console on a service with API keys: the page itself loads without one, and says in words
 * that a key is needed until one is entered; then the page sends it as a Bearer token.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      // The same keys as ApiKeyIntegrationTest, so both run in one Spring context.
      "sentiment.security.api-keys.alice=alice-secret-0123456789",
      "sentiment.security.api-keys.bob=bob-secret-9876543210"
    })
class PageApiKeyBrowserTest extends PageTestSupport {

  private static final String KEY = "alice-secret-0123456789";

  /**
   * Every file of the page loads without a key (so the page's OpenResources list is complete),
   * other methods on those paths and everything else still need one.
   */
  @Test
  void everyPageFileLoadsWithoutAKeyAndNothingElseDoes() throws Exception {
    Path root = Path.of(getClass().getResource("/static/index.html").toURI()).getParent();
    List<String> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths =
          walk.filter(Files::isRegularFile)
              .map(p -> "/" + root.relativize(p).toString().replace('\\', '/'))
              .toList();
    }
    assertThat(paths).contains("/index.html", "/console/main.js");
    for (String path : paths) {
      assertThat(http.get(path).statusCode()).as(path).isEqualTo(200);
    }
    assertThat(http.get("/").statusCode()).isEqualTo(200);
    assertThat(http.get("/console/no.js").statusCode()).isEqualTo(401);
    assertThat(
            http.send(
                    http.request("/index.html")
                        .method("DELETE", HttpRequest.BodyPublishers.noBody())
                        .build())
                .statusCode())
        .isEqualTo(401);
    assertThat(http.postJson("/analyze", "{\"text\":\"fine\"}").statusCode()).isEqualTo(401);
    assertThat(http.get("/swagger-ui/index.html").statusCode()).isEqualTo(401);
  }

  private WebElement byId(String id) {
    return chromium.driver.findElement(By.id(id));
  }

  @Test
  void withoutAKeyThePageSaysOneIsNeededAndWithItWorks() throws IOException {
    assumeTrue(Chromium.available(), "Chromium and chromedriver are not installed");
    chromium = new Chromium();
    chromium.driver.get("http://127.0.0.1:" + port + "/");
    chromium.waiting(WAIT).until(d -> byId("try-text").isDisplayed());

    byId("try-text").sendKeys("A lovely day");
    byId("try-button").click();
    chromium.waiting(WAIT).until(d -> byId("try-error").isDisplayed());
    assertThat(byId("try-error").getText())
        .startsWith("This service requires an API key.")
        .contains("Enter the API key in the field at the top of the page");
    assertThat(chromium.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("api-key");
    chromium.screenshot("api-key-missing-1280");

    Path file = files.resolve("two.txt");
    Files.writeString(file, "Loved it\nHated it\n", StandardCharsets.UTF_8);
    byId("batch-file").sendKeys(file.toAbsolutePath().toString());
    byId("batch-button").click();
    chromium.waiting(WAIT).until(d -> byId("batch-error").isDisplayed());
    assertThat(byId("batch-error").getText()).startsWith("This service requires an API key.");

    byId("api-key").sendKeys("wrong-key");
    byId("try-button").click();
    chromium
        .waiting(WAIT)
        .until(d -> byId("try-error").getText().contains("The key entered was not accepted."));

    byId("api-key").clear();
    byId("api-key").sendKeys(KEY);
    byId("try-button").click();
    chromium.waiting(WAIT).until(d -> byId("try-label").isDisplayed());
    assertThat(byId("try-label").getText()).isEqualTo("POSITIVE");
    assertThat(byId("try-error").isDisplayed()).isFalse();

    byId("batch-button").click();
    chromium.waiting(WAIT).until(d -> byId("job-table-box").isDisplayed());
    assertThat(chromium.driver.findElements(By.cssSelector("#job-table tbody tr"))).hasSize(2);

    // The key lives in sessionStorage only.
    assertThat(chromium.script("return sessionStorage.getItem('sentiment.console.apiKey')"))
        .isEqualTo(KEY);
    assertThat(chromium.script("return JSON.stringify(localStorage)").toString())
        .doesNotContain(KEY);

    // The browser logs each refused request (401) as an error; nothing else may be logged so.
    // (Seeing those also shows the console is read at all.)
    List<LogEntry> severe =
        chromium.console().stream().filter(e -> e.getLevel().intValue() >= 1000).toList();
    assertThat(severe).anyMatch(e -> e.getMessage().contains("status of 401"));
    assertThat(severe.stream().filter(e -> !e.getMessage().contains("status of 401")))
        .as("SEVERE browser console entries other than the 401s")
        .isEmpty();
  }
}
