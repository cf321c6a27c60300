package dev.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployment files parse, say what operators rely on, and the dashboard queries only metrics
 * the service really exports.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DeploymentArtifactsTest {

  private static final Pattern METRIC = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\{");

  @LocalServerPort int port;

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> yamlDocuments(Path file) throws IOException {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document : new Yaml().loadAll(Files.readString(file))) {
      documents.add((Map<String, Object>) document);
    }
    return documents;
  }

  @Test
  void kubernetesManifestsParseAndDescribeAReplicatedProbedDeployment() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(Path.of("deploy/kubernetes"))) {
      files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    Set<String> kinds = new TreeSet<>();
    for (Path file : files) {
      for (Map<String, Object> document : yamlDocuments(file)) {
        if (document.containsKey("kind") && !"Kustomization".equals(document.get("kind"))) {
          kinds.add((String) document.get("kind"));
          assertThat(document).as(file.toString()).containsKeys("apiVersion", "metadata");
        }
      }
    }
    assertThat(kinds)
        .contains(
            "Deployment",
            "Service",
            "HorizontalPodAutoscaler",
            "PodDisruptionBudget",
            "ServiceMonitor",
            "Secret");

    String deployment = Files.readString(Path.of("deploy/kubernetes/deployment.yaml"));
    Map<String, Object> spec =
        map(yamlDocuments(Path.of("deploy/kubernetes/deployment.yaml")).get(0), "spec");
    assertThat((Integer) spec.get("replicas")).isGreaterThanOrEqualTo(2);
    assertThat(deployment)
        .contains("startupProbe", "livenessProbe", "readinessProbe")
        .contains("/actuator/health/readiness", "/actuator/health/liveness")
        .contains("SPRING_DATASOURCE_URL", "secretKeyRef", "resources", "readOnlyRootFilesystem");
  }

  @Test
  void theCiWorkflowParsesAndRunsTheVerifyBuildOnBothJdks() throws IOException {
    Path workflow = Path.of(".github/workflows/ci.yml");
    assertThat(yamlDocuments(workflow)).hasSize(1);
    assertThat(Files.readString(workflow))
        .contains(
            "./mvnw -B verify", "\"17\"", "\"25\"", "postgres", "SENTIMENT_TEST_POSTGRES_URL");
  }

  /** No Docker engine here: the image's promises are checked in its recipe. */
  @Test
  void theImageRunsOfflineAsNonRootOnGlibcWithQuietLibtorch() throws IOException {
    String dockerfile = Files.readString(Path.of("Dockerfile"));
    assertThat(dockerfile)
        .contains(
            "./mvnw",
            "-Dai.djl.offline=true",
            "DJL_CACHE_DIR=/opt/djl",
            "TORCH_CPP_LOG_LEVEL=ERROR",
            "ONEDNN_PRIMITIVE_CACHE_CAPACITY=4096",
            "USER 10001");
    List<String> bases =
        Pattern.compile("(?m)^FROM (\\S+)")
            .matcher(dockerfile)
            .results()
            .map(m -> m.group(1))
            .toList();
    assertThat(bases).as("multi-stage build").hasSizeGreaterThanOrEqualTo(2);
    assertThat(bases).as("glibc base images").noneMatch(image -> image.contains("alpine"));
  }

  @Test
  void everyMetricTheDashboardQueriesIsExported() throws IOException {
    JsonNode dashboard =
        JsonMapper.shared().readTree(Path.of("deploy/grafana/sentiment-dashboard.json").toFile());
    Set<String> queried = new TreeSet<>();
    for (JsonNode panel : dashboard.get("panels")) {
      for (JsonNode target : panel.get("targets")) {
        Matcher matcher = METRIC.matcher(target.get("expr").asString());
        while (matcher.find()) {
          queried.add(matcher.group(1));
        }
      }
    }
    assertThat(queried).hasSizeGreaterThan(10);

    HttpTestClient http = new HttpTestClient(port);
    http.awaitReady();
    http.postJson("/analyze", "{\"text\":\"a fine and lovely film\"}");
    String scrape = http.get("/actuator/prometheus").body();
    for (String metric : queried) {
      assertThat(scrape).as(metric).containsPattern("(?m)^" + metric + "[{ ]");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.get(key);
  }
}
