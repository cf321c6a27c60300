package dev.sentiment;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What {@code /v3/api-docs} says of the service as a whole: a title, what it does, its version. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

  @Bean
  OpenAPI sentimentApi(ObjectProvider<BuildProperties> build) {
    String version =
        build.getIfAvailable() != null ? build.getIfAvailable().getVersion() : "development";
    return new OpenAPI()
        .info(
            new Info()
                .title("Sentiment analysis service")
                .version(version)
                .description(
                    "Classifies the sentiment of texts with the model the service runs. "
                        + "POST /analyze answers one text or several at once; "
                        + "POST /analyze_batch runs a file of texts as a durable background job. "
                        + "Every error is RFC 9457 application/problem+json.")
                .license(new License().name("Apache-2.0")))
        .addTagsItem(new Tag().name("analyze").description("Classify texts now"))
        .addTagsItem(
            new Tag().name("batch jobs").description("Classify a file of texts in the background"));
  }
}
