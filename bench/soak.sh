#!/usr/bin/env bash
# Soak (docs/reliability.md): measures /analyze capacity, then offers twice that rate, open loop,
# for 60 s, and reports status counts, latency of the answered requests and the service's heap.
# Bounded (about 4 minutes), 127.0.0.1 only, stops by itself. Needs wrk (apt-get install -y wrk).
# Midway it prints how the service's threads shared the CPU. Runs on the `java` first on PATH (or
# $JAVA); on Java 24+ requests are served on virtual threads (see docs/reliability.md).
#   bench/soak.sh [seconds, default 60] [connections, default 256]
set -euo pipefail
export TORCH_CPP_LOG_LEVEL=ERROR  # no libtorch NNPACK warning per pass
export ONEDNN_PRIMITIVE_CACHE_CAPACITY=${ONEDNN_PRIMITIVE_CACHE_CAPACITY:-4096}  # see docs/operations.md
cd "$(dirname "$0")/.."
SOAK_SECONDS=${1:-60}
CONNECTIONS=${2:-256}
PORT=18081
OUT=target/soak
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
mkdir -p "$OUT"
./mvnw -q -B -Ptools -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat "$OUT/classpath.txt")"

JAVA=${JAVA:-java}
"$JAVA" -Dai.djl.offline=true -Xmx1g -cp "$CP" dev.sentiment.SentimentApplication \
  --server.address=127.0.0.1 --server.port=$PORT --logging.level.root=WARN > "$OUT/service.log" 2>&1 &
SERVICE_PID=$!
trap 'kill $SERVICE_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null && break
  sleep 1
done

python3 bench/load.py lua ../shared/data/sst2/dev.tsv /analyze "$OUT/post.lua"
echo "== warm-up and capacity (wrk, 64 clients)"
# The JIT was still compiling hard after 30 s of load; a minute makes the capacity measured next
# less of an underestimate (C2 still takes about a quarter of a core later on: see the CPU table).
wrk -t2 -c64 -d60s -s "$OUT/post.lua" "http://127.0.0.1:$PORT" > /dev/null
wrk -t2 -c64 -d15s -s "$OUT/post.lua" "http://127.0.0.1:$PORT" > "$OUT/capacity.txt"
CAPACITY=$(python3 bench/load.py wrk "$OUT/capacity.txt" | python3 -c "import json,sys; print(int(json.load(sys.stdin)['rps']))")
echo "capacity: $CAPACITY req/s; offering $((2 * CAPACITY)) req/s for $SOAK_SECONDS s"
"$JAVA" -Xmx512m -cp "$CP" dev.sentiment.bench.OpenLoopLoad "http://127.0.0.1:$PORT" \
  $((2 * CAPACITY)) "$SOAK_SECONDS" ../shared/data/sst2/dev.tsv "$CONNECTIONS" > "$OUT/report.txt" &
LOAD_PID=$!
sleep $((SOAK_SECONDS / 3))
python3 bench/load.py cpu $SERVICE_PID $((SOAK_SECONDS / 3))
wait $LOAD_PID
cat "$OUT/report.txt"
curl -s -o /dev/null -w "readiness right after: %{http_code}\n" "http://127.0.0.1:$PORT/actuator/health/readiness"
