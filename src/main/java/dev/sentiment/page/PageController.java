package dev.sentiment.page;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /}: the console's page, {@code static/index.html}, for anything that accepts HTML (a
 * browser, or a client sending no {@code Accept} at all).
 *
 * <p>Spring Boot's static welcome page serves the same file at {@code /}, but answers a request
 * that accepts no HTML (say {@code Accept: application/json}, a misdirected API call) with a bare
 * 406 and no body. As a route of its own, {@code /} instead gets the service's 406 problem like
 * every other route whose type the request refuses. Hidden from the OpenAPI document: it is not
 * part of the API.
 */
@Hidden
@Controller
class PageController {

  @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
  String page() {
    return "forward:/index.html";
  }
}
