package dev.sentiment.batch;

import static dev.sentiment.web.problem.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.sentiment.web.WebTestSupport;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Every status code of {@code /analyze_batch}, with the real parsing and services over mocked
 * storage; each error is problem+json and shows nothing internal.
 */
@WebMvcTest(BatchController.class)
@Import({
  WebTestSupport.class,
  BatchWebConfiguration.class,
  SubmissionService.class,
  JobService.class
})
@TestPropertySource(
    properties = {"sentiment.batch.max-items=5", "sentiment.batch.max-upload-size=4KB"})
class BatchControllerTest {

  private static final UUID ID = UUID.fromString("3f1c2a9e-8d4b-4c1e-9a57-2b6f0e4d7c10");

  @Autowired MockMvcTester mvc;
  @MockitoBean JobStore jobs;
  @MockitoBean ItemStore items;
  @MockitoBean ResultStore results;
  @MockitoBean SchedulerClient scheduler;
  @MockitoBean PlatformTransactionManager transactions;

  @BeforeEach
  void storage() {
    given(jobs.reserve(any(), any(), any(), any())).willReturn(true);
    given(jobs.markQueued(any(), anyInt(), any())).willReturn(true);
    given(jobs.find(any(), eq("anonymous"))).willReturn(Optional.of(job(JobStatus.QUEUED, 2)));
  }

  private static Job job(JobStatus status, int total) {
    return new Job(ID, "anonymous", status, total, 0, 0, "hash", Instant.EPOCH, null, null);
  }

  private MvcTestResult postJson(String body) {
    return mvc.post()
        .uri("/analyze_batch")
        .contentType(MediaType.APPLICATION_JSON)
        .content(body)
        .exchange();
  }

  private MvcTestResult upload(String name, String type, String content) {
    return mvc.post()
        .uri("/analyze_batch")
        .multipart()
        .file(new MockMultipartFile("file", name, type, content.getBytes(StandardCharsets.UTF_8)))
        .exchange();
  }

  @Test
  void acceptsJsonWith202AndLocation() {
    MvcTestResult result = postJson("{\"texts\":[\"good\",\"bad\"]}");

    assertThat(result)
        .hasStatus(202)
        .hasHeader("Location", "/analyze_batch/" + ID)
        .bodyJson()
        .isLenientlyEqualTo("{\"id\":\"" + ID + "\",\"status\":\"QUEUED\",\"total\":2}");
    verify(scheduler).scheduleBatch(any(List.class), any(Instant.class));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.csv|text/csv", "a.ndjson|application/octet-stream", "a.txt|"})
  void acceptsUploadsWith202(String file) {
    String[] parts = file.split("\\|", -1);
    String content =
        switch (parts[0]) {
          case "a.csv" -> "id,text\n1,good\n2,bad\n";
          case "a.ndjson" -> "{\"text\":\"good\"}\n{\"text\":\"bad\"}\n";
          default -> "good\nbad\n";
        };
    assertThat(upload(parts[0], parts[1].isEmpty() ? null : parts[1], content)).hasStatus(202);
  }

  /**
   * A JSON file, like every upload, is read from the part's stream, which (spooled to disk) fails
   * on any read after it was closed; the submission reads it to the end for the content's hash.
   */
  @Test
  void acceptsAJsonFileWith202() {
    byte[] content = "{\"texts\":[\"nice\"]}".getBytes(StandardCharsets.UTF_8);
    MockMultipartFile file =
        new MockMultipartFile("file", "f.json", "application/json", content) {
          @Override
          public InputStream getInputStream() {
            return new FilterInputStream(new ByteArrayInputStream(content)) {
              private boolean closed;

              @Override
              public int read(byte[] b, int off, int len) throws IOException {
                if (closed) {
                  throw new IOException("Stream Closed");
                }
                return super.read(b, off, len);
              }

              @Override
              public void close() {
                closed = true;
              }
            };
          }
        };

    assertThat(mvc.post().uri("/analyze_batch").multipart().file(file).exchange()).hasStatus(202);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "{\"texts\":",
        "[]",
        "{}",
        "{\"texts\":[]}",
        "{\"texts\":\"good\"}",
        "{\"texts\":[1]}",
        "{\"texts\":[\"a\"],\"items\":[]}",
        "{\"items\":[{\"id\":\"x\"}]}",
        "{\"items\":[{\"text\":\"a\",\"id\":[1]}]}",
        "{\"texts\":[\"a\"]} trailing"
      })
  void refusesUnusableJsonWith400AndStoresNothing(String body) throws Exception {
    MvcTestResult result = postJson(body);

    assertThat(result).hasStatus(400);
    assertProblem(result, "invalid-request");
    verify(scheduler, never()).scheduleBatch(any(List.class), any(Instant.class));
  }

  @Test
  void purgesWhatWasStoredWhenASubmissionFails() throws Exception {
    MvcTestResult result = postJson("{\"texts\":[\"a\",\"b\",1]}");

    assertThat(result).hasStatus(400);
    verify(jobs).purge(any());
  }

  @Test
  void refusesACsvWithoutTextColumnWith400NamingTheHeader() throws Exception {
    MvcTestResult result = upload("a.csv", "text/csv", "id,comment\n1,good\n");

    assertThat(result).hasStatus(400);
    assertProblem(result, "invalid-request");
    assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("line 1");
  }

  @Test
  void refusesABadIdempotencyKeyWith400() throws Exception {
    MvcTestResult result =
        mvc.post()
            .uri("/analyze_batch")
            .header("Idempotency-Key", "with space")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"texts\":[\"a\"]}")
            .exchange();
    assertThat(result).hasStatus(400);
    assertProblem(result, "invalid-request");
  }

  @Test
  void answers409ForAnIdempotencyKeyUsedWithOtherContent() throws Exception {
    given(jobs.findByKey("anonymous", "k1")).willReturn(Optional.of(job(JobStatus.RUNNING, 1)));

    MvcTestResult result =
        mvc.post()
            .uri("/analyze_batch")
            .header("Idempotency-Key", "k1")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"texts\":[\"other\"]}")
            .exchange();
    assertThat(result).hasStatus(409);
    assertProblem(result, "conflict");
    verify(jobs, never()).reserve(any(), any(), any(), any());
  }

  @Test
  void answers413ForTooManyItems() throws Exception {
    MvcTestResult result = postJson("{\"texts\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\"]}");
    assertThat(result).hasStatus(413);
    assertProblem(result, "payload-too-large");
    verify(jobs).purge(any());
  }

  @Test
  void answers413ForTooLargeABody() throws Exception {
    MvcTestResult result = postJson("{\"texts\":[\"" + "a".repeat(5000) + "\"]}");
    assertThat(result).hasStatus(413);
    assertProblem(result, "payload-too-large");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.png|image/png", "a.csv|text/csv;charset=ISO-8859-1"})
  void answers415ForUnsupportedFiles(String file) throws Exception {
    String[] parts = file.split("\\|");
    MvcTestResult result = upload(parts[0], parts[1], "x");
    assertThat(result).hasStatus(415);
    assertProblem(result, "unsupported-media-type");
  }

  @Test
  void answers415ForOtherBodies() throws Exception {
    MvcTestResult result =
        mvc.post().uri("/analyze_batch").contentType(MediaType.TEXT_PLAIN).content("a").exchange();
    assertThat(result).hasStatus(415);
    assertProblem(result, "unsupported-media-type");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ISO-8859-1", "UTF-16", "windows-1252"})
  void answers415ForAJsonBodyInAnotherCharsetAndStoresNothing(String charset) throws Exception {
    MvcTestResult result =
        mvc.post()
            .uri("/analyze_batch")
            .header("Content-Type", "application/json; charset=" + charset)
            .content("{\"texts\":[\"a\"]}")
            .exchange();
    assertThat(result).hasStatus(415);
    assertProblem(result, "unsupported-media-type");
    assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("UTF-8");
    verify(jobs, never()).reserve(any(), any(), any(), any());
  }

  @Test
  void answers415ForACompressedBody() throws Exception {
    MvcTestResult result =
        mvc.post()
            .uri("/analyze_batch")
            .contentType(MediaType.APPLICATION_JSON)
            .header("Content-Encoding", "gzip")
            .content("{\"texts\":[\"a\"]}")
            .exchange();
    assertThat(result).hasStatus(415);
    assertThat(result).hasHeader("Accept-Encoding", "identity");
    assertProblem(result, "unsupported-media-type");
    verify(jobs, never()).reserve(any(), any(), any(), any());
  }

  @Test
  void answers400WithoutAFilePart() throws Exception {
    MvcTestResult result =
        mvc.post()
            .uri("/analyze_batch")
            .multipart()
            .file(new MockMultipartFile("other", "a.txt", "text/plain", new byte[] {'a'}))
            .exchange();
    assertThat(result).hasStatus(400);
    assertProblem(result, "invalid-request");
  }

  @Test
  void refusesTwoFilePartsWith400AndStoresNothing() throws Exception {
    MvcTestResult result =
        mvc.post()
            .uri("/analyze_batch")
            .multipart()
            .file(new MockMultipartFile("file", "one.txt", "text/plain", "good".getBytes()))
            .file(new MockMultipartFile("file", "two.csv", "text/csv", "text\nbad\n".getBytes()))
            .exchange();

    assertThat(result).hasStatus(400);
    assertProblem(result, "invalid-request");
    assertThat(result)
        .bodyJson()
        .extractingPath("$.detail")
        .asString()
        .contains("exactly one file part named 'file'");
    verify(jobs, never()).reserve(any(), any(), any(), any());
    verify(items, never()).insert(any(), anyInt(), any());
  }

  @Test
  void answersTheStatus() {
    assertThat(mvc.get().uri("/analyze_batch/" + ID).exchange())
        .hasStatusOk()
        .bodyJson()
        .isLenientlyEqualTo(
            "{\"id\":\""
                + ID
                + "\",\"status\":\"QUEUED\",\"total\":2,\"processed\":0,"
                + "\"failed\":0,\"created_at\":\"1970-01-01T00:00:00Z\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-uuid", "3F1C2A9E-8D4B-4C1E-9A57-2B6F0E4D7C10", "1-1-1-1-1"})
  void answers404ForMalformedIds(String id) throws Exception {
    MvcTestResult result = mvc.get().uri("/analyze_batch/" + id).exchange();
    assertThat(result).hasStatus(404);
    assertProblem(result, "not-found");
  }

  @Test
  void answers404ForAJobOfAnotherCallerOrNone() throws Exception {
    given(jobs.find(any(), any())).willReturn(Optional.empty());
    for (String path : List.of("", "/results")) {
      MvcTestResult result = mvc.get().uri("/analyze_batch/" + ID + path).exchange();
      assertThat(result).hasStatus(404);
      assertProblem(result, "not-found");
    }
    MvcTestResult result = mvc.delete().uri("/analyze_batch/" + ID).exchange();
    assertThat(result).hasStatus(404);
    assertProblem(result, "not-found");
  }

  @Test
  void cancelsAnActiveJobWith200() {
    given(jobs.find(ID, "anonymous"))
        .willReturn(
            Optional.of(job(JobStatus.RUNNING, 2)), Optional.of(job(JobStatus.CANCELLED, 2)));

    assertThat(mvc.delete().uri("/analyze_batch/" + ID).exchange())
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.status")
        .isEqualTo("CANCELLED");
    verify(jobs).finish(eq(ID), eq(JobStatus.CANCELLED), any());
  }

  @Test
  void leavesAFinishedJobAsItIsOnCancel() {
    given(jobs.find(ID, "anonymous")).willReturn(Optional.of(job(JobStatus.SUCCEEDED, 2)));

    assertThat(mvc.delete().uri("/analyze_batch/" + ID).exchange())
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.status")
        .isEqualTo("SUCCEEDED");
    verify(jobs, never()).finish(any(), any(), any());
  }

  private void streamTwoResults() {
    willAnswer(
        invocation -> {
          Consumer<ItemResult> sink = invocation.getArgument(4);
          sink.accept(ItemResult.ok(0, "a,1", "POSITIVE", 0.97));
          sink.accept(ItemResult.failed(1, null, "line 3: the text is blank"));
          return null;
        })
        .given(results)
        .stream(eq(ID), anyLong(), any(), anyBoolean(), any());
  }

  @Test
  void streamsResultsAsNdjsonByDefault() throws Exception {
    streamTwoResults();
    MvcTestResult result = mvc.get().uri("/analyze_batch/" + ID + "/results").exchange();

    assertThat(result).hasStatusOk().hasContentTypeCompatibleWith("application/x-ndjson");
    assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .isEqualTo(
            """
            {"index":0,"id":"a,1","sentiment":"POSITIVE","score":0.97,"error":null}
            {"index":1,"id":null,"sentiment":null,"score":null,"error":"line 3: the text is blank"}
            """);
  }

  @Test
  void streamsResultsAsCsvWhenAccepted() throws Exception {
    streamTwoResults();
    MvcTestResult result =
        mvc.get()
            .uri("/analyze_batch/" + ID + "/results?offset=0&limit=2")
            .header("Accept", "text/csv, application/x-ndjson;q=0.5")
            .exchange();

    assertThat(result).hasStatusOk().hasContentTypeCompatibleWith("text/csv");
    assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .isEqualTo(
            "index,id,sentiment,score,error\r\n"
                + "0,\"a,1\",POSITIVE,0.97,\r\n"
                + "1,,,,line 3: the text is blank\r\n");
    verify(results).stream(eq(ID), eq(0L), eq(2L), eq(true), any());
  }

  /** Only a finished job's results may have gaps: none can be filled any more. */
  @ParameterizedTest
  @CsvSource({
    "QUEUED, true",
    "RUNNING, true",
    "SUCCEEDED, false",
    "FAILED, false",
    "CANCELLED, false"
  })
  void listsResultsWithoutGapsUntilTheJobIsFinished(JobStatus status, boolean contiguous) {
    given(jobs.find(ID, "anonymous")).willReturn(Optional.of(job(status, 2)));

    assertThat(mvc.get().uri("/analyze_batch/" + ID + "/results").exchange()).hasStatusOk();
    verify(results).stream(eq(ID), eq(0L), eq(null), eq(contiguous), any());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"offset=-1", "limit=-5", "offset=abc", "limit=1.5", "offset=", "limit=0x10"})
  void refusesBadPagingWith400(String query) throws Exception {
    MvcTestResult result = mvc.get().uri("/analyze_batch/" + ID + "/results?" + query).exchange();
    assertThat(result).hasStatus(400);
    assertProblem(result, "invalid-request");
  }

  @ParameterizedTest
  @ValueSource(strings = {"offset=2147483648", "offset=999999999999999999&limit=2147483648"})
  void acceptsPagingPastTheLargestIndexWith200(String query) {
    assertThat(mvc.get().uri("/analyze_batch/" + ID + "/results?" + query).exchange())
        .hasStatusOk();
  }

  @Test
  void answers406WhenNeitherNdjsonNorCsvIsAccepted() throws Exception {
    MvcTestResult result =
        mvc.get()
            .uri("/analyze_batch/" + ID + "/results")
            .header("Accept", "application/xml")
            .exchange();
    assertThat(result).hasStatus(406);
    assertProblem(result, "not-acceptable");
  }
}
