package dev.sentiment.inference;

import ai.djl.translate.TranslateException;
import dev.sentiment.inference.TorchScriptModel.ForwardPass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The model's own limit on this machine, without HTTP or queueing: forward passes over SST-2 dev
 * sentences (tokenized once, sorted by length so padding is minimal), one predictor per thread as
 * in the service. Throughput is passes per second; multiply by the batch size for texts per second.
 * Run by {@code bench/benchmark.sh}, or directly with {@code org.openjdk.jmh.Main
 * RawModelBenchmark}.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RawModelBenchmark {

  @Param({"1", "8", "16", "32", "64", "128"})
  public int batchSize;

  @Param({"classpath:models/sentiment-en"})
  public String modelDir;

  @Param({"../shared/data/sst2/dev.tsv"})
  public String sentences;

  /**
   * {@code sorted}: by length, padding minimal; {@code arrival}: file order, as requests come;
   * {@code in-flight}: file order with each run of {@link #IN_FLIGHT} texts sorted by length, the
   * best a service holding that many texts at once can batch them (8 clients with 32 texts each).
   */
  @Param({"sorted"})
  public String order;

  /** Texts held at once for {@code order=in-flight}. */
  static final int IN_FLIGHT = 256;

  private TorchScriptModel model;
  private ForwardPass pass;
  private List<List<EncodedText>> batches;
  private int next;

  @Setup(Level.Trial)
  public void load() throws IOException {
    InferenceProperties properties = InferenceProperties.forModel(modelDir, 1, batchSize, 1, 0);
    TorchScriptModel.configureRuntime(properties);
    ModelDirectory directory = ModelDirectory.open(modelDir, new DefaultResourceLoader());
    List<EncodedText> texts = new ArrayList<>();
    try (TextEncoder encoder =
        TextEncoder.load(
            directory.path().resolve(ModelDirectory.TOKENIZER_FILE),
            directory.info().maxLength())) {
      for (String line : Files.readAllLines(Path.of(sentences)).subList(1, 873)) {
        texts.add(encoder.encode(line.substring(0, line.lastIndexOf('\t'))));
      }
    }
    if (order.equals("sorted")) {
      texts.sort(Comparator.comparingInt(EncodedText::length));
    } else if (order.equals("in-flight")) {
      for (int i = 0; i < texts.size(); i += IN_FLIGHT) {
        texts
            .subList(i, Math.min(texts.size(), i + IN_FLIGHT))
            .sort(Comparator.comparingInt(EncodedText::length));
      }
    }
    batches = new ArrayList<>();
    for (int i = 0; i + batchSize <= texts.size(); i += batchSize) {
      batches.add(texts.subList(i, i + batchSize));
    }
    model = TorchScriptModel.load(directory);
    pass = model.newForwardPass(properties);
  }

  /** Passes per second at this batch size; texts per second = score × batch size. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  public float[][] passes() throws TranslateException {
    return pass.run(batches.get(next++ % batches.size()));
  }

  /** Latency of one pass; with batch size 1 this is the single-text latency. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public float[][] latency() throws TranslateException {
    return pass.run(batches.get(next++ % batches.size()));
  }

  @TearDown(Level.Trial)
  public void close() {
    pass.close();
    model.close();
  }
}
