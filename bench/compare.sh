#!/usr/bin/env bash
# The interleaved comparisons of docs/performance.md ("/analyze v2, the restructure, model 3.0"):
#  (a) each built-in model's raw speed in process (JMH): best texts/s, single-text p50; and the
#      default model on batches sorted only within runs of 256 texts (the most a service holding
#      8 clients x 32 texts at once can sort); and one pass's cost by shape (the floor under a
#      long review's answer);
#  (b) single-text /analyze at 1 and 64 clients, this build against OLD_JAR, both on model 2.2.0;
#  (c) 8 clients x 32 texts per call, and a ~300-word review against one sentence, on this build
#      with its defaults (64-token windows), with the model's whole 128-token windows, with 32-token
#      windows and with batches of 128, and on OLD_JAR with its defaults.
# Bounded (about 35 minutes), 127.0.0.1 only, stops by itself. Needs wrk.
#   bench/compare.sh [OLD_JAR]      e.g. a jar built from an earlier commit
set -euo pipefail
export TORCH_CPP_LOG_LEVEL=ERROR ONEDNN_PRIMITIVE_CACHE_CAPACITY=${ONEDNN_PRIMITIVE_CACHE_CAPACITY:-4096}
cd "$(dirname "$0")/.."
OLD_JAR=${1:-}
OUT=target/bench-compare
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
mkdir -p "$OUT"

./mvnw -q -B -Ptools -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat "$OUT/classpath.txt")"
JAR=$(ls target/sentiment-service-*.jar | head -n 1)
JAVA=${JAVA:-java}
JAVA_OPTS=(-Dai.djl.offline=true -Xmx1g)

echo "== (a) raw models (JMH)"
for model in sentiment-en sentiment-en-sst2; do
  "$JAVA" "${JAVA_OPTS[@]}" -cp "$CP" org.openjdk.jmh.Main 'RawModelBenchmark.passes' \
    -p modelDir=classpath:models/$model -t 2 -f 1 -wi 2 -w 5s -i 3 -r 5s \
    -rf json -rff "$OUT/raw-$model.json" > "$OUT/raw-$model.log"
  "$JAVA" "${JAVA_OPTS[@]}" -cp "$CP" org.openjdk.jmh.Main 'RawModelBenchmark.latency' \
    -p modelDir=classpath:models/$model -p batchSize=1 -t 1 -f 1 -wi 2 -w 5s -i 3 -r 5s \
    -rf json -rff "$OUT/latency-$model.json" > "$OUT/latency-$model.log"
  python3 - "$OUT/raw-$model.json" "$OUT/latency-$model.json" "$model" <<'PY'
import json, sys
raw = json.load(open(sys.argv[1]))
per = {int(r["params"]["batchSize"]): r["primaryMetric"]["score"] * int(r["params"]["batchSize"]) for r in raw}
lat = json.load(open(sys.argv[2]))[0]["primaryMetric"]["scorePercentiles"]["50.0"] / 1000
best = max(per, key=per.get)
print(f"{sys.argv[3]}: texts/s by batch size {', '.join(f'{b}: {v:.0f}' for b, v in sorted(per.items()))};"
      f" best {per[best]:.0f} at {best}; single text p50 {lat:.3f} ms")
PY
done
"$JAVA" "${JAVA_OPTS[@]}" -cp "$CP" org.openjdk.jmh.Main 'RawModelBenchmark.passes' \
  -p modelDir=classpath:models/sentiment-en -p order=in-flight -p batchSize=32,64,128 \
  -t 2 -f 1 -wi 2 -w 5s -i 3 -r 5s -rf json -rff "$OUT/raw-in-flight.json" > "$OUT/raw-in-flight.log"
python3 - "$OUT/raw-in-flight.json" <<'PY'
import json, sys
per = {int(r["params"]["batchSize"]): r["primaryMetric"]["score"] * int(r["params"]["batchSize"])
       for r in json.load(open(sys.argv[1]))}
print("sentiment-en, sorted within runs of 256 texts: texts/s by batch size "
      + ", ".join(f"{b}: {v:.0f}" for b, v in sorted(per.items())))
PY
"$JAVA" "${JAVA_OPTS[@]}" -cp "$CP" org.openjdk.jmh.Main 'PassCostBenchmark' \
  -p modelDir=classpath:models/sentiment-en -p rows=1,2,4,7 -p length=12,32,64,128 -t 1 -f 1 \
  -wi 2 -w 3s -i 3 -r 3s -rf json -rff "$OUT/pass-shapes.json" > "$OUT/pass-shapes.log"
python3 - "$OUT/pass-shapes.json" <<'PY'
import json, sys
ms = {(int(r["params"]["rows"]), int(r["params"]["length"])): r["primaryMetric"]["score"] / 1000
      for r in json.load(open(sys.argv[1]))}
print("sentiment-en, one pass by texts x tokens (ms): "
      + ", ".join(f"{r}x{l}: {v:.3f}" for (r, l), v in sorted(ms.items())))
PY
RAW_BEST=$(python3 -c "import json; r=json.load(open('$OUT/raw-sentiment-en.json')); print(max(x['primaryMetric']['score']*int(x['params']['batchSize']) for x in r))")

PIDS=()
stop_all() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  PIDS=()
}
trap stop_all EXIT
start() { # name port jar args...
  local name=$1 port=$2 jar=$3; shift 3
  mkdir -p "$OUT/data-$name"
  "$JAVA" "${JAVA_OPTS[@]}" -jar "$jar" --server.address=127.0.0.1 --server.port="$port" \
    --logging.level.root=WARN --sentiment.batch.data-dir="$OUT/data-$name" "$@" > "$OUT/$name.log" 2>&1 &
  PIDS+=($!)
}
await_ready() { # ports...
  for port in "$@"; do
    for _ in $(seq 1 300); do
      curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null && continue 2
      sleep 1
    done
    echo "the service on $port did not become ready" >&2; exit 1
  done
}

if [ -n "$OLD_JAR" ]; then
  echo "== (b) single-text /analyze, $OLD_JAR against this build, model 2.2.0 in both"
  start old 18081 "$OLD_JAR" --sentiment.inference.model-dir=classpath:models/sentiment-en-sst2
  start new 18082 "$JAR" --sentiment.inference.model-dir=classpath:models/sentiment-en-sst2
  await_ready 18081 18082
  python3 bench/ab.py single --port old=18081 --port new=18082 | tee "$OUT/single.txt"
  stop_all
fi

echo "== (c) several texts and a long review, model 3.0.0"
SERVICES=()
if [ -n "$OLD_JAR" ]; then
  start old 18086 "$OLD_JAR"
  SERVICES+=(--port old=18086)
fi
start default 18083 "$JAR"
start window128 18084 "$JAR" --sentiment.inference.window-tokens=128
start window32 18087 "$JAR" --sentiment.inference.window-tokens=32
start batch128 18085 "$JAR" --sentiment.inference.max-batch-size=128
await_ready 18083 18084 18085 18087 ${OLD_JAR:+18086}
python3 bench/ab.py texts "${SERVICES[@]}" --port default=18083 --port window128=18084 \
  --port window32=18087 --port batch128=18085 --raw-best "$RAW_BEST" | tee "$OUT/texts.txt"
stop_all
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $("$JAVA" -version 2>&1 | head -1)"
