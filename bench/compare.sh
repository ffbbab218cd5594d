#!/usr/bin/env bash
# Old vs new in the same run: bench/compare.sh SIZE OLD_JAR [ROUNDS]
#   Generates SIZE enterprises once, loads them with each jar into its own store (import-register), then runs
#   bench/Bench.java against the old app and the new app in turns (ROUNDS times each, default 2, alternating so drift in
#   the machine's load falls on both), and prints per question the best p50/p95 of each and new/old. The old jar is any
#   earlier build (e.g. `git stash; mvn -DskipTests package; cp target/*.jar /tmp/old.jar`); the new one is target/.
#   Apps without sign-in (before issue 13) are called without a token. Results: bench/results/compare-SIZE-DATE.md.
#   Besides wall time, Bench measures the app process's own CPU time per call (all threads, embedded Neo4j included), which
#   other load on the machine disturbs far less than latency: the fairer old/new reading on a busy machine.
set -euo pipefail
SIZE=${1:?usage: bench/compare.sh SIZE OLD_JAR [ROUNDS]}
OLD=${2:?usage: bench/compare.sh SIZE OLD_JAR [ROUNDS]}
ROUNDS=${3:-2}
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
WORK=${WORK:-/tmp/cg-compare-$SIZE}
ITER=${ITER:-200}
HEAP=${HEAP:-2g}
PORT=${PORT:-18080}
BOLT=${BOLT:-17687}
if [ "$SIZE" -ge 500000 ]; then PAGE_CACHE=${PAGE_CACHE:-2g}; else PAGE_CACHE=${PAGE_CACHE:-512m}; fi
NEW=$ROOT/target/cluster-graph-0.1.0-SNAPSHOT.jar
[ "${SKIP_BUILD:-0}" = 1 ] && [ -f "$NEW" ] || mvn -B -q -DskipTests package
if [ ! -f target/bench.classpath ] || [ pom.xml -nt target/bench.classpath ]; then
  mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=runtime >/dev/null
fi
CP=$(cat target/bench.classpath)
# REUSE=1 keeps the stores of an earlier run in WORK (same SIZE, jars and passwords file) and only measures again
if [ "${REUSE:-0}" != 1 ]; then rm -rf "$WORK"; fi
mkdir -p "$WORK" bench/results
cp "$OLD" "$WORK/old.jar"; cp "$NEW" "$WORK/new.jar"
OUT=$ROOT/bench/results/compare-$SIZE-$(date -u +%Y%m%d-%H%M).md
log() { echo "[compare $(date -u +%H:%M:%S)] $*"; }
[ -f "$WORK/passwords" ] || echo "bench-admin-$RANDOM$RANDOM$RANDOM bench-bolt-$RANDOM$RANDOM$RANDOM" > "$WORK/passwords"
read -r ADMIN_PASSWORD BOLT_PASSWORD < "$WORK/passwords"
COMMON=(--clustergraph.sample.enabled=false --clustergraph.neo4j.embedded.page-cache=$PAGE_CACHE
        --clustergraph.neo4j.embedded.bolt-port=$BOLT --server.port=$PORT)

# each version with the environment it expects: the new one signs in (admin and Bolt passwords), the old one has none;
run_as() {  # run_as old|new COMMAND...
  local v=$1; shift
  if [ "$v" = new ]; then env CLUSTERGRAPH_ADMIN_PASSWORD="$ADMIN_PASSWORD" NEO4J_PASSWORD="$BOLT_PASSWORD" "$@"
  else env -u CLUSTERGRAPH_ADMIN_PASSWORD -u NEO4J_PASSWORD "$@"; fi
}

if [ "${REUSE:-0}" != 1 ]; then
log "generate --size=$SIZE"
"$JAVA" -jar "$WORK/new.jar" generate --size="$SIZE" --seed=1 --out="$WORK/register" --dataset="bench-$SIZE" > "$WORK/generate.log"
for v in old new; do
  log "load into the $v store"
  run_as $v "$JAVA" -Xmx$HEAP -jar "$WORK/$v.jar" import-register --file="$WORK/register" --dataset="bench-$SIZE" "${COMMON[@]}" \
    --clustergraph.neo4j.embedded.data-dir="$WORK/$v-store" --logging.file.name="$WORK/$v-load.log" > "$WORK/$v-load.out" 2>&1
done
fi
rm -f "$WORK"/old-[0-9]*.md "$WORK"/new-[0-9]*.md

for r in $(seq 1 "$ROUNDS"); do
  for v in old new; do
    log "round $r: $v"
    run_as $v "$JAVA" -Xmx$HEAP -jar "$WORK/$v.jar" "${COMMON[@]}" --clustergraph.neo4j.embedded.data-dir="$WORK/$v-store" \
      > "$WORK/$v-server-$r.out" 2>&1 &
    PID=$!
    until curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; do
      kill -0 $PID 2>/dev/null || { log "$v app died"; tail -30 "$WORK/$v-server-$r.out"; exit 1; }
      sleep 0.2
    done
    TOKEN=
    if [ "$v" = new ]; then
      TOKEN=$(curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\",\"name\":\"compare\"}" \
        "http://127.0.0.1:$PORT/api/auth/token" | sed -E 's/.*"token":"([^"]+)".*/\1/')
    fi
    CLUSTERGRAPH_TOKEN=$TOKEN run_as $v "$JAVA" -cp "$CP" bench/Bench.java "http://127.0.0.1:$PORT" "bolt://127.0.0.1:$BOLT" "$ITER" \
      "$WORK/$v-$r.md" ${ONLY:+"$ONLY"} > "$WORK/$v-bench-$r.out" 2>&1 || { log "bench failed"; tail -20 "$WORK/$v-bench-$r.out"; kill $PID; exit 1; }
    # $! is the subshell of run_as; the JVM is its child
    pkill -f -- "-jar $WORK/$v.jar" || true; kill $PID 2>/dev/null || true
    while curl -s -o /dev/null "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null; do sleep 0.5; done
  done
done

# per question and version: the best p50 and p95 over the rounds, and the API/floor ratio of that round
awk -F'|' '
  FNR == 1 { split(FILENAME, a, "/"); v = a[length(a)]; sub(/-[0-9]+\.md$/, "", v) }
  $2 ~ /[a-z]/ && $3 ~ /^ *[0-9.]+ *$/ {
    q = $2; gsub(/^ +| +$/, "", q); p50 = $3 + 0; p95 = $4 + 0; ratio = $7 + 0; cpu = $8 + 0
    if (!(q in order)) { order[q] = ++n; names[n] = q }
    if (!((v, q) in b50) || p50 < b50[v, q]) { b50[v, q] = p50; br[v, q] = ratio }
    if (!((v, q) in b95) || p95 < b95[v, q]) b95[v, q] = p95
    if (cpu > 0 && (!((v, q) in bc) || cpu < bc[v, q])) bc[v, q] = cpu
  }
  END {
    print "| question | old p50 | old p95 | new p50 | new p95 | new/old p95 | old API/floor | new API/floor | old CPU ms | new CPU ms | new/old CPU |"
    print "|---|---|---|---|---|---|---|---|---|---|---|"
    for (i = 1; i <= n; i++) { q = names[i]
      printf "| %s | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n", q, b50["old", q], b95["old", q], b50["new", q], b95["new", q],
             (b95["old", q] > 0 ? b95["new", q] / b95["old", q] : 0), br["old", q], br["new", q], bc["old", q], bc["new", q],
             (bc["old", q] > 0 ? bc["new", q] / bc["old", q] : 0) }
  }' $(ls "$WORK"/old-*.md "$WORK"/new-*.md) > "$WORK/table.md"
{
  echo "## old vs new at $SIZE enterprises, $(date -u +%Y-%m-%d)"
  echo
  echo "\`bench/compare.sh $SIZE $(basename "$OLD") $ROUNDS\`: $ROUNDS alternating rounds of $ITER timed calls per question; best of the rounds; $(nproc) cores."
  echo
  cat "$WORK/table.md"
} > "$OUT"
cat "$OUT"
