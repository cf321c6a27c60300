package dev.sentiment.analysis;

import dev.sentiment.system.Arrival;
import dev.sentiment.system.PendingAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /analyze}: one text in, its sentiment out. */
@RestController
class AnalyzeController {

  private final AnalysisService service;
  private final AnalysisProperties properties;

  AnalyzeController(AnalysisService service, AnalysisProperties properties) {
    this.service = service;
    this.properties = properties;
  }

  @Operation(summary = "Classify the sentiment of one text")
  @ApiResponse(responseCode = "200", description = "The label and probabilities")
  @ApiResponse(
      responseCode = "400",
      description = "Malformed JSON, missing or blank text, bad timeout_ms")
  @ApiResponse(responseCode = "408", description = "No answer within the deadline")
  @ApiResponse(responseCode = "413", description = "Body larger than the limit")
  @ApiResponse(responseCode = "415", description = "Content type other than JSON")
  @ApiResponse(
      responseCode = "503",
      description = "At capacity (see Retry-After) or model not ready")
  @PostMapping(
      path = "/analyze",
      consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  PendingAnswer<AnalyzeResponse> analyze(
      @Valid @RequestBody AnalyzeRequest request,
      @Parameter(description = "A deadline shorter than the server's, in milliseconds")
          @RequestParam(name = "timeout_ms", required = false)
          String timeoutMs,
      HttpServletRequest http) {
    return new PendingAnswer<>(
        service.analyze(request.text(), timeoutMs, Arrival.nanos(http)), properties.timeout());
  }
}
