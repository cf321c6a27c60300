package dev.sentiment.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * What tokenizing one SST-2 dev sentence costs with the built-in model's tokenizer, through the
 * Hugging Face tokenizer ({@code fastPath=false}) and through the Java WordPiece fast path. Run
 * with {@code org.openjdk.jmh.Main TokenizerBenchmark} on the `-Ptools` test classpath (README,
 * Development).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenizerBenchmark {

  @Param({"false", "true"})
  public boolean fastPath;

  @Param({"../shared/data/sst2/dev.tsv"})
  public String sentences;

  private TextEncoder encoder;
  private List<String> texts;
  private int next;

  @Setup(Level.Trial)
  public void load() throws IOException {
    encoder = TextEncoder.load(Path.of("models/sentiment-en-sst2/tokenizer.json"), 128, fastPath);
    texts =
        Files.readAllLines(Path.of(sentences)).subList(1, 873).stream()
            .map(line -> line.substring(0, line.lastIndexOf('\t')))
            .toList();
  }

  /** Microseconds per sentence. */
  @Benchmark
  public EncodedText encode() {
    return encoder.encode(texts.get(next++ % texts.size()));
  }

  @TearDown(Level.Trial)
  public void close() {
    encoder.close();
  }
}
