#!/usr/bin/env bash
# The throughput benchmark (docs/performance.md): the model's raw limit in process (JMH), a
# trivial Spring MVC endpoint, and /analyze at 1, 16, 64 and 256 clients with batching on and off.
# Bounded (about 19 minutes), 127.0.0.1 only, stops by itself. Needs wrk (apt-get install -y wrk).
#   bench/benchmark.sh [seconds-per-run, default 10] [runs per level, default 3]
# MODEL_DIR=/path/to/model bench/benchmark.sh measures another model directory (docs/models.md).
set -euo pipefail
export TORCH_CPP_LOG_LEVEL=ERROR  # no libtorch NNPACK warning per pass
export ONEDNN_PRIMITIVE_CACHE_CAPACITY=${ONEDNN_PRIMITIVE_CACHE_CAPACITY:-4096}  # see docs/operations.md
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-10}
RUNS=${2:-3}
PORT=18080
OUT=target/bench
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
mkdir -p "$OUT"
rm -f "$OUT/results.jsonl" "$OUT/raw-arrival.json"

./mvnw -q -B -Ptools -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat "$OUT/classpath.txt")"
JAVA=${JAVA:-java}  # e.g. JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
JAVA_OPTS=(-Dai.djl.offline=true -Xmx1g)
MODEL_PARAM=() MODEL_ARG=()
if [ -n "${MODEL_DIR:-}" ]; then
  MODEL_PARAM=(-p "modelDir=$MODEL_DIR") MODEL_ARG=(--sentiment.inference.model-dir="$MODEL_DIR")
fi

echo "== (a) raw model throughput and single-text latency (JMH)"
"$JAVA" "${JAVA_OPTS[@]}" -cp "$CP" org.openjdk.jmh.Main 'RawModelBenchmark.passes' "${MODEL_PARAM[@]}" \
  -t 2 -f 1 -wi 2 -w 5s -i 3 -r 5s -rf json -rff "$OUT/raw.json" > "$OUT/raw.log"
# The same in arrival order, as requests come: shows what padding costs (L uses the sorted best).
"$JAVA" "${JAVA_OPTS[@]}" -cp "$CP" org.openjdk.jmh.Main 'RawModelBenchmark.passes' -p order=arrival "${MODEL_PARAM[@]}" \
  -t 2 -f 1 -wi 2 -w 5s -i 3 -r 5s -rf json -rff "$OUT/raw-arrival.json" > "$OUT/raw-arrival.log"
"$JAVA" "${JAVA_OPTS[@]}" -cp "$CP" org.openjdk.jmh.Main 'RawModelBenchmark.latency' -p batchSize=1 "${MODEL_PARAM[@]}" \
  -t 1 -f 1 -wi 2 -w 5s -i 3 -r 5s -rf json -rff "$OUT/latency.json" > "$OUT/latency.log"

SERVICE_PID=
stop_service() {
  if [ -n "$SERVICE_PID" ]; then kill "$SERVICE_PID" 2>/dev/null || true; wait "$SERVICE_PID" 2>/dev/null || true; fi
  SERVICE_PID=
}
trap stop_service EXIT

start_service() {
  "$JAVA" "${JAVA_OPTS[@]}" -cp "$CP" dev.sentiment.SentimentApplication --spring.profiles.active=bench \
    --server.address=127.0.0.1 --server.port=$PORT --logging.level.root=WARN "${MODEL_ARG[@]}" "$@" > "$OUT/service.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 300); do  # a large model warms up over every shape up to 512 tokens first
    curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null && return 0
    sleep 1
  done
  echo "the service did not become ready" >&2
  exit 1
}

load() { # target clients batching path
  local target=$1 clients=$2 batching=$3 path=$4 threads=2
  [ "$clients" -lt 2 ] && threads=1
  python3 bench/load.py lua ../shared/data/sst2/dev.tsv "$path" "$OUT/post.lua"
  wrk -t"$threads" -c"$clients" -d"${SECONDS_PER_RUN}s" --timeout 10s --latency -s "$OUT/post.lua" \
    "http://127.0.0.1:$PORT" > "$OUT/wrk.txt"
  python3 bench/load.py wrk "$OUT/wrk.txt" \
    | python3 -c "import json,sys; r=json.load(sys.stdin); r.update(target='$target', clients=$clients, batching='$batching'); print(json.dumps(r))" \
    | tee -a "$OUT/results.jsonl"
}

measure() { # batching
  echo "== warm-up (30 s at 64 clients)"
  python3 bench/load.py lua ../shared/data/sst2/dev.tsv /analyze "$OUT/post.lua"
  wrk -t2 -c64 -d30s -s "$OUT/post.lua" "http://127.0.0.1:$PORT" > /dev/null
  for run in $(seq 1 "$RUNS"); do
    for clients in 1 16 64 256; do
      load analyze "$clients" "$1" /analyze
    done
    if [ "$1" = on ]; then
      load trivial 64 "$1" /bench/trivial
      load trivial-async 64 "$1" /bench/trivial-async
      load trivial-future 64 "$1" /bench/trivial-future
    fi
  done
}

echo "== (b) service with batching on"
start_service
for path in /bench/trivial /bench/trivial-async /bench/trivial-future; do
  python3 bench/load.py lua ../shared/data/sst2/dev.tsv "$path" "$OUT/post.lua"
  wrk -t2 -c64 -d20s -s "$OUT/post.lua" "http://127.0.0.1:$PORT" > /dev/null
done
measure on
stop_service

echo "== (b) service with batching off (max-batch-size=1)"
start_service --sentiment.inference.max-batch-size=1
measure off
stop_service

echo
python3 bench/load.py report "$OUT/results.jsonl" "$OUT/raw.json" "$OUT/latency.json" "$OUT/raw-arrival.json" \
  | tee "$OUT/report.md"
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
