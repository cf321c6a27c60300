package dev.sentiment.analysis;

import dev.sentiment.web.Arrival;
import dev.sentiment.web.async.PendingAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /analyze}: one text or several in, their sentiment out. */
@Tag(name = "analyze", description = "Classify texts now")
@RestController
class AnalyzeController {

  private final AnalysisService service;
  private final AnalysisProperties properties;

  AnalyzeController(AnalysisService service, AnalysisProperties properties) {
    this.service = service;
    this.properties = properties;
  }

  @Operation(
      summary = "Classify the sentiment of one text or of several",
      description =
          "A text longer than the model's window is read whole, in windows cut at sentence"
              + " boundaries; the answer says how many. Several texts share the request's deadline"
              + " and are admitted together or not at all.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      content =
          @Content(
              schema =
                  @Schema(
                      oneOf = {AnalyzeRequest.OneText.class, AnalyzeRequest.SeveralTexts.class}),
              examples = {
                @ExampleObject(
                    name = "one text",
                    value = "{\"text\": \"I didn't expect to like it, but I loved it.\"}"),
                @ExampleObject(
                    name = "several texts",
                    value = "{\"texts\": [\"Loved it\", \"Never again.\", \"\"]}")
              }))
  @ApiResponse(
      responseCode = "200",
      description = "The answer for one text, or a list in the order sent",
      headers = @Header(name = "Server-Timing", description = "queue, inference, total in ms"),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(oneOf = {AnalyzeResponse.class, AnalyzeListResponse.class})))
  @ApiResponse(
      responseCode = "400",
      description = "Malformed JSON, no text, both text and texts, bad timeout_ms or detail")
  @ApiResponse(responseCode = "401", description = "API keys are on and none valid was sent")
  @ApiResponse(responseCode = "406", description = "Accept excludes JSON")
  @ApiResponse(responseCode = "408", description = "No answer within the deadline")
  @ApiResponse(responseCode = "413", description = "Body over the limit, or too many texts")
  @ApiResponse(responseCode = "415", description = "Content type other than JSON")
  @ApiResponse(
      responseCode = "503",
      description = "At capacity (see Retry-After) or model not ready")
  @PostMapping(
      path = "/analyze",
      consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  PendingAnswer<AnalysisService.Answer> analyze(
      @RequestBody AnalyzeRequest request,
      @Parameter(description = "A deadline shorter than the server's, in milliseconds")
          @RequestParam(name = "timeout_ms", required = false)
          String timeoutMs,
      @Parameter(description = "'sentences' adds each sentence's own answer, with offsets")
          @RequestParam(name = "detail", required = false)
          String detail,
      HttpServletRequest http) {
    long arrived = Arrival.nanos(http);
    return new PendingAnswer<>(
        service.analyze(request, timeoutMs, detail, arrived),
        properties.timeout(),
        (answer, failure) -> ServerTiming.of(answer, failure, arrived));
  }
}
