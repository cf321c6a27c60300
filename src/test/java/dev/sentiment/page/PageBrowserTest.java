package dev.sentiment.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The web console in headless Chromium against the real service (built-in model, embedded batch
 * database in a fresh folder): a text, a 300-line file from upload to download, hostile text, the
 * page's headers. Browser tests are skipped where Chromium is not installed; CI installs it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PageBrowserTest extends PageTestSupport {

  private Chromium open() {
    assumeTrue(Chromium.available(), "Chromium and chromedriver are not installed");
    chromium = new Chromium();
    chromium.driver.get("http://127.0.0.1:" + port + "/");
    chromium.waiting(WAIT).until(d -> d.findElement(By.id("try-text")).isDisplayed());
    return chromium;
  }

  private WebElement byId(String id) {
    return chromium.driver.findElement(By.id(id));
  }

  private void assertNoSevereConsoleEntries() {
    List<LogEntry> severe =
        chromium.console().stream().filter(e -> e.getLevel().intValue() >= 1000).toList();
    assertThat(severe).as("SEVERE browser console entries").isEmpty();
  }

  @Test
  void aTypedTextGetsItsLabelAndAProbabilityBarPerClass() {
    open();
    byId("try-text").sendKeys("I didn't expect to like it, but I loved it.");
    byId("try-button").click();
    chromium.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("try-label")));
    assertThat(byId("try-label").getText()).isEqualTo("POSITIVE");
    List<WebElement> bars = chromium.driver.findElements(By.cssSelector("#try-bars .bar"));
    // One bar per label of the built-in model, in its label order.
    assertThat(bars).hasSize(3);
    assertThat(bars.get(0).getAttribute("aria-label")).startsWith("NEGATIVE: ");
    assertThat(bars.get(1).getAttribute("aria-label")).startsWith("NEUTRAL: ");
    assertThat(byId("try-error").isDisplayed()).isFalse();
    chromium.screenshot("try-a-text-1280");

    // By keyboard: Ctrl+Enter in the text box analyzes the new text.
    WebElement text = byId("try-text");
    text.clear();
    text.sendKeys("A dull, joyless waste of two hours.", Keys.chord(Keys.CONTROL, Keys.ENTER));
    chromium.waiting(WAIT).until(d -> byId("try-label").getText().equals("NEGATIVE"));

    // Every form control has a label a screen reader can read.
    assertThat(
            chromium.script(
                "return [...document.querySelectorAll('input, textarea, select')]"
                    + ".filter(e => e.labels.length === 0).map(e => e.id)"))
        .asList()
        .isEmpty();
    assertNoSevereConsoleEntries();
  }

  @Test
  void aBlankTextOrAProblemIsShownInWords() {
    open();
    byId("try-text").sendKeys("   ");
    byId("try-button").click();
    chromium.waiting(WAIT).until(d -> byId("try-error").isDisplayed());
    assertThat(byId("try-error").getText()).isEqualTo("Type a text to analyze first.");
    // A text the model cannot read at all is a 400 problem: its detail is what the page shows.
    byId("try-text").sendKeys("\u200b\u200b");
    byId("try-button").click();
    chromium
        .waiting(WAIT)
        .until(d -> !byId("try-error").getText().equals("Type a text to analyze first."));
    assertThat(byId("try-error").getText()).doesNotContain("{").doesNotContain("urn:");
    assertThat(byId("try-result").isDisplayed()).isFalse();
  }

  @Test
  void aFileRunsFromUploadToChartTableAndCsvDownload() throws IOException {
    StringBuilder csv = new StringBuilder("id,text\n");
    for (int i = 1; i <= 300; i++) {
      csv.append("c").append(i).append(",\"").append(i % 2 == 0 ? "Loved it, " : "Awful, ");
      csv.append("review number ").append(i).append("\"\n");
    }
    Path file = files.resolve("comments.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);

    open();
    byId("try-text").sendKeys("I didn't expect to like it, but I loved it.");
    byId("try-button").click();
    chromium.waiting(WAIT).until(d -> byId("try-label").isDisplayed());
    byId("batch-file").sendKeys(file.toAbsolutePath().toString());
    byId("batch-button").click();
    chromium.waiting(WAIT).until(d -> byId("upload-label").getText().startsWith("Uploaded"));
    assertThat(byId("upload-progress").getAttribute("value")).isEqualTo("100");
    chromium
        .waiting(Duration.ofMinutes(3))
        .until(d -> byId("job-status").getText().equals("Finished: 300 of 300 processed"));
    assertThat(byId("job-progress").getAttribute("value")).isEqualTo("300");
    assertThat(byId("job-progress").getAttribute("max")).isEqualTo("300");
    assertThat(byId("job-stats").getText()).contains("300 / 300 processed", "0 failed", "items/s");

    // The chart: one bar per label, the counts adding up to the job.
    chromium.waiting(WAIT).until(d -> byId("job-chart-box").isDisplayed());
    String description = byId("job-chart").getAttribute("aria-label");
    assertThat(chromium.driver.findElements(By.cssSelector("#job-chart .fill")))
        .hasSize(description.replace("Label distribution: ", "").split(", ").length);
    int sum =
        Stream.of(description.replace("Label distribution: ", "").split(", "))
            .mapToInt(part -> Integer.parseInt(part.substring(part.indexOf(": ") + 2)))
            .sum();
    assertThat(sum).isEqualTo(300);

    // The table: a first page of 25 rows with the file's texts, then the next page.
    chromium.waiting(WAIT).until(d -> byId("job-table-box").isDisplayed());
    assertThat(chromium.driver.findElements(By.cssSelector("#job-table tbody tr"))).hasSize(25);
    assertThat(byId("page-info").getText()).isEqualTo("Rows 1–25 of 300");
    WebElement first = chromium.driver.findElement(By.cssSelector("#job-table tbody tr"));
    assertThat(first.getText()).contains("c1", "Awful, review number 1");
    assertThat(byId("jobs-list").getText()).contains("comments.csv");
    assertThat(byId("jobs-list").getText()).contains("300 items", "SUCCEEDED");
    chromium.size(1280, 1560);
    chromium.screenshot("run-a-file-1280");
    chromium.size(1280, 1180);
    chromium.script("window.scrollTo(0, 0)");
    chromium.screenshot("console-1280"); // the README's docs/images/console.png
    chromium.size(390, 844);
    chromium.driver.findElement(By.id("job")).getRect(); // lays the page out at the new width
    chromium.script("document.getElementById('job-chart-box').scrollIntoView()");
    chromium.screenshot("run-a-file-390");
    assertThat(chromium.script("return document.documentElement.scrollWidth <= window.innerWidth"))
        .isEqualTo(true);
    chromium.size(1280, 900);
    byId("page-next").click();
    chromium.waiting(WAIT).until(d -> byId("page-info").getText().equals("Rows 26–50 of 300"));

    // The CSV download: what the page hands the browser has every result.
    byId("job-csv").click();
    String id = byId("job-id").getText();
    Path downloaded = chromium.downloads.resolve("results-" + id + ".csv");
    chromium.waiting(WAIT).until(d -> Files.exists(downloaded) && !partial(chromium.downloads));
    List<String> lines = Files.readAllLines(downloaded, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("index,id,sentiment,score,error");
    assertThat(lines.subList(1, lines.size())).hasSize(300).allMatch(l -> l.contains(",c"));

    // The same job from the list of this browser's jobs, after a reload.
    chromium.driver.navigate().refresh();
    chromium.waiting(WAIT).until(d -> byId("jobs-list").getText().contains("comments.csv"));
    chromium.driver.findElement(By.cssSelector("#jobs-list button.link")).click();
    chromium
        .waiting(WAIT)
        .until(d -> byId("job-status").getText().equals("Finished: 300 of 300 processed"));
    chromium.waiting(WAIT).until(d -> byId("page-info").getText().equals("Rows 1–25 of 300"));
    assertNoSevereConsoleEntries();
  }

  private static boolean partial(Path dir) {
    try (Stream<Path> listing = Files.list(dir)) {
      return listing.anyMatch(p -> p.getFileName().toString().endsWith(".crdownload"));
    } catch (IOException e) {
      return true;
    }
  }

  @Test
  void hostileTextAndIdsShowAsText() throws IOException {
    String script = "<script>window.pwned = 1</script>";
    String image = "<img src=x onerror=\"window.pwned = 2\">";
    Path file = files.resolve("hostile.csv");
    Files.writeString(
        file,
        "id,text\n\""
            + image.replace("\"", "\"\"")
            + "\",\""
            + script
            + " what a film\"\n"
            + "h2,\""
            + image.replace("\"", "\"\"")
            + " dreadful\"\n"
            + "h3,one field,too many\n",
        StandardCharsets.UTF_8);

    open();
    byId("batch-file").sendKeys(file.toAbsolutePath().toString());
    byId("batch-button").click();
    chromium.waiting(WAIT).until(d -> byId("job-table-box").isDisplayed());
    List<WebElement> rows = chromium.driver.findElements(By.cssSelector("#job-table tbody tr"));
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).getText()).contains(image, script + " what a film");
    assertThat(rows.get(1).getText()).contains(image + " dreadful");
    // A record the service could not read is an error item: in the table and in the chart.
    assertThat(rows.get(2).findElement(By.cssSelector(".error-cell")).getText())
        .isEqualTo("line 4: the record has 3 fields but the header has 2");
    assertThat(byId("job-chart").getAttribute("aria-label")).contains("(error): 1");
    assertThat(chromium.driver.findElements(By.cssSelector("main img, main script"))).isEmpty();
    assertThat(chromium.script("return window.pwned === undefined")).isEqualTo(true);
    assertNoSevereConsoleEntries();
  }

  @Test
  void readableAt390PixelsWide() {
    open();
    chromium.size(390, 844);
    byId("try-text").sendKeys("What a wonderful surprise.");
    byId("try-button").click();
    chromium.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("try-label")));
    assertThat(
            chromium.script(
                "return document.documentElement.scrollWidth <= window.innerWidth"
                    + " && document.documentElement.scrollWidth > 0"))
        .isEqualTo(true);
    chromium.screenshot("try-a-text-390");
    assertNoSevereConsoleEntries();
  }

  /**
   * To enable once {@code /analyze?detail=sentences} answers {@code "sentences"}: each sentence
   * shows tinted by its label.
   */
  @Test
  void sentencesAreTintedByTheirLabel() {
    open();
    byId("try-text").sendKeys("I loved the first half. The ending was a dreadful mess.");
    byId("try-button").click();
    chromium.waiting(WAIT).until(d -> byId("try-sentences-box").isDisplayed());
    List<WebElement> sentences =
        chromium.driver.findElements(By.cssSelector("#try-sentences .sentence"));
    assertThat(sentences).hasSize(2);
    List<String> tints = new ArrayList<>();
    for (WebElement sentence : sentences) {
      tints.add(
          String.valueOf(
              chromium.script("return arguments[0].style.getPropertyValue('--tint')", sentence)));
    }
    assertThat(tints.get(0)).isNotEqualTo(tints.get(1));
    chromium.screenshot("sentences-1280");
    assertNoSevereConsoleEntries();
  }

  /**
   * The page's sentence rendering, fed an answer of the coming shape directly: the service does not
   * give sentences yet. Offsets are UTF-16 indices; what lies between sentences stays plain text.
   */
  @Test
  void sentenceDetailRendersTintedAndAsText() {
    open();
    Object rendered =
        chromium.driver.executeAsyncScript(
            """
            const done = arguments[arguments.length - 1];
            import('./console/render.js').then(({ sentences }) => {
              const text = 'Great 😀 start. <img src=x onerror="window.pwned=1"> awful end.';
              const box = document.getElementById('try-sentences');
              sentences(box, text, [
                { text: 'Great 😀 start.', start: 0, end: 15, sentiment: 'POSITIVE', score: 0.9 },
                { text: '<img src=x onerror="window.pwned=1"> awful end.', start: 16,
                  end: text.length, sentiment: 'NEGATIVE', score: 0.8 },
              ]);
              document.getElementById('try-sentences-box').hidden = false;
              const spans = [...box.querySelectorAll('.sentence')];
              done({
                text: box.textContent,
                pieces: spans.map((s) => s.firstChild.textContent),
                tints: spans.map((s) => s.style.getPropertyValue('--tint')),
                images: box.querySelectorAll('img').length,
              });
            });
            """);
    assertThat(rendered)
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("images", 0L)
        .containsEntry(
            "pieces",
            List.of("Great 😀 start.", "<img src=x onerror=\"window.pwned=1\"> awful end."))
        .containsEntry(
            "text",
            "Great 😀 start. (POSITIVE 90.0%) <img src=x onerror=\"window.pwned=1\"> awful end."
                + " (NEGATIVE 80.0%)");
    @SuppressWarnings("unchecked")
    List<String> tints = (List<String>) ((java.util.Map<String, Object>) rendered).get("tints");
    assertThat(tints).doesNotHaveDuplicates().allMatch(t -> t.startsWith("#"));
    assertThat(chromium.script("return window.pwned === undefined")).isEqualTo(true);
    assertNoSevereConsoleEntries();
  }

  @Test
  void aRunningJobCanBeCancelled() throws IOException {
    Path file = files.resolve("many.txt");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      lines.append("Line ").append(i).append(" of a long and rather tedious file\n");
    }
    Files.writeString(file, lines, StandardCharsets.UTF_8);
    open();
    byId("batch-file").sendKeys(file.toAbsolutePath().toString());
    byId("batch-button").click();
    chromium
        .waiting(WAIT)
        .until(d -> byId("job-cancel").isDisplayed() && byId("job-cancel").isEnabled());
    byId("job-cancel").click();
    chromium.waiting(WAIT).until(d -> byId("job-status").getText().startsWith("Cancelled: "));
    assertThat(byId("job-cancel").isEnabled()).isFalse();
    chromium.waiting(WAIT).until(d -> byId("job-table-box").isDisplayed());
    assertThat(byId("job-csv").isEnabled()).isTrue();
    assertNoSevereConsoleEntries();
  }

  @Test
  void thePageAndItsAssetsCarryTheContentSecurityPolicyAndTheApiDoesNot() {
    for (String path :
        List.of("/", "/index.html", "/console/main.js", "/console/console.css", "/console/no.js")) {
      HttpResponse<String> response = http.get(path);
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValue(PageConfiguration.CONTENT_SECURITY_POLICY);
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }
    HttpResponse<String> page = http.get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body()).contains("<script type=\"module\" src=\"console/main.js\">");
    assertThat(http.get("/console/main.js").headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));

    // A request for / that accepts no HTML gets the service's 406 problem, not a bare status.
    HttpResponse<String> json =
        http.send(http.request("/").header("Accept", "application/json").build());
    assertThat(json.statusCode()).isEqualTo(406);
    assertThat(json.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json.body()).contains("urn:sentiment:problem:not-acceptable");
    assertThat(http.send(http.request("/").build()).statusCode()).isEqualTo(200);

    // Unknown paths, inside the assets folder or not, are still problem+json 404s.
    for (String path : List.of("/console/no.js", "/no-such-page", "/index.htm")) {
      HttpResponse<String> missing = http.get(path);
      assertThat(missing.statusCode()).as(path).isEqualTo(404);
      assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
    // Swagger UI needs inline code and keeps working without the page's policy; so does the API.
    HttpResponse<String> swagger = http.get("/swagger-ui/index.html");
    assertThat(swagger.statusCode()).isEqualTo(200);
    assertThat(swagger.headers().firstValue("Content-Security-Policy")).isEmpty();
    assertThat(http.postJson("/analyze", "{\"text\":\"fine\"}").headers().map())
        .doesNotContainKey("content-security-policy");
    // The page is not an operation of the API.
    assertThat(http.get("/v3/api-docs").body()).doesNotContain("\"/\":");
  }

  /** A fresh page logs nothing at all: no error, no CSP report, no DOM warning. */
  @Test
  void aFreshPageLogsNothing() {
    open();
    assertThat(chromium.console()).isEmpty();
  }
}
