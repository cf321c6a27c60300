# syntax=docker/dockerfile:1
# Multi-stage build of the sentiment service. glibc images throughout: the PyTorch natives are
# glibc builds, so Alpine (musl) cannot run them. Java 25, though the code needs only 17: from 24 on
# the service answers requests on virtual threads, which keeps a flood of requests from starving
# the inference workers of CPU (docs/reliability.md).

FROM eclipse-temurin:25-jdk-noble AS build
WORKDIR /src
# Dependencies first, so they are cached while only the sources change.
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q -Ptools dependency:go-offline
COPY src src
COPY models models
RUN ./mvnw -B -q -DskipTests package \
 && java -Djarmode=tools -jar target/sentiment-service-*.jar extract --layers --destination /layers
# Unpack libtorch and the tokenizer's native library now, into a directory the image ships, so the
# container starts without network and without writing to its home. A two-line evaluation loads
# both through the service's own code; the evaluation command is a developer tool outside the jar
# (src/tools, Maven profile `tools`), so it runs from the build tree, on the same dependencies.
ENV DJL_CACHE_DIR=/opt/djl
RUN printf 'sentence\tlabel\na fine film\t1\n' > /tmp/warmup.tsv \
 && ./mvnw -B -q -Ptools -DskipTests -Dai.djl.offline=true test-compile exec:java@evaluate \
      -Devaluate.file=/tmp/warmup.tsv -Devaluate.model=/src/models/sentiment-en

FROM eclipse-temurin:25-jre-noble
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --home-dir /app app
WORKDIR /app
# Layers from the least to the most often changed.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
COPY --from=build /opt/djl /opt/djl
COPY models/sentiment-en /app/models/sentiment-en
ENV DJL_CACHE_DIR=/opt/djl \
    SENTIMENT_INFERENCE_MODEL_DIR=/app/models/sentiment-en \
    SENTIMENT_BATCH_DATA_DIR=/data \
    TORCH_CPP_LOG_LEVEL=ERROR \
    ONEDNN_PRIMITIVE_CACHE_CAPACITY=4096 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Dai.djl.offline=true -Djava.io.tmpdir=/tmp"
RUN mkdir -p /data && chown app:app /data
USER 10001:10001
VOLUME ["/data", "/tmp"]
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/sentiment-service-0.1.0-SNAPSHOT.jar"]
