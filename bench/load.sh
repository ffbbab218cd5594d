#!/usr/bin/env bash
# Load test: bench/load.sh STORE_DIR [CLIENTS] [SECONDS]
#   starts the app (the built jar) on an embedded store loaded earlier (e.g. by bench/run.sh: /tmp/cg-bench-SIZE/online,
#   or `offline-import` into a folder), waits until it is ready (warm-up done), then runs bench/Load.java: CLIENTS
#   concurrent clients (200) over the hot read endpoints for SECONDS (60) on 127.0.0.1, and prints requests/s,
#   p50/p95/p99/max and every error. Exit code 1 when any request failed (or, with IMPORT, the import did not apply).
# Settings (environment): IMPORT (a register folder or file uploaded and imported through the API during the run),
#   CLUSTERGRAPH_ADMIN_PASSWORD (the admin's password in that store), HEAP (2g), PORT (18080), BOLT (17687),
#   JAR (target/cluster-graph-0.1.0-SNAPSHOT.jar), NEO4J_PASSWORD (the store's Bolt password when it has one).
set -euo pipefail
STORE=${1:?usage: bench/load.sh STORE_DIR [CLIENTS] [SECONDS]}
CLIENTS=${2:-200}
SECONDS_=${3:-60}
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
JAR=${JAR:-target/cluster-graph-0.1.0-SNAPSHOT.jar}
PORT=${PORT:-18080}
BOLT=${BOLT:-17687}
HEAP=${HEAP:-2g}
: "${CLUSTERGRAPH_ADMIN_PASSWORD:?set CLUSTERGRAPH_ADMIN_PASSWORD to the admin password of that store}"
LOG=$(mktemp -t cg-load-XXXX.log)
"$JAVA" -Xmx$HEAP -jar "$JAR" --clustergraph.sample.enabled=false --clustergraph.neo4j.embedded.data-dir="$STORE" \
  --clustergraph.neo4j.embedded.bolt-port=$BOLT --server.port=$PORT > "$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
t0=$(date +%s)
until curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 $PID 2>/dev/null || { echo "app died:"; tail -50 "$LOG"; exit 1; }
  sleep 0.5
done
echo "app ready in $(( $(date +%s) - t0 )) s (log $LOG)"
ARGS=("http://127.0.0.1:$PORT" --clients="$CLIENTS" --seconds="$SECONDS_")
[ -n "${IMPORT:-}" ] && ARGS+=(--import="$IMPORT" --dataset="${DATASET:-load-import}")
set +e
"$JAVA" bench/Load.java "${ARGS[@]}"
RC=$?
set -e
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
exit $RC
