package dev.sentiment.batch;

import dev.sentiment.web.auth.Caller;
import dev.sentiment.web.problem.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** {@code /analyze_batch}: submit a job, follow it, read its results, cancel it. */
@Tag(name = "batch jobs", description = "Classify a file of texts in the background")
@RestController
@RequestMapping(BatchController.PATH)
class BatchController {

  static final String PATH = "/analyze_batch";
  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final String REPLAYED = "Idempotent-Replayed";

  private final SubmissionService submissions;
  private final JobService jobs;

  BatchController(SubmissionService submissions, JobService jobs) {
    this.submissions = submissions;
    this.jobs = jobs;
  }

  @Operation(summary = "Submit texts as JSON: {\"texts\": [...]} or {\"items\": [{id, text}]}")
  @ApiResponse(responseCode = "202", description = "The job is stored and queued")
  @ApiResponse(responseCode = "400", description = "Malformed JSON, no items, bad key")
  @ApiResponse(responseCode = "409", description = "Idempotency-Key used with other content")
  @ApiResponse(responseCode = "413", description = "Too many items or too large a body")
  @ApiResponse(responseCode = "415", description = "A charset other than UTF-8")
  @PostMapping(
      consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<SubmitResponse> submitJson(
      InputStream body,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
      HttpServletRequest request)
      throws IOException {
    UploadFormat.requireUtf8(request.getContentType());
    return accepted(submissions.submit(Caller.of(request), key, UploadFormat.JSON, body));
  }

  @Operation(summary = "Submit a file (part 'file'): CSV with a 'text' column, NDJSON or text")
  @ApiResponse(responseCode = "202", description = "The job is stored and queued")
  @ApiResponse(
      responseCode = "400",
      description = "Not exactly one 'file' part, no usable items or CSV header, bad key")
  @ApiResponse(responseCode = "409", description = "Idempotency-Key used with other content")
  @ApiResponse(responseCode = "413", description = "Too many items or too large a file")
  @ApiResponse(responseCode = "415", description = "A file format other than those")
  @PostMapping(
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<SubmitResponse> submitFile(
      @RequestPart("file") MultipartFile file,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
      MultipartHttpServletRequest request)
      throws IOException {
    // The part binds to the first of several; the others would be dropped without a word.
    if (request.getFiles("file").size() != 1) {
      throw new InvalidInputException("Upload exactly one file part named 'file'");
    }
    UploadFormat format = UploadFormat.of(file.getContentType(), file.getOriginalFilename());
    try (InputStream content = file.getInputStream()) {
      return accepted(submissions.submit(Caller.of(request), key, format, content));
    }
  }

  private static ResponseEntity<SubmitResponse> accepted(SubmissionService.Submitted submitted) {
    Job job = submitted.job();
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.accepted().location(URI.create(PATH + "/" + job.id()));
    if (submitted.replayed()) {
      // The job was created by an earlier request with the same Idempotency-Key and content.
      answer.header(REPLAYED, "true");
    }
    return answer.body(SubmitResponse.of(job));
  }

  @Operation(summary = "The status and progress of a job")
  @ApiResponse(responseCode = "404", description = "No such job for this caller")
  @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  JobResponse status(@PathVariable String id, HttpServletRequest request) {
    return JobResponse.of(jobs.status(Caller.of(request), id));
  }

  @Operation(summary = "Cancel a job; a finished job is left as it is")
  @ApiResponse(responseCode = "200", description = "The job's status after the request")
  @ApiResponse(responseCode = "404", description = "No such job for this caller")
  @DeleteMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  JobResponse cancel(@PathVariable String id, HttpServletRequest request) {
    return JobResponse.of(jobs.cancel(Caller.of(request), id));
  }

  @Operation(summary = "The results so far, in index order: NDJSON, or CSV by Accept")
  @ApiResponse(responseCode = "400", description = "Negative or non-numeric offset or limit")
  @ApiResponse(responseCode = "404", description = "No such job for this caller")
  @ApiResponse(responseCode = "406", description = "Accept allows neither NDJSON nor CSV")
  @GetMapping(
      path = "/{id}/results",
      produces = {ResultFormat.NDJSON_VALUE, ResultFormat.CSV_VALUE})
  void results(
      @PathVariable String id,
      @RequestParam(name = "offset", required = false) String offset,
      @RequestParam(name = "limit", required = false) String limit,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException, HttpMediaTypeNotAcceptableException {
    Long first = count("offset", offset);
    Long most = count("limit", limit);
    ResultFormat format = ResultFormat.negotiate(accept);
    Job job = jobs.status(Caller.of(request), id);
    response.setContentType(format.contentType().toString());
    jobs.writeResults(job, first == null ? 0 : first, most, format, response.getOutputStream());
  }

  /** A paging value: absent, or a plain non-negative decimal integer (no sign, hex or blank). */
  private static Long count(String name, String value) {
    if (value == null) {
      return null;
    }
    if (!value.matches("[0-9]{1,18}")) {
      throw new InvalidInputException("'" + name + "' must be a non-negative integer");
    }
    return Long.parseLong(value);
  }
}
