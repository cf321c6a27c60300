package dev.sentiment.page;

import dev.sentiment.web.FilterOrder;
import dev.sentiment.web.auth.OpenResources;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web console: {@code src/main/resources/static/index.html}, which Spring Boot serves as its
 * welcome page at {@code /}, and its assets under {@code /console/}. The page is plain ES modules
 * and CSS with no build step and no third-party code; it calls only the public API ({@code
 * /analyze}, {@code /analyze_batch}).
 *
 * <p>Its responses carry a Content-Security-Policy that lets the page load scripts, styles, images
 * and API answers from its own origin only, with no inline script or style attribute: should a text
 * or id ever reach the DOM as markup, the browser still runs nothing from it. Only the page and its
 * assets get these headers; the API and Swagger UI (whose page needs inline code) are left as they
 * are.
 */
@Configuration(proxyBeanMethods = false)
class PageConfiguration {

  /** Scripts, styles, images and fetches from this origin only; no plugins, frames or base. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  /** The page ({@code /} forwards to {@code /index.html}) and everything under the assets path. */
  static final String[] PAGE_PATHS = {"/", "/index.html", "/console/*"};

  @Bean
  FilterRegistrationBean<PageHeadersFilter> pageHeadersFilter() {
    FilterRegistrationBean<PageHeadersFilter> registration =
        new FilterRegistrationBean<>(new PageHeadersFilter());
    registration.addUrlPatterns(PAGE_PATHS);
    registration.setOrder(FilterOrder.PAGE_HEADERS.order());
    return registration;
  }

  /** The page's files load without an API key: they hold no data, and the page sends the key. */
  @Bean
  OpenResources pageFiles(ResourcePatternResolver resources) throws IOException {
    Set<String> paths = new HashSet<>(Set.of("/", "/index.html"));
    for (Resource file : resources.getResources("classpath:/static/console/*")) {
      paths.add("/console/" + file.getFilename());
    }
    return new OpenResources(paths);
  }

  /**
   * Sets the page's security headers before anything else answers, so they are there whatever
   * answers: the file, a 304, or a 404 problem for an asset that does not exist.
   */
  static final class PageHeadersFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("Referrer-Policy", "no-referrer");
      // Revalidate each time (a cheap 304 by Last-Modified): an upgraded service's page and its
      // modules are never mixed with a cached older version.
      response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
      chain.doFilter(request, response);
    }
  }
}
