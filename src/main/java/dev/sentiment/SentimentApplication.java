package dev.sentiment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the sentiment inference service. */
@SpringBootApplication
public class SentimentApplication {

  public static void main(String[] args) {
    SpringApplication.run(SentimentApplication.class, args);
  }
}
