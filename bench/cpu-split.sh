#!/usr/bin/env bash
# Where the CPU goes while 8 clients post lists of 32 SST-2 dev sentences (bench/ab.py's lists
# case) to a service already running on 127.0.0.1: the CPU time of its thread groups (the
# inference workers, Tomcat's request threads, the rest) and of wrk itself, as shares of one core.
# Bounded by SECONDS (default 15); run nothing else meanwhile. Linux only (reads /proc).
#   bench/cpu-split.sh PORT [SECONDS]
set -euo pipefail
PORT=$1
SECONDS_=${2:-15}
PID=$(ss -ltnpH "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2)
[ -n "$PID" ] || { echo "nothing listens on $PORT" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
python3 - "$TMP/lists.lua" <<'PY'
import os, sys
sys.path.insert(0, os.path.join(os.getcwd(), "bench"))
import ab
ab.lua_script(ab.list_bodies(), sys.argv[1])
PY
ticks() { # thread group, utime + stime in clock ticks, summed over the process's threads
  for task in /proc/"$PID"/task/*; do
    read -r -a stat < "$task/stat" 2>/dev/null || continue
    # comm is cut at 15 characters: "inference-0", "http-nio-127.0." (Tomcat's request threads)
    name=$(tr -d '0-9' < "$task/comm" | sed -e 's/^inference-.*/inference-workers/' -e 's/^http-nio-.*/tomcat-http/')
    echo "$name $((stat[13] + stat[14]))"
  done | awk '{t[$1] += $2} END {for (k in t) print k, t[k]}' | sort
}
ticks > "$TMP/before"
/usr/bin/time -f "%U %S" -o "$TMP/wrk-time" \
  wrk -t2 -c8 -d"${SECONDS_}s" -s "$TMP/lists.lua" "http://127.0.0.1:$PORT/analyze" > "$TMP/wrk.txt"
ticks > "$TMP/after"
HZ=$(getconf CLK_TCK)
join "$TMP/before" "$TMP/after" | awk -v s="$SECONDS_" -v hz="$HZ" \
  '{share = ($3 - $2) / hz / s * 100; if (share >= 1) printf "%-20s %6.1f %% of a core\n", $1, share}'
awk -v s="$SECONDS_" '{printf "%-20s %6.1f %% of a core\n", "wrk", ($1 + $2) / s * 100}' "$TMP/wrk-time"
awk '/Requests\/sec/ {printf "texts/s              %6.0f\n", $2 * 32}' "$TMP/wrk.txt"
