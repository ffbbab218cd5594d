#!/usr/bin/env bash
# One-command scale benchmark: bench/run.sh SIZE [SEED]
#   builds the jar (SKIP_BUILD=1 to reuse target/), generates SIZE enterprises (~5 supply links each), loads them
#   online (import-register, CLI) and, unless OFFLINE=0, offline (offline-import: Neo4j's `database import full` into an
#   empty store), starts the app on the online-loaded graph (startup to ready, heap, RSS), runs bench/Bench.java (each core
#   question through the HTTP API and through the bare driver, p50/p95/ratio), then wrk on the hot read endpoints.
# Everything runs on 127.0.0.1; results go to bench/results/SIZE-DATE.md (copy the figures into docs/benchmarks.md).
# Settings (environment): REGISTER (reuse a register folder generated earlier), WORK (scratch folder, default /tmp/cg-bench-SIZE), ITER (timed calls per question, 200),
#   HEAP (-Xmx of the app, 2g), PAGE_CACHE (default 512m; 2g from 500k), WRK_SECONDS (10), WRK_CONN (8), PORT (18080), BOLT (17687).
set -euo pipefail
SIZE=${1:?usage: bench/run.sh SIZE [SEED]}
SEED=${2:-1}
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
WORK=${WORK:-/tmp/cg-bench-$SIZE}
ITER=${ITER:-200}
HEAP=${HEAP:-2g}
if [ "$SIZE" -ge 500000 ]; then PAGE_CACHE=${PAGE_CACHE:-2g}; else PAGE_CACHE=${PAGE_CACHE:-512m}; fi
WRK_SECONDS=${WRK_SECONDS:-10}
WRK_CONN=${WRK_CONN:-8}
PORT=${PORT:-18080}
BOLT=${BOLT:-17687}
OFFLINE=${OFFLINE:-1}
ONLINE=${ONLINE:-1}
JAR=$ROOT/target/cluster-graph-0.1.0-SNAPSHOT.jar
mkdir -p bench/results
OUT=$ROOT/bench/results/$SIZE-$(date -u +%Y%m%d-%H%M).md
log() { echo "[bench $(date -u +%H:%M:%S)] $*" | tee -a "$OUT.log"; }
now() { date +%s.%N; }
secs() { printf "%.1f" "$(echo "$2 - $1" | bc)"; }

if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then
  log "building"
  mvn -B -q -DskipTests package
fi
if [ ! -f target/bench.classpath ] || [ pom.xml -nt target/bench.classpath ]; then
  mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=runtime >/dev/null
fi
rm -rf "$WORK"; mkdir -p "$WORK"
# sign-in is required (issue 13): the app's first admin and the embedded Bolt password are set for this run
export CLUSTERGRAPH_ADMIN_PASSWORD="bench-admin-$RANDOM$RANDOM$RANDOM"
export NEO4J_PASSWORD="bench-bolt-$RANDOM$RANDOM$RANDOM"
# run a copy, so a rebuild during a long run cannot pull the jar from under it
cp "$JAR" "$WORK/app.jar"; JAR=$WORK/app.jar
COMMON=(--clustergraph.sample.enabled=false --clustergraph.neo4j.embedded.page-cache=$PAGE_CACHE
        --clustergraph.neo4j.embedded.bolt-port=$BOLT --server.port=$PORT --logging.file.name=$WORK/app.log)

if [ -n "${REGISTER:-}" ]; then
  # a register generated earlier with the same size and seed (generate is deterministic)
  log "reusing the register in $REGISTER"
  cp -r "$REGISTER" "$WORK/register"
  GEN_S="(reused)"
else
  log "generate --size=$SIZE --seed=$SEED"
  t0=$(now)
  "$JAVA" -jar "$JAR" generate --size="$SIZE" --seed="$SEED" --out="$WORK/register" --dataset="bench-$SIZE" | tee -a "$OUT.log"
  GEN_S=$(secs "$t0" "$(now)")s
fi
ROWS=$(( $(cat "$WORK"/register/*.csv | wc -l) - $(ls "$WORK"/register/*.csv | wc -l) ))
LINKS=$(( $(wc -l < "$WORK/register/supply_links.csv") - 1 ))

ONLINE_S=n/a; ONLINE_IMPORT_MS=
if [ "$ONLINE" = 1 ]; then
log "online load: import-register into a fresh store ($ROWS rows, $LINKS supply links)"
t0=$(now)
"$JAVA" -Xmx$HEAP -jar "$JAR" import-register --file="$WORK/register" --dataset="bench-$SIZE" "${COMMON[@]}" \
  --clustergraph.neo4j.embedded.data-dir="$WORK/online" 2>&1 | tee "$WORK/online.log" | grep -E "progress|register '|ERROR" | tee -a "$OUT.log"
ONLINE_S=$(secs "$t0" "$(now)")
ONLINE_IMPORT_MS=$(grep -o "([0-9]* ms: {validate" "$WORK/online.log" | head -1 | grep -o "[0-9]*" | head -1 || echo "")
log "online load end to end (JVM start, schema, programme, validate, write, rollups): ${ONLINE_S}s; importer ${ONLINE_IMPORT_MS} ms"
fi

OFFLINE_S=n/a
if [ "$OFFLINE" = 1 ]; then
  log "offline load: offline-import into an empty store, then first start (schema, programme, rollups)"
  t0=$(now)
  if "$JAVA" -Xmx$HEAP -jar "$JAR" offline-import --file="$WORK/register" --dataset="bench-$SIZE" "${COMMON[@]}" \
      --clustergraph.neo4j.embedded.data-dir="$WORK/offline" 2>&1 | tee "$WORK/offline.log" | grep -E "progress|offline-|IMPORT|Imported|nodes$|relationships$|ERROR" | tee -a "$OUT.log"; then
    OFFLINE_S=$(secs "$t0" "$(now)")
    log "offline load end to end: ${OFFLINE_S}s"
  else
    log "offline-import failed or not available (see $WORK/offline.log)"
  fi
fi

phases() {  # where the time of a load went, from its log
  grep -oE "CSV written in [0-9]+ ms|store written in [0-9]+ ms|Applied schema migration V[0-9]+[^ ]* \([0-9]+ statements\) in [0-9]+ ms|Indexes online in [0-9]+ ms|Import programme: .* in [0-9]+ ms|Import rules: .* in [0-9]+ ms|Rollups refreshed in [0-9]+ ms \([^)]*\)|\{validate=[^}]*\}" "$1" \
    | sed -E 's/Import (programme|rules): .* in ([0-9]+ ms)/\1 import \2/' | awk '!seen[$0]++' | paste -sd ';' -
}
[ "$ONLINE" = 1 ] && log "online phases: $(phases "$WORK/online.log")"
[ "$OFFLINE" = 1 ] && [ -d "$WORK/offline" ] && log "offline phases: $(phases "$WORK/offline.log")"

STORE_DIR=$WORK/online
[ "$ONLINE" = 1 ] || STORE_DIR=$WORK/offline
VERIFY_MD="not run (VERIFY=0; default above 100k: the live aggregation is slow)"
if [ "${VERIFY:-$([ "$SIZE" -le 100000 ] && echo 1 || echo 0)}" = 1 ]; then
  log "rollup --verify: every stored rollup against the live Cypher aggregation"
  t0=$(now)
  if "$JAVA" -Xmx$HEAP -jar "$JAR" rollup --shares=false --verify "${COMMON[@]}" --clustergraph.neo4j.embedded.data-dir="$STORE_DIR" \
      > "$WORK/verify.log" 2>&1; then VERIFY_MD="equal"; else VERIFY_MD="DIFFERENCES (see $WORK/verify.log)"; fi
  VERIFY_MD="$VERIFY_MD — $(grep -oE "rollups refreshed in [0-9]+ ms|verified against the live aggregation in [0-9]+ ms: .*" "$WORK/verify.log" | paste -sd ';' -) ($(secs "$t0" "$(now)")s with JVM start)"
  log "rollup --verify: $VERIFY_MD"
fi
log "start the app on the loaded graph ($STORE_DIR)"
t0=$(now)
"$JAVA" -Xmx$HEAP -jar "$JAR" "${COMMON[@]}" --clustergraph.neo4j.embedded.data-dir="$STORE_DIR" > "$WORK/server.out" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 $PID 2>/dev/null || { log "app died"; tail -50 "$WORK/server.out"; exit 1; }
  sleep 0.2
done
START_S=$(secs "$t0" "$(now)")
export CLUSTERGRAPH_TOKEN=$(curl -sf -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$CLUSTERGRAPH_ADMIN_PASSWORD\",\"name\":\"bench\"}" \
  "http://127.0.0.1:$PORT/api/auth/token" | sed -E 's/.*"token":"([^"]+)".*/\1/')
[ -n "$CLUSTERGRAPH_TOKEN" ] || { log "could not get an API token"; exit 1; }
log "startup to ready (warm-up included): ${START_S}s"

log "query benchmark ($ITER timed calls per question)"
CP=$(cat target/bench.classpath)
"$JAVA" -cp "$CP" bench/Bench.java "http://127.0.0.1:$PORT" "bolt://127.0.0.1:$BOLT" "$ITER" "$WORK/queries.md" | tee -a "$OUT.log"

"$JAVA_HOME/bin/jcmd" $PID GC.run >/dev/null
HEAP_USED=$("$JAVA_HOME/bin/jcmd" $PID GC.heap_info | grep -oE "used [0-9]+K" | head -1 | grep -oE "[0-9]+")
RSS=$(grep VmRSS /proc/$PID/status | grep -oE "[0-9]+")
log "heap used after full GC: $((HEAP_USED / 1024)) MiB; RSS $((RSS / 1024)) MiB"

WRK_MD="| endpoint | requests/s | p50 ms | p99 ms |\n|---|---|---|---|\n"
if command -v wrk >/dev/null; then
  ENT=$(grep -oE "enterprise used: [0-9A-Z]+" "$WORK/queries.md" | awk '{print $3}')
  for p in "/api/enterprises/$ENT" "/api/tasks/52" "/api/departments/%E5%B8%82%E7%BB%8F%E4%BF%A1%E5%B1%80" \
           "/api/chains/%E5%85%89%E7%94%B5%E9%80%9A%E4%BF%A1" "/api/gaps" "/api/search?q=%E5%85%89%E7%94%B5"; do
    r=$(wrk -t2 -c"$WRK_CONN" -d"${WRK_SECONDS}s" --latency -H "Authorization: Bearer $CLUSTERGRAPH_TOKEN" "http://127.0.0.1:$PORT$p")
    rps=$(echo "$r" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$r" | awk '$1=="50%" {print $2}')
    p99=$(echo "$r" | awk '$1=="99%" {print $2}')
    log "wrk $p: $rps req/s, p50 $p50, p99 $p99"
    WRK_MD+="| $p | $rps | $p50 | $p99 |\n"
  done
else
  WRK_MD+="| (wrk not installed: apt-get install -y wrk) | | | |\n"
fi
kill $PID; wait $PID 2>/dev/null || true
trap - EXIT
STORE=$(du -sh "$STORE_DIR/data" 2>/dev/null | cut -f1 || echo ?)

{
  echo "## $SIZE enterprises (seed $SEED), $(date -u +%Y-%m-%d)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs);"
  echo "command \`bench/run.sh $SIZE $SEED\`; heap -Xmx$HEAP, page cache $PAGE_CACHE; $ROWS register rows, $LINKS supply links; store $STORE."
  echo
  echo "| what | figure |"
  echo "|---|---|"
  echo "| generate | ${GEN_S} |"
  echo "| online load end to end (fresh store, JVM start to exit) | ${ONLINE_S}s (importer ${ONLINE_IMPORT_MS:-n/a} ms, $([ -n "$ONLINE_IMPORT_MS" ] && echo "$ROWS * 1000 / $ONLINE_IMPORT_MS" | bc) rows/s) |"
  echo "| offline load end to end (CSV + import + first start) | ${OFFLINE_S}s |"
  [ "$ONLINE" = 1 ] && echo "| online phases | $(phases "$WORK/online.log") |"
  [ "$OFFLINE" = 1 ] && [ -d "$WORK/offline" ] && echo "| offline phases | $(phases "$WORK/offline.log") |"
  echo "| rollups equal the live aggregation | $VERIFY_MD |"
  echo "| startup to ready on the loaded graph ($(basename "$STORE_DIR") store, warm-up included) | ${START_S}s |"
  echo "| heap used after full GC / RSS | $((HEAP_USED / 1024)) MiB / $((RSS / 1024)) MiB |"
  echo
  cat "$WORK/queries.md"
  echo
  echo "wrk, ${WRK_SECONDS}s each, 2 threads, $WRK_CONN connections, 127.0.0.1:"
  echo
  echo -e "$WRK_MD"
} > "$OUT"
cat "$OUT"
