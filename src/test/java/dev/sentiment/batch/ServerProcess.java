package dev.sentiment.batch;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * The service in a JVM of its own, started from the test's class path on 127.0.0.1, so a test can
 * kill it for real ({@link #kill()} is SIGKILL on Linux) or stop it as an operator would.
 */
final class ServerProcess implements AutoCloseable {

  private static final Duration READY = Duration.ofSeconds(120);

  private final Process process;
  private final int port;
  private final Path log;

  private ServerProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts the service with these arguments and waits until it is ready for traffic. */
  static ServerProcess start(String name, String heap, List<String> arguments) throws IOException {
    int port = freePort();
    Path logs = Path.of("target", "server-logs");
    Files.createDirectories(logs);
    Path log = logs.resolve(name + "-" + port + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx" + heap, "-Dai.djl.offline=true", "-cp"));
    command.add(System.getProperty("java.class.path"));
    command.add("dev.sentiment.SentimentApplication");
    command.add("--server.port=" + port);
    command.add("--server.address=127.0.0.1");
    command.addAll(arguments);
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ServerProcess server = new ServerProcess(process, port, log);
    try {
      server.awaitReady();
    } catch (RuntimeException e) {
      server.kill();
      throw new IllegalStateException("The server did not become ready; see " + log, e);
    }
    return server;
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest readiness =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(2))
            .build();
    Awaitility.await()
        .atMost(READY)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException("exited with " + process.exitValue());
              }
              return http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode()
                  == 200;
            });
  }

  /** SIGKILL: no shutdown hook, no graceful stop, nothing flushed that was not already. */
  void kill() {
    process.destroyForcibly();
    waitFor();
  }

  /** SIGTERM: the graceful shutdown an orchestrator asks for. */
  void stop() {
    process.destroy();
    waitFor();
  }

  private void waitFor() {
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
