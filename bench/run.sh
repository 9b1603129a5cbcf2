#!/usr/bin/env bash
# skillgraph against the stock Apache Jena 5.6.0 tools, side by side in one run, on the same synthetic data:
# ingest vs tdb2.tdbloader (phased), re-import of one document, dereference and SPARQL vs jena-fuseki-server,
# memory, start-up, and growth at 100, 300 and 1,000 occupations. Prints one table and writes BENCHMARKS.md.
#
#   bench/run.sh                     # the whole benchmark (30–45 minutes on a 2-core machine)
#
# Settings (environment): BENCH_WORK (work folder, default /tmp/skillgraph-bench: corpora, stores, dumps,
# the stock jars), SKILLGRAPH_JAR (a built jar; default: build one into BENCH_WORK), BENCH_SIZES (default
# "100 300 1000"; the last is the full size), BENCH_SECONDS (wrk duration, default 30), BENCH_WARMUP (wrk warm-up before each measured run, default 30),
# BENCH_GROWTH_ROUNDS (how many times the dereference growth is measured at the first and the full size, default 3), BENCH_SEED (corpus seed,
# default 1), BENCH_OUT (the report, default BENCHMARKS.md). Needs java 17, mvn, wrk, curl, pgrep and /usr/bin/time
# (Debian: apt-get install wrk time procps). Only loopback addresses are used; every process it starts it stops.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=${BENCH_WORK:-/tmp/skillgraph-bench}
SIZES=(${BENCH_SIZES:-100 300 1000})
SECONDS_LOAD=${BENCH_SECONDS:-30}
WARMUP=${BENCH_WARMUP:-30}
ROUNDS=${BENCH_GROWTH_ROUNDS:-3}
SEED=${BENCH_SEED:-1}
OUT=${BENCH_OUT:-$ROOT/BENCHMARKS.md}
BASE=http://localhost:3030/
PORT_OURS=3391
PORT_STOCK=3392
# the JIT flags the README gives 'ingest' (inlining less: about half of C2's compiling in a run this long, see
# bench/notes.md, "Ingest"), given to the stock loader too, which gains from them a little: the same JVM for both
INGEST_JIT=(-XX:FreqInlineSize=100 -XX:InlineSmallCode=500)
INGEST_JVM=(-Xmx2g "${INGEST_JIT[@]}")
SMALL_HEAP=256m
PACE_MS=8      # 16 connections each pausing 8 ms: about 1,900 requests/s, three times the stock DESCRIBE's peak
# both servers: the heap the issue names, and the native memory the JVM has freed handed back to the system once a
# second (the stock server's 5 MB response buffers, freed only when the collector clears them, otherwise stay with
# glibc; skillgraph pools them: see the README, "The server"), and the pause goal the README's main command gives
# (G1 refines the old generation's cards between collections instead of in its pauses, which every request waits out)
SERVER_JVM=(-Xmx512m -XX:TrimNativeHeapInterval=1000 -XX:MaxGCPauseMillis=20)
FULL=${SIZES[${#SIZES[@]}-1]}
RESULTS=$WORK/results.tsv
LOGS=$WORK/logs

for tool in java mvn wrk curl pgrep /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench: '$tool' is missing (Debian: apt-get install wrk time procps maven)" >&2; exit 2; }
done
mkdir -p "$WORK" "$LOGS"
: > "$RESULTS"
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---- tools ------------------------------------------------------------------------------------------------
JAR=${SKILLGRAPH_JAR:-}
if [[ -z $JAR ]]; then
  log "building skillgraph into $WORK/build"
  mvn -q -DskipTests -DbuildDir="$WORK/build" package
  JAR=$WORK/build/skillgraph.jar
fi
# the class-data archive the build writes beside the jar (`class-data`), which the README's main command names
built_jsa=${JAR%.jar}.jsa
if [[ ! -s $built_jsa ]]; then
  log "writing the jar's class-data archive $built_jsa"
  java -jar "$JAR" class-data --out "$built_jsa" 2> "$LOGS/class-data.err"
fi
log "building the JMH micro-benchmarks (bench/jmh) against $JAR"
mvn -q -f bench/jmh/pom.xml -Dskillgraph.jar="$JAR" package
JMH_JAR=bench/jmh/target/benchmarks.jar
TOKEN_FILE=$WORK/import.token   # the running server's import token (POST /import)
od -An -N24 -tx1 /dev/urandom | tr -d ' \n' > "$TOKEN_FILE"
TOOLS=$WORK/tools
if [[ ! -f $TOOLS/jena-fuseki-server-5.6.0.jar || ! -d $TOOLS/cmds ]]; then
  log "fetching the stock Jena 5.6.0 tools from Maven Central into $TOOLS"
  mvn -q -f bench/stock-tools.pom.xml dependency:copy-dependencies -DoutputDirectory="$TOOLS/cmds"
  mvn -q dependency:copy -Dartifact=org.apache.jena:jena-fuseki-server:5.6.0 -DoutputDirectory="$TOOLS"
fi
CMDS=("$TOOLS/cmds/*")
bench_tool() { java -cp "$JAR" bench/BenchTool.java "$@"; }

# ---- helpers ----------------------------------------------------------------------------------------------
# median_s FILE: the median of the second column of the last 10 lines ("status seconds" per line)
median_s() { tail -n 10 "$1" | awk '{print $2}' | sort -n | awk '{a[NR]=$1} END{printf "%.3f", (a[5]+a[6])/2}'; }
# median5 FILE: the median of the second column of its 5 lines
median5() { awk '{print $2}' "$1" | sort -n | sed -n 3p; }
# median NUMBER...: the median of its arguments
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END{ if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
# status_counts FILE: "10×200" and the like, from the first column of the last 10 lines
status_counts() { tail -n 10 "$1" | awk '{print $1}' | sort | uniq -c | awk '{printf "%s%s×%s", (NR>1?" ":""), $1, $2}'; }
# record GROUP MEASURE OURS STOCK UNIT BETTER(lower|higher|-) TARGET MET(yes|no|-)
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$RESULTS"; }
# timed NAME CMD...: runs CMD under /usr/bin/time; sets T_WALL (s), T_RSS (MB), T_CPU (s)
timed() {
  local name=$1; shift
  /usr/bin/time -f '%e %M %U %S' -o "$LOGS/$name.time" "$@" > "$LOGS/$name.out" 2> "$LOGS/$name.err" || {
    failed "$name"; return 1; }
  time_figures "$name"
}
# failed NAME: says that run NAME failed, with the end of what it wrote to stderr
failed() { echo "bench: $1 failed (see $LOGS/$1.err)" >&2; tail -5 "$LOGS/$1.err" >&2; }
# time_figures NAME: T_WALL, T_RSS and T_CPU from what /usr/bin/time wrote of run NAME
time_figures() {
  read -r T_WALL T_RSS_KB T_USER T_SYS < <(tail -1 "$LOGS/$1.time")
  T_RSS=$((T_RSS_KB / 1024))
  T_CPU=$(awk -v u="$T_USER" -v s="$T_SYS" 'BEGIN{printf "%.1f", u+s}')
}
# timed_threads NAME CMD...: as timed, and reads every second the CPU time of each thread of the process CMD starts
# (/proc/PID/task/*/stat, user + system), keeping each thread's last reading (so a thread's last second is not
# counted); sets T_THREADS to the CPU seconds by kind of thread: "JIT" (the C1 and C2 compilers), "GC" (G1's
# threads), "JVM" (the JVM's other threads), and each other thread name ("java" is the main thread; numbered names
# such as Thread-3 are counted together as Thread-N), the largest first
timed_threads() {
  local name=$1; shift
  /usr/bin/time -f '%e %M %U %S' -o "$LOGS/$name.time" "$@" > "$LOGS/$name.out" 2> "$LOGS/$name.err" &
  local timer=$! pid= status=0
  for _ in $(seq 1 200); do pid=$(pgrep -P "$timer" | head -1 || true); [[ -n $pid ]] && break; sleep 0.02; done
  : > "$LOGS/$name.tasks"
  while [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; do
    cat /proc/"$pid"/task/*/stat >> "$LOGS/$name.tasks" 2>/dev/null || true
    sleep 1
  done
  wait "$timer" || status=$?
  if [[ $status != 0 ]]; then failed "$name"; return 1; fi
  time_figures "$name"
  T_THREADS=$(awk -v hz="$(getconf CLK_TCK)" '
    { tid = $1; match($0, /\(.*\)/); name = substr($0, RSTART + 1, RLENGTH - 2)
      split(substr($0, RSTART + RLENGTH + 1), f, " "); cpu[tid] = f[12] + f[13]; kind[tid] = name }
    END {
      for (t in cpu) {
        k = kind[t]
        if (k ~ /^C[12] CompilerThre/) k = "JIT"
        else if (k ~ /^(GC Thread|G1 )/) k = "GC"
        else if (k ~ /^(VM |Sweeper|Signal|Common-Cleaner|Reference|Finalizer|Service Thread|Monitor Deflati|Notification|Attach)/) k = "JVM"
        else if (k ~ /^Thread-[0-9]+$/) k = "Thread-N"
        sum[k] += cpu[t]
      }
      for (k in sum) if (sum[k] >= hz / 10) printf "%.1f %s\n", sum[k] / hz, k
    }' "$LOGS/$name.tasks" | sort -rn | awk '{v = $1; sub(/^[^ ]+ /, ""); printf "%s%s %s", (NR > 1 ? " · " : ""), $0, v}')
  [[ -n $T_THREADS ]] || T_THREADS=-   # the process ended before it could be read
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b+0 == 0) print "-"; else printf "%.2f", a/b }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN{ print (a+0 <= b+0) ? "yes" : "no" }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN{ print (a+0 >= b+0) ? "yes" : "no" }'; }
min() { awk -v a="$1" -v b="$2" 'BEGIN{ print (a+0 <= b+0) ? a : b }'; }

SERVER_PID=
stop_server() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}
STOCK_PID=
trap 'stop_server; SERVER_PID=$STOCK_PID; stop_server' EXIT

# start_server NAME PROBE_URL CMD...: starts CMD in the background, sets SERVER_PID and READY_MS (launch to
# the first 200/303 answer to PROBE_URL)
start_server() {
  local name=$1 probe=$2; shift 2
  local t0; t0=$(date +%s%N)
  "$@" > "$LOGS/$name.out" 2> "$LOGS/$name.err" &
  SERVER_PID=$!
  for _ in $(seq 1 3000); do
    local code; code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$probe" || true)
    if [[ $code == 200 || $code == 303 ]]; then
      READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
      return 0
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "bench: $name died (see $LOGS/$name.err)" >&2; return 1; }
    sleep 0.02
  done
  echo "bench: $name not ready after 60 s" >&2; return 1
}
peak_rss_mb() { awk '/VmHWM/ {printf "%d", $2/1024}' "/proc/$SERVER_PID/status"; }
# "heap etc. + mapped store files" of the resident set now, in MB
rss_split() { awk '/RssAnon/ {a=$2} /RssFile/ {f=$2} END {printf "%d + %d", a/1024, f/1024}' "/proc/$SERVER_PID/status"; }

# CPU time (user + system) the server process has used so far, in milliseconds
server_cpu_ms() { awk -v t="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / t}' "/proc/$SERVER_PID/stat"; }

# load NAME PORT PATHS [ACCEPT] (with LOAD_ENCODING set, that Accept-Encoding too): BENCH_WARMUP seconds of the
# same load first (on a fresh server the JIT compilers are still at work and G1 still sizing its heap: 5 s into the
# load skillgraph answered 2,000-2,300 descriptions/s with a p99 of 50-85 ms, after 30 s 4,800-5,500/s with
# 19-20 ms; the stock server 337/s after 5 s and 348/s after 30 s), then BENCH_SECONDS under wrk (2 threads, 16
# connections); sets L_RPS L_P50 L_P99 L_ERR, L_BYTES (bytes received per response, headers included), and
# L_CPU: the server's CPU milliseconds per request (a figure that other work on the machine disturbs far less
# than throughput and latency)
# With PAUSE_MS, every connection waits that long between a response and its next request (bench/deref-paced.lua):
# the latency at a given rate rather than flat out.
load() {
  local name=$1 port=$2 paths=$3 accept=${4:-} pause=${5:-}
  local script=(-s bench/deref.lua) extra=("$accept")
  if [[ -n $pause ]]; then script=(-s bench/deref-paced.lua); extra=("$accept" "$pause"); fi
  BENCH_ACCEPT_ENCODING="${LOAD_ENCODING:-}" wrk -t2 -c16 -d"${WARMUP}s" --latency "${script[@]}" \
    "http://127.0.0.1:$port" -- "$paths" "${extra[@]}" > "$LOGS/wrk-$name-warmup.out"
  local wline; wline=$(grep '^RESULT' "$LOGS/wrk-$name-warmup.out")
  W_FIGURES="$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<< "$wline") req/s, p99 $(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<< "$wline") ms"
  local cpu0; cpu0=$(server_cpu_ms)
  BENCH_ACCEPT_ENCODING="${LOAD_ENCODING:-}" wrk -t2 -c16 -d"${SECONDS_LOAD}s" --latency "${script[@]}" \
    "http://127.0.0.1:$port" -- "$paths" "${extra[@]}" > "$LOGS/wrk-$name.out"
  local cpu1; cpu1=$(server_cpu_ms)
  local line; line=$(grep '^RESULT' "$LOGS/wrk-$name.out")
  L_RPS=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<< "$line")
  L_P50=$(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<< "$line")
  L_P99=$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<< "$line")
  L_BYTES=$(sed -E 's/.*bytes_per_response=([0-9]+).*/\1/' <<< "$line")
  L_ERR=$(awk '{for(i=1;i<=NF;i++){split($i,kv,"="); if(kv[1]=="errors"||kv[1]=="status_errors") s+=kv[2]}} END{print s+0}' <<< "$line")
  local requests; requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<< "$line")
  L_CPU=$(awk -v a="$cpu0" -v b="$cpu1" -v r="$requests" 'BEGIN{ if (r > 0) printf "%.2f", (b - a) / r; else print "-" }')
  log "  $name: $L_RPS req/s, p50 $L_P50 ms, p99 $L_P99 ms, $L_CPU ms CPU per request, $L_ERR errors"
}

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
STAT_START=$(head -1 /proc/stat)
log "work folder $WORK; sizes ${SIZES[*]}; load average at start $LOAD_START"

# ---- corpus, ingest, stock load ---------------------------------------------------------------------------
declare -A P50_OURS P50_STOCK CPU_OURS CPU_STOCK ERR_OURS INGEST_S INGEST_RSS LOADER_S LOADER_RSS QUADS P99_OURS P99_STOCK
for n in "${SIZES[@]}"; do
  corpus=$WORK/corpus-$n
  rm -rf "$corpus" "$WORK/store-$n" "$WORK/stock-$n"
  java -jar "$JAR" synth --occupations "$n" --seed "$SEED" --out "$corpus" 2> "$LOGS/synth-$n.err"
  runs=1; [[ $n == "$FULL" ]] && runs=2
  best_ours=; best_stock=
  for r in $(seq 1 $runs); do
    rm -rf "$WORK/store-$n" "$WORK/stock-$n"
    log "ingest $n occupations (run $r of $runs)"
    timed_threads "ingest-$n-$r" java "${INGEST_JVM[@]}" -jar "$JAR" ingest --store "$WORK/store-$n" "$corpus"
    ours_s=$T_WALL; ours_rss=$T_RSS; ours_cpu=$T_CPU; ours_threads=$T_THREADS
    if [[ $r == 1 ]]; then
      log "export the store as N-Quads (stock tdb2.tdbdump)"
      java -cp "${CMDS[*]}" tdb2.tdbdump --loc "$WORK/store-$n" > "$WORK/dump-$n.nq" 2> "$LOGS/dump-$n.err"
      QUADS[$n]=$(wc -l < "$WORK/dump-$n.nq")
    fi
    log "tdb2.tdbloader --loader=phased: ${QUADS[$n]} quads into an empty store"
    timed_threads "tdbloader-$n-$r" java "${INGEST_JVM[@]}" -cp "${CMDS[*]}" tdb2.tdbloader --loader=phased \
      --loc "$WORK/stock-$n" "$WORK/dump-$n.nq"
    stock_s=$T_WALL; stock_rss=$T_RSS; stock_cpu=$T_CPU; stock_threads=$T_THREADS
    log "  ours ${ours_s} s (cpu ${ours_cpu} s, ${ours_rss} MB; $ours_threads); tdbloader ${stock_s} s (cpu ${stock_cpu} s, ${stock_rss} MB; $stock_threads)"
    if [[ -z $best_ours ]] || awk -v a="$ours_s" -v b="$best_ours" 'BEGIN{exit !(a<b)}'; then
      best_ours=$ours_s; INGEST_RSS[$n]=$ours_rss; ours_cpu_best=$ours_cpu; ours_threads_best=$ours_threads; fi
    if [[ -z $best_stock ]] || awk -v a="$stock_s" -v b="$best_stock" 'BEGIN{exit !(a<b)}'; then
      best_stock=$stock_s; LOADER_RSS[$n]=$stock_rss; stock_cpu_best=$stock_cpu; stock_threads_best=$stock_threads; fi
  done
  INGEST_S[$n]=$best_ours; LOADER_S[$n]=$best_stock
  if grep -q '[1-9][0-9]* rejected' "$LOGS/ingest-$n-1.err"; then echo "bench: documents were rejected" >&2; exit 1; fi
  flagged=$(grep -oE '[0-9]+ (value\(s\) flagged for review|warning\(s\))' "$LOGS/ingest-$n-1.err" | head -1 | cut -d' ' -f1)
  if [[ $n == "$FULL" ]]; then
    rec_ratio=$(ratio "${INGEST_S[$n]}" "${LOADER_S[$n]}")
    record ingest "ingest $n occupations end to end (read, map, SHACL, TDB2 + text index, change feed, dumps), s" "${INGEST_S[$n]}" \
      "${LOADER_S[$n]}" s lower "≤ 60 s and ratio ≤ 1.0" \
      "$( [[ $(le "${INGEST_S[$n]}" 60) == yes && $(le "$rec_ratio" 1.0) == yes ]] && echo yes || echo no)"
    record ingest "ingest $n occupations, CPU time (user + sys), s" "$ours_cpu_best" "$stock_cpu_best" s lower - -
    record ingest "ingest $n occupations, CPU time by thread (/proc, read every second; java: the main thread, skillgraph's storing thread; skillgraph-chec…: reading, mapping, SHACL and dump parts; Thread-N: the loader's workers; JIT: the compilers; GC: G1), s" \
      "$ours_threads_best" "$stock_threads_best" - - - -
    record ingest "ingest $n occupations, documents flagged / rejected" "${flagged:-0} / 0" - - - - -
  fi
done

# memory flat in N: the import of every size completes in the same small heap (RSS is reported too, but it
# also counts the pages of the store's memory-mapped files, which grow with the store)
first=${SIZES[0]}
small_heap=(); all_fit=yes
for n in "${SIZES[@]}"; do
  log "ingest $n occupations in a fixed heap of ${SMALL_HEAP}"
  rm -rf "$WORK/heap-$n"
  if timed "ingest-small-heap-$n" java -Xmx"$SMALL_HEAP" "${INGEST_JIT[@]}" -jar "$JAR" ingest --store "$WORK/heap-$n" "$WORK/corpus-$n"; then
    small_heap+=("$T_WALL s"); else small_heap+=("failed"); all_fit=no; fi
  rm -rf "$WORK/heap-$n"
done
record memory "ingest in a fixed ${SMALL_HEAP} heap at ${SIZES[*]} occupations (completes; wall time)" \
  "$(IFS=/; echo "${small_heap[*]}" | sed 's|/| / |g')" - - - "flat in N: the same heap at every size" "$all_fit"
record memory "ingest vs loader: peak RSS at ${SIZES[*]} occupations (heap + mapped store files; ${INGEST_JVM[*]}), MB" \
  "$(for n in "${SIZES[@]}"; do printf '%s ' "${INGEST_RSS[$n]}"; done | sed 's/ $//')" \
  "$(for n in "${SIZES[@]}"; do printf '%s ' "${LOADER_RSS[$n]}"; done | sed 's/ $//')" MB lower - -

# ---- re-import of one changed document into the full store ------------------------------------------------
full=$WORK/store-$FULL
pages=("$WORK/corpus-$FULL"/*.txt)
page=${pages[0]}
mkdir -p "$WORK/changed" "$WORK/original"
cp "$page" "$WORK/original/"
sed -E 's/^(Task observations: )([0-9]+)$/\1999999/' "$page" > "$WORK/changed/$(basename "$page")"
log "re-import one changed document ($(basename "$page")) into the full store"
# five runs, the changed and the original document in turn (each replaces the other), the median reported: one run
# of a few seconds moves by a few tenths with what else the host runs; the store holds the changed one after
: > "$LOGS/reimport-cli.runs"
for run in 1 2 3 4 5; do
  version=$([[ $((run % 2)) == 1 ]] && echo changed || echo original)
  timed reimport-cli-$run java "${INGEST_JVM[@]}" -jar "$JAR" ingest --store "$full" "$WORK/$version/$(basename "$page")"
  grep -q ' 1 updated' "$LOGS/reimport-cli-$run.err" || { echo "bench: re-import $run did not update the document" >&2; exit 1; }
  echo "$version $T_WALL" >> "$LOGS/reimport-cli.runs"
done
reimport_cli=$(median5 "$LOGS/reimport-cli.runs")
# the same with the build's class-data archive (the classes of Jena, SHACL, Lucene and the readers mapped, not loaded),
# the store holding the changed document: the original first, and the changed one again after the fifth
: > "$LOGS/reimport-cli-cds.runs"
for run in 1 2 3 4 5 6; do
  version=$([[ $((run % 2)) == 1 ]] && echo original || echo changed)
  timed reimport-cli-cds-$run java "${INGEST_JVM[@]}" -XX:SharedArchiveFile="$built_jsa" -jar "$JAR" ingest \
    --store "$full" "$WORK/$version/$(basename "$page")"
  grep -q ' 1 updated' "$LOGS/reimport-cli-cds-$run.err" || { echo "bench: re-import $run did not update the document" >&2; exit 1; }
  [[ $run == 6 ]] || echo "$version $T_WALL" >> "$LOGS/reimport-cli-cds.runs"
done
reimport_cli_cds=$(median5 "$LOGS/reimport-cli-cds.runs")
bench_tool reimport "$full" "$BASE" "$WORK/changed/$(basename "$page")" "$WORK/original/$(basename "$page")" 10 \
  > "$LOGS/reimport-inprocess.out" 2> "$LOGS/reimport-inprocess.err"
reimport_ms=$(sed -E 's/.*reimport_ms_p50=([0-9.]+).*/\1/' "$LOGS/reimport-inprocess.out")
# stock: the same document's triples replacing its graph with tdb2.tdbupdate (DROP GRAPH + LOAD)
header=$(grep -m1 '^SOC ' "$page")   # "SOC 29-2011.00Job Zone 4 · …v.26.05"
graph="<${BASE}graph/$(grep -oE '[0-9]{2}-[0-9]{4}\.[0-9]{2}' <<< "$header")/$(grep -oE 'v\.[0-9.]*[0-9]$' <<< "$header")>"
grep -F " $graph ." "$WORK/dump-$FULL.nq" | sed -E "s| $graph \.$| .|" > "$WORK/one-graph.nt"
cp -r "$WORK/stock-$FULL" "$WORK/stock-update"
: > "$LOGS/reimport-stock.runs"
for run in 1 2 3 4 5; do
  timed reimport-stock-$run java "${INGEST_JVM[@]}" -cp "${CMDS[*]}" tdb2.tdbupdate --loc "$WORK/stock-update" \
    "DROP GRAPH $graph ; LOAD <file://$WORK/one-graph.nt> INTO GRAPH $graph"
  echo "stock $T_WALL" >> "$LOGS/reimport-stock.runs"
done
reimport_stock=$(median5 "$LOGS/reimport-stock.runs")
rm -rf "$WORK/stock-update"
record ingest "re-import one changed document into the full store, command line (JVM start included; median of 5), s" \
  "$reimport_cli" "$reimport_stock" s lower "≤ 1 s" "$(le "$reimport_cli" 1)"
record ingest "re-import as above, with the class-data archive the build writes (-XX:SharedArchiveFile=target/skillgraph.jsa), against the stock tool without one (median of 5), s" \
  "$reimport_cli_cds" "$reimport_stock" s lower "≤ 1 s" "$(le "$reimport_cli_cds" 1)"
record ingest "re-import one changed document, in a running process (library calls) (median of 10), s" \
  "$(awk -v m="$reimport_ms" 'BEGIN{printf "%.3f", m/1000}')" - s lower "≤ 1 s" "$(le "$reimport_ms" 1000)"

# ---- compaction: what a deployment does after a large import, before serving --------------------------------
db_mb() { du -smc "$1"/Data-* | tail -1 | cut -f1; }
for n in "${SIZES[@]}"; do
  before=$(db_mb "$WORK/store-$n")
  log "skillgraph compact the store of $n occupations ($before MB)"
  timed "compact-$n" java "${INGEST_JVM[@]}" -jar "$JAR" compact --store "$WORK/store-$n"
  if [[ $n == "$FULL" ]]; then
    record store "TDB2 database of $n occupations on disk: after ingest → after skillgraph compact (time), vs the loader's, MB" \
      "$before → $(db_mb "$WORK/store-$n") ($T_WALL s)" "$(db_mb "$WORK/stock-$n")" MB lower - -
  fi
done

# ---- servers (on the compacted stores; the stock server on a copy of each) -----------------------------------
for n in "${SIZES[@]}"; do
  store=$WORK/store-$n
  copy=$WORK/stock-copy-$n
  paths=$WORK/paths-$n
  log "sampling URIs across the store of $n occupations"
  bench_tool uris "$store" "$BASE" "$paths" 20000 "$SEED" > "$LOGS/uris-$n.out" 2> "$LOGS/uris-$n.err"
  rm -rf "$copy"; cp -r "$store" "$copy"; rm -f "$copy/tdb.lock" "$copy"/Data-*/tdb.lock
  sed "s|@STORE@|$copy|g" bench/fuseki-stock.ttl > "$WORK/fuseki-$n.ttl"
  probe_ours="http://127.0.0.1:$PORT_OURS$(head -1 "$paths/ours-ttl.txt")"
  probe_stock="http://127.0.0.1:$PORT_STOCK$(head -1 "$paths/stock-describe.txt")"

  log "skillgraph serve on $n occupations (${SERVER_JVM[*]})"
  start_server "serve-ours-$n" "$probe_ours" java "${SERVER_JVM[@]}" -jar "$JAR" serve --store "$store" \
    --port "$PORT_OURS" --host 127.0.0.1
  load "ours-ttl-$n" "$PORT_OURS" "$paths/ours-ttl.txt"
  ttl_rps=$L_RPS ttl_p50=$L_P50 ttl_p99=$L_P99 ttl_cpu=$L_CPU errors_ours=$L_ERR warm_ours=$W_FIGURES
  P99_OURS[$n]=$L_P99 P50_OURS[$n]=$L_P50 CPU_OURS[$n]=$L_CPU ERR_OURS[$n]=$L_ERR
  if [[ $n == "$FULL" ]]; then
    load "ours-id-$n" "$PORT_OURS" "$paths/ours-id.txt" text/turtle
    id_rps=$L_RPS id_p50=$L_P50 id_p99=$L_P99 id_cpu=$L_CPU errors_ours=$((errors_ours + L_ERR))
    load "ours-html-$n" "$PORT_OURS" "$paths/ours-html.txt"
    html_rps=$L_RPS html_p50=$L_P50 html_p99=$L_P99 html_cpu=$L_CPU errors_ours=$((errors_ours + L_ERR))
    ttl_bytes=$(sed -E 's/.*bytes_per_response=([0-9]+).*/\1/' <<< "$(grep '^RESULT' "$LOGS/wrk-ours-ttl-$n.out")")
    # the same descriptions to a client that accepts gzip, as browsers and most HTTP libraries do (the stock
    # server does not compress, and the rows above ask as it is asked: without Accept-Encoding)
    LOAD_ENCODING=gzip load "ours-ttl-gzip-$n" "$PORT_OURS" "$paths/ours-ttl.txt"
    gzip_ttl="$L_RPS req/s: $L_P50 / $L_P99 ms, $L_CPU ms CPU, $L_BYTES bytes" errors_ours=$((errors_ours + L_ERR))
    # the same requests at about three times the stock server's peak rate, instead of flat out
    load "ours-ttl-paced-$n" "$PORT_OURS" "$paths/ours-ttl.txt" "" "$PACE_MS"
    paced_ttl="$L_RPS req/s: $L_P50 / $L_P99" paced_ttl_p99=$L_P99 errors_ours=$((errors_ours + L_ERR))
    load "ours-html-paced-$n" "$PORT_OURS" "$paths/ours-html.txt" "" "$PACE_MS"
    paced_html="$L_RPS req/s: $L_P50 / $L_P99" paced_html_p99=$L_P99 errors_ours=$((errors_ours + L_ERR))
    rss_ours=$(peak_rss_mb) split_ours=$(rss_split)
    server_exceptions=$(grep -c 'Exception\|ERROR' "$LOGS/serve-ours-$n.err" || true)
  fi
  stop_server

  log "stock jena-fuseki-server 5.6.0 on a copy of the same store (${SERVER_JVM[*]})"
  start_server "serve-stock-$n" "$probe_stock" java "${SERVER_JVM[@]}" -jar "$TOOLS/jena-fuseki-server-5.6.0.jar" \
    --config="$WORK/fuseki-$n.ttl" --port="$PORT_STOCK" --localhost --timeout=30000
  load "stock-describe-$n" "$PORT_STOCK" "$paths/stock-describe.txt" text/turtle
  warm_stock=$W_FIGURES
  P99_STOCK[$n]=$L_P99 P50_STOCK[$n]=$L_P50 CPU_STOCK[$n]=$L_CPU
  if [[ $n == "$FULL" ]]; then
    rss_stock=$(peak_rss_mb) split_stock=$(rss_split)
    d_rps=$L_RPS d_p50=$L_P50 d_p99=$L_P99 d_cpu=$L_CPU errors_stock=$L_ERR
    # SPARQL: both servers up (neither under load), the library's queries sent to them in turn, one request at a
    # time, so that whatever else runs on the machine slows both alike
    STOCK_PID=$SERVER_PID; SERVER_PID=
    log "SPARQL library on both servers, alternating"
    start_server "serve-ours-sparql-$n" "$probe_ours" java "${SERVER_JVM[@]}" -jar "$JAR" serve --store "$store" \
      --import-token-file "$TOKEN_FILE" \
      --port "$PORT_OURS" --host 127.0.0.1
    # the library's per-occupation queries name a seed occupation (29-2011.00) that the synthetic corpus does not
    # hold: they are run for an occupation of the corpus read from a page (pages carry tasks and anchors), so that
    # they answer something
    SPARQL_SOC=$(basename "$(ls "$WORK/corpus-$n"/*.txt | head -1)" .txt)
    rm -rf "$WORK/queries"; mkdir -p "$WORK/queries"
    for q in queries/*.rq; do sed "s/\"29-2011\.00\"/\"$SPARQL_SOC\"/g" "$q" > "$WORK/queries/${q##*/}"; done
    bench_tool sparql "http://127.0.0.1:$PORT_OURS/sparql" "http://127.0.0.1:$PORT_STOCK/ds/sparql" \
      "$LOGS/sparql-ours.tsv" "$LOGS/sparql-stock.tsv" 10000 15 "$WORK"/queries/*.rq > "$LOGS/sparql.out" 2> "$LOGS/sparql.err"
    rss_ours_sparql="$(peak_rss_mb) ($(rss_split))"
    rss_stock_sparql="$(SERVER_PID=$STOCK_PID peak_rss_mb) ($(SERVER_PID=$STOCK_PID rss_split))"
    # harvest: a framework's CTDL-ASN graph document (ours) against the same CONSTRUCT as JSON-LD (stock), under
    # the same load as dereferencing, one server at a time; then the full dump, downloaded from each
    log "harvest: CTDL-ASN graph documents and the full dump"
    load "ours-graph-$n" "$PORT_OURS" "$paths/ours-graph.txt"
    g_rps=$L_RPS g_p50=$L_P50 g_p99=$L_P99 g_cpu=$L_CPU g_err=$L_ERR
    OURS_PID=$SERVER_PID; SERVER_PID=$STOCK_PID
    load "stock-graph-$n" "$PORT_STOCK" "$paths/stock-graph.txt" application/ld+json
    sg_rps=$L_RPS sg_p50=$L_P50 sg_p99=$L_P99 sg_cpu=$L_CPU sg_err=$L_ERR
    SERVER_PID=$OURS_PID
    read -r dump_s dump_bytes dump_code < <(curl -s -o /dev/null -w '%{time_total} %{size_download} %{http_code}\n' \
      "http://127.0.0.1:$PORT_OURS/dumps/skillgraph.nq.gz")
    read -r sdump_s sdump_bytes sdump_code < <(curl -s --compressed -o /dev/null -H 'Accept: application/n-quads' \
      -w '%{time_total} %{size_download} %{http_code}\n' "http://127.0.0.1:$PORT_STOCK/ds/get")
    log "  dump: ours $dump_s s, $dump_bytes bytes ($dump_code); stock $sdump_s s, $sdump_bytes bytes ($sdump_code)"
    # re-import of one changed document into the running server: POST /import (ours; the changed page and the
    # original in turn, the first two a warm-up) against the graph store protocol's PUT of the same document's
    # triples into its graph on the stock server (last: it changes the copy the stock server serves)
    log "re-import one document into the running servers"
    : > "$LOGS/import-ours.tsv"; : > "$LOGS/import-stock.tsv"
    for i in $(seq 1 12); do
      if (( i % 2 )); then f="$WORK/changed/$(basename "$page")"; else f="$WORK/original/$(basename "$page")"; fi
      curl -s -o "$LOGS/import-ours-$i.json" -w '%{http_code} %{time_total}\n' --data-binary "@$f" \
        -H "Authorization: Bearer $(cat "$TOKEN_FILE")" "http://127.0.0.1:$PORT_OURS/import?name=$(basename "$page")" \
        >> "$LOGS/import-ours.tsv"
      curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X PUT -H 'Content-Type: application/n-triples' \
        --data-binary "@$WORK/one-graph.nt" "http://127.0.0.1:$PORT_STOCK/ds/data?graph=${graph:1:-1}" \
        >> "$LOGS/import-stock.tsv"
    done
    # and from the command line: 'ingest' finds the server holding the store and hands it the file
    : > "$LOGS/import-cli.tsv"
    for i in $(seq 1 12); do
      if (( i % 2 )); then f="$WORK/changed/$(basename "$page")"; else f="$WORK/original/$(basename "$page")"; fi
      t0=$(date +%s%N)
      java -jar "$JAR" ingest --store "$store" "$f" > /dev/null 2>> "$LOGS/import-cli.err" && code=0 || code=$?
      echo "$code $(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN{printf "%.3f", (b - a) / 1e9}')" >> "$LOGS/import-cli.tsv"
    done
    import_cli=$(median_s "$LOGS/import-cli.tsv")
    import_ours=$(median_s "$LOGS/import-ours.tsv") import_stock=$(median_s "$LOGS/import-stock.tsv")
    import_codes="ours $(status_counts "$LOGS/import-ours.tsv"), command line exit codes $(status_counts "$LOGS/import-cli.tsv"); stock $(status_counts "$LOGS/import-stock.tsv")"
    log "  import: ours $import_ours s (command line $import_cli s), stock $import_stock s ($import_codes)"
    stop_server
    SERVER_PID=$STOCK_PID; STOCK_PID=
  fi
  stop_server
  rm -rf "$copy"

  if [[ $n == "$FULL" ]]; then
    r=$(ratio "$ttl_rps" "$d_rps")
    record deref "GET /doc/….ttl vs DESCRIBE <uri> (Turtle), requests/s" "$ttl_rps" "$d_rps" "req/s" higher \
      "≥ 3× stock" "$(ge "$r" 3)"
    record deref "GET /doc/….ttl vs DESCRIBE, server CPU ms per request" "$ttl_cpu" "$d_cpu" ms lower - -
    record deref "GET /doc/….ttl vs DESCRIBE, p50 ms" "$ttl_p50" "$d_p50" ms lower - -
    record deref "GET /doc/….ttl vs DESCRIBE, p99 ms" "$ttl_p99" "$d_p99" ms lower "≤ 25 ms" "$(le "$ttl_p99" 25)"
    record deref "GET /doc/….ttl vs DESCRIBE in the first ${WARMUP} s of load on a freshly started server (the warm-up, not in the figures above)" \
      "$warm_ours" "$warm_stock" - - - -
    record deref "GET /id/… (303 See Other, Accept: text/turtle), requests/s" "$id_rps" "$d_rps" "req/s" higher \
      "≥ 3× stock" "$(ge "$(ratio "$id_rps" "$d_rps")" 3)"
    record deref "GET /id/… (303), server CPU ms per request" "$id_cpu" "$d_cpu" ms lower - -
    record deref "GET /id/… (303), p50 / p99 ms" "$id_p50 / $id_p99" "$d_p50 / $d_p99" ms lower "p99 ≤ 25 ms" \
      "$(le "$id_p99" 25)"
    record deref "GET /doc/….html, requests/s" "$html_rps" "$d_rps" "req/s" higher "≥ 3× stock" \
      "$(ge "$(ratio "$html_rps" "$d_rps")" 3)"
    record deref "GET /doc/….html, server CPU ms per request" "$html_cpu" "$d_cpu" ms lower - -
    record deref "GET /doc/….html, p50 / p99 ms" "$html_p50 / $html_p99" "$d_p50 / $d_p99" ms lower "p99 ≤ 25 ms" \
      "$(le "$html_p99" 25)"
    record deref "GET /doc/….ttl with Accept-Encoding: gzip (compressed; the stock server does not compress): rate: p50 / p99, server CPU per request, bytes per response with headers (uncompressed: $ttl_bytes)" \
      "$gzip_ttl" - - lower - -
    record deref "paced, ${PACE_MS} ms between a response and the next request on each of 16 connections: GET /doc/….ttl, rate: p50 / p99 ms" \
      "$paced_ttl" "(peak $d_rps req/s: $d_p50 / $d_p99)" ms lower "p99 ≤ 25 ms" "$(le "$paced_ttl_p99" 25)"
    record deref "paced likewise: GET /doc/….html, rate: p50 / p99 ms" "$paced_html" - ms lower "p99 ≤ 25 ms" \
      "$(le "$paced_html_p99" 25)"
    record harvest "GET /graph/{ctid} (a framework's CTDL-ASN JSON-LD) vs the same CONSTRUCT as JSON-LD on the stock server, requests/s" \
      "$g_rps" "$sg_rps" "req/s" higher - -
    record harvest "CTDL-ASN graph document: p50 / p99 ms, server CPU ms per request, errors" \
      "$g_p50 / $g_p99, $g_cpu, $g_err" "$sg_p50 / $sg_p99, $sg_cpu, $sg_err" ms lower - -
    record harvest "full dump download: GET /dumps/skillgraph.nq.gz (a prepared gzip file) vs GET /ds/get as N-Quads (streamed from the store, gzip if offered), s" \
      "$dump_s" "$sdump_s" s lower - -
    record ingest "re-import one changed document into the running server: POST /import (read, map, SHACL, store, text index, change feed, patch, caches; the dump files follow in the background) vs the stock server's graph store PUT of its triples (median of 10), s" \
      "$import_ours" "$import_stock" s lower "≤ 1 s" "$(le "$import_ours" 1)"
    record ingest "re-import one changed document from the command line into the store a running server holds ('ingest' hands the file to POST /import; JVM start included; median of 10), s" \
      "$import_cli" "$reimport_stock" s lower "≤ 1 s" "$(le "$import_cli" 1)"
    record ingest "re-import into the running server: HTTP statuses" "$import_codes" - - - - -
    record harvest "full dump download: bytes transferred (HTTP status)" "$dump_bytes ($dump_code)" \
      "$sdump_bytes ($sdump_code)" bytes lower - -
    record server "server under load (${SERVER_JVM[*]}): peak RSS, MB" "$rss_ours" "$rss_stock" MB lower \
      "≤ 1536 MB" "$(le "$rss_ours" 1536)"
    record server "server after load: resident anonymous memory (heap, threads, code) + pages of the memory-mapped store files, MB" \
      "$split_ours" "$split_stock" MB lower - -
    record server "server after the whole SPARQL library (whole-store reports touch every page of the store): peak RSS (anonymous + mapped), MB" \
      "$rss_ours_sparql" "$rss_stock_sparql" MB lower "≤ 1536 MB" "$(le "${rss_ours_sparql%% *}" 1536)"
    record server "server under load: errors (socket + HTTP ≥ 400) / exceptions logged" \
      "$errors_ours / $server_exceptions" "$errors_stock" - lower "none" \
      "$( [[ $errors_ours == 0 && $server_exceptions == 0 ]] && echo yes || echo no)"
    while IFS=$'\t' read -r q st n50 p50 p99 bytes k50 k99 khits; do
      line=$(grep -P "^$q\t" "$LOGS/sparql-stock.tsv" || true)
      s50=$(sed -nE 's/.*p50=([0-9.]+).*/\1/p' <<< "$line"); s99=$(sed -nE 's/.*p99=([0-9.]+).*/\1/p' <<< "$line")
      o50=${p50#p50=}; o99=${p99#p99=}; k50=${k50#kept_p50=}; k99=${k99#kept_p99=}; khits=${khits#kept_hits=}
      sbytes=$(sed -nE 's/.*bytes=([0-9]+).*/\1/p' <<< "$line")
      same=""; [[ ${bytes#bytes=} != "$sbytes" ]] && same="; answers differ: ${bytes#bytes=} vs ${sbytes:-?} bytes"
      if [[ $st == status=200 && -n $s50 ]]; then
        met="$(le "$(ratio "$o50" "$s50")" 1.10) · computed $(le "$o50" 50), $(le "$o99" 1000) · kept $(le "${k50:-9999}" 50), $(le "${k99:-9999}" 1000)"
      else
        met="no ($st)"
      fi
      record sparql "${q%.rq}: computed, p50 ms (p99: $o99 vs ${s99:-?}$same); asked again, kept answer p50 / p99: ${k50:-?} / ${k99:-?} ms (${khits:-?} with Age)" \
        "$o50" "${s50:-?}" ms lower "≤ 1.10 × stock · p50 ≤ 50, p99 ≤ 1000" "$met"
    done < "$LOGS/sparql-ours.tsv"
  fi
done

# ---- start-up: start to ready on the full store, each server started three times in turn, then the same with an
# application class-data archive (AppCDS, a standard JVM feature: the classes a server loads, parsed and laid out
# once by a training start, -XX:ArchiveClassesAtExit, and mapped at every start after, -XX:SharedArchiveFile) --
# starts_ready NAME PROBE N ARGS...: N starts of `java SERVER_JVM ARGS` one after another; sets READY_MEDIAN (ms)
starts_ready() {
  local name=$1 probe=$2 n=$3 times=() i; shift 3
  for i in $(seq 1 "$n"); do
    start_server "$name-$i" "$probe" java "${SERVER_JVM[@]}" "$@"
    times+=("$READY_MS")
    stop_server
  done
  READY_MEDIAN=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
}
# train NAME PROBE ROOT PATHS ARCHIVE ARGS...: one start that answers the probe and the first 50 requests of PATHS
# (below ROOT) and writes ARCHIVE when it stops
train() {
  local name=$1 probe=$2 root=$3 paths=$4 archive=$5 path; shift 5
  rm -f "$archive"
  start_server "$name" "$probe" java "${SERVER_JVM[@]}" -XX:ArchiveClassesAtExit="$archive" "$@"
  head -50 "$paths" | while read -r path; do curl -s -o /dev/null --max-time 10 "$root$path" || true; done
  stop_server
  [[ -s $archive ]] || { echo "bench: $name wrote no class-data archive $archive" >&2; return 1; }
}
store=$WORK/store-$FULL copy=$WORK/stock-copy-$FULL paths=$WORK/paths-$FULL
rm -rf "$copy"; cp -r "$store" "$copy"; rm -f "$copy/tdb.lock" "$copy"/Data-*/tdb.lock
ours_args=(-jar "$JAR" serve --store "$store" --port "$PORT_OURS" --host 127.0.0.1)
stock_args=(-jar "$TOOLS/jena-fuseki-server-5.6.0.jar" --config="$WORK/fuseki-$FULL.ttl" --port="$PORT_STOCK" --localhost
  --timeout=30000)
log "start to ready on $FULL occupations: three starts of each server, then with a class-data archive"
starts_ready ready-built "$probe_ours" 3 -XX:SharedArchiveFile="$built_jsa" "${ours_args[@]}"; ready_built=$READY_MEDIAN
starts_ready ready-ours "$probe_ours" 3 "${ours_args[@]}"; ready_ours=$READY_MEDIAN
starts_ready ready-stock "$probe_stock" 3 "${stock_args[@]}"; ready_stock=$READY_MEDIAN
train cds-ours "$probe_ours" "http://127.0.0.1:$PORT_OURS" "$paths/ours-ttl.txt" "$WORK/ours.jsa" "${ours_args[@]}"
train cds-stock "$probe_stock" "http://127.0.0.1:$PORT_STOCK" "$paths/stock-describe.txt" "$WORK/stock.jsa" \
  "${stock_args[@]}"
starts_ready ready-cds-ours "$probe_ours" 3 -XX:SharedArchiveFile="$WORK/ours.jsa" "${ours_args[@]}"; cds_ours=$READY_MEDIAN
starts_ready ready-cds-stock "$probe_stock" 3 -XX:SharedArchiveFile="$WORK/stock.jsa" "${stock_args[@]}"
cds_stock=$READY_MEDIAN
log "  ours $ready_built ms as the README starts it, $ready_ours ms without an archive ($cds_ours ms with one trained on this store); stock $ready_stock ms ($cds_stock ms)"
ms_s() { awk -v m="$1" 'BEGIN{printf "%.2f", m/1000}'; }
record server "start to ready on the existing store of $FULL occupations, each server as its documentation starts it: ours with the class-data archive the build writes (-XX:SharedArchiveFile=target/skillgraph.jsa, README), the stock server's jar as it is (launch to the first description answered; median of 3 starts), s" \
  "$(ms_s "$ready_built")" "$(ms_s "$ready_stock")" s lower "≤ 3 s" "$(le "$ready_built" 3000)"
record server "start to ready as above, both without a class-data archive, s" \
  "$(ms_s "$ready_ours")" "$(ms_s "$ready_stock")" s lower "-" "-"
record server "start to ready as above, each server with a class-data archive of its own trained on this store (one start that answers 50 descriptions, -XX:ArchiveClassesAtExit), s" \
  "$(ms_s "$cds_ours")" "$(ms_s "$cds_stock")" s lower "-" "-"

# ---- micro-benchmarks (JMH, bench/jmh): one item at a time in one process, no HTTP, no other work running -------
# one description as Turtle (the store's copy, the URIs wrk asked for) and one source document before it is stored
# (the first 200 of the corpus), each side by side with the stock Jena code doing the same item's work
log "JMH: one description (ours vs Jena's DESCRIBE) and one document (read, map, SHACL vs Jena's N-Triples parser)"
java -cp "$JAR:$JMH_JAR" org.openjdk.jmh.Main -rf csv -rff "$LOGS/jmh.csv" -p store="$copy" \
  -p uris="$paths/ours-id.txt" -p corpus="$WORK/corpus-$FULL" -p documents=200 DescribeBenchmark CheckBenchmark \
  > "$LOGS/jmh.out" 2> "$LOGS/jmh.err" || { echo "bench: JMH failed (see $LOGS/jmh.out)" >&2; tail -20 "$LOGS/jmh.out" >&2; exit 1; }
rm -rf "$copy"
# jmh NAME: the mean µs per call of the benchmark whose name ends with NAME; jmh_err NAME: its 99.9 % error
jmh() { awk -F, -v b="$1\"" 'index($1, b) { printf "%.0f", $5 }' "$LOGS/jmh.csv"; }
jmh_err() { awk -F, -v b="$1\"" 'index($1, b) { printf "± %.0f", $6 }' "$LOGS/jmh.csv"; }
log "  describe: ours $(jmh DescribeBenchmark.skillgraph) µs, Jena's DESCRIBE $(jmh DescribeBenchmark.jenaDescribe) µs;" \
  "document: check $(jmh CheckBenchmark.check) µs, parse $(jmh CheckBenchmark.jenaParse) µs"
record micro "one description as Turtle in one process (JMH, mean µs per call, 99.9 % error $(jmh_err DescribeBenchmark.skillgraph) / $(jmh_err DescribeBenchmark.jenaDescribe); the store of $FULL occupations, the URIs wrk asked for): GET /doc/….ttl's work (Describer, kept labels, Jena's Turtle writer into an unsynchronised buffer) vs Jena's DESCRIBE on the union graph and its Turtle writer given an output stream, as Fuseki writes a response" \
  "$(jmh DescribeBenchmark.skillgraph)" "$(jmh DescribeBenchmark.jenaDescribe)" µs lower - -
record micro "one source document before it is stored (JMH, mean µs per document over the first 200 of the corpus, error $(jmh_err CheckBenchmark.check) / $(jmh_err CheckBenchmark.jenaParse)): read + map + SHACL gate vs Jena's N-Triples parser reading the same triples into a graph (all the loader does with them before sorting)" \
  "$(jmh CheckBenchmark.check)" "$(jmh CheckBenchmark.jenaParse)" µs lower - -
record micro "… of which reading (JSON, HTML or text) / reading + mapping, µs" \
  "$(jmh CheckBenchmark.read) / $(jmh CheckBenchmark.readMap)" - µs lower - -

# ---- growth -----------------------------------------------------------------------------------------------
for n in "${SIZES[@]}"; do
  per_doc=$(awk -v s="${INGEST_S[$n]}" -v n="$n" 'BEGIN{printf "%.1f", 1000*s/n}')
  per_doc_stock=$(awk -v s="${LOADER_S[$n]}" -v n="$n" 'BEGIN{printf "%.1f", 1000*s/n}')
  record growth "$n occupations (${QUADS[$n]} quads): ingest s (ms per document)" "${INGEST_S[$n]} ($per_doc)" \
    "${LOADER_S[$n]} ($per_doc_stock)" s lower - -
  record growth "$n occupations: dereference (.ttl vs DESCRIBE) p50 / p99 ms, CPU ms per request" \
    "${P50_OURS[$n]} / ${P99_OURS[$n]}, ${CPU_OURS[$n]}" "${P50_STOCK[$n]} / ${P99_STOCK[$n]}, ${CPU_STOCK[$n]}" ms lower - -
done
if (( ${#SIZES[@]} >= 3 )); then
  # one measurement per size, minutes apart, moves with the host's other work more than with the size (the p99 ratio
  # of the same code came out 1.16 and 1.69 in two runs): the dereference load is run again at the first and the full
  # size, in turn, each time on a server started afresh as above, and the growth row compares the medians of the
  # rounds (the first round is the one above)
  declare -A R_P50 R_P99 R_CPU R_ERR
  for n in "$first" "$FULL"; do
    R_P50[$n]=${P50_OURS[$n]} R_P99[$n]=${P99_OURS[$n]} R_CPU[$n]=${CPU_OURS[$n]} R_ERR[$n]=${ERR_OURS[$n]}
  done
  for r in $(seq 2 "$ROUNDS"); do
    for n in "$first" "$FULL"; do
      log "growth, round $r of $ROUNDS: skillgraph serve on $n occupations"
      start_server "serve-ours-$n-round$r" "http://127.0.0.1:$PORT_OURS$(head -1 "$WORK/paths-$n/ours-ttl.txt")" \
        java "${SERVER_JVM[@]}" -jar "$JAR" serve --store "$WORK/store-$n" --port "$PORT_OURS" --host 127.0.0.1
      load "ours-ttl-$n-round$r" "$PORT_OURS" "$WORK/paths-$n/ours-ttl.txt"
      stop_server
      R_P50[$n]+=" $L_P50"; R_P99[$n]+=" $L_P99"; R_CPU[$n]+=" $L_CPU"; R_ERR[$n]+=" $L_ERR"
    done
  done
  rounds() { sed 's/ / · /g' <<< "$1"; }   # one figure per round, as the table shows them
  for n in "$first" "$FULL"; do
    record growth "$n occupations: dereference (.ttl) p50 / p99 ms, CPU ms per request, errors, in each of $ROUNDS rounds (servers started afresh, the two sizes in turn; the first round is the row above)" \
      "$(rounds "${R_P50[$n]}") / $(rounds "${R_P99[$n]}"), $(rounds "${R_CPU[$n]}"), errors $(rounds "${R_ERR[$n]}")" - ms lower - -
  done
  mid=${SIZES[${#SIZES[@]}-2]}
  slope_low=$(awk -v a="${INGEST_S[$mid]}" -v b="${INGEST_S[$first]}" -v n="$mid" -v m="$first" 'BEGIN{printf "%.1f", 1000*(a-b)/(n-m)}')
  slope_high=$(awk -v a="${INGEST_S[$FULL]}" -v b="${INGEST_S[$mid]}" -v n="$FULL" -v m="$mid" 'BEGIN{printf "%.1f", 1000*(a-b)/(n-m)}')
  record growth "ingest: marginal ms per document, $first→$mid vs $mid→$FULL" "$slope_low → $slope_high" - ms lower \
    "linear (ratio ≤ 1.25)" "$(le "$(ratio "$slope_high" "$slope_low")" 1.25)"
  # the rounds' medians (each array holds its figures separated by spaces: one argument each)
  g50=$(ratio "$(median ${R_P50[$FULL]})" "$(median ${R_P50[$first]})")
  g99=$(ratio "$(median ${R_P99[$FULL]})" "$(median ${R_P99[$first]})")
  gcpu=$(ratio "$(median ${R_CPU[$FULL]})" "$(median ${R_CPU[$first]})")
  record growth "dereference: $FULL ÷ $first occupations, p50 / p99 / CPU per request (ours: the medians of the $ROUNDS rounds; stock: the one round)" \
    "$g50 / $g99 / $gcpu" \
    "$(ratio "${P50_STOCK[$FULL]}" "${P50_STOCK[$first]}") / $(ratio "${P99_STOCK[$FULL]}" "${P99_STOCK[$first]}") / $(ratio "${CPU_STOCK[$FULL]}" "${CPU_STOCK[$first]}")" \
    "×" lower "flat (each ≤ 1.25)" "$(le "$g50" 1.25) / $(le "$g99" 1.25) / $(le "$gcpu" 1.25)"
fi

# ---- report -----------------------------------------------------------------------------------------------
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
# this machine's CPUs over the run, from /proc/stat (user nice system idle iowait irq softirq steal): how busy
# they were and what the hypervisor took from them
CPU_RUN=$(awk -v a="$STAT_START" -v b="$(head -1 /proc/stat)" 'BEGIN { split(a, x, " "); split(b, y, " ");
  for (i = 2; i <= 9; i++) { d[i] = y[i] - x[i]; t += d[i] }
  printf "%.0f %% busy, %.1f %% stolen", 100 * (t - d[5] - d[6]) / t, 100 * d[9] / t }')
{
  echo "# Benchmarks"
  echo
  echo "skillgraph against the stock Apache Jena 5.6.0 tools, measured side by side in one run of"
  echo "\`bench/run.sh\` on the same synthetic corpus (\`skillgraph synth --seed $SEED\`): $(date -u +%Y-%m-%d), $(nproc) cores,"
  echo "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), load average $LOAD_START at the"
  echo "start and $LOAD_END at the end (the host's figure: it counts work that does not run on this machine's CPUs,"
  echo "which were $CPU_RUN over the run; other work on the host still shows up as noise). Ratio = skillgraph ÷ stock:"
  echo "for times lower is better, for requests/s higher is better. Ingest and loader: best of 2 runs at $FULL"
  echo "occupations (one run at smaller sizes), ${INGEST_JVM[*]} for both (as for the command-line re-imports: ours and tdb2.tdbupdate); servers ${SERVER_JVM[*]}, one at a time, both"
  echo "with a 30 s query timeout (skillgraph always has one; Jena's timeout checks cost the stock server 5–20 % on"
  echo "long queries when measured with and without);"
  echo "wrk with 2 threads and 16 connections for ${SECONDS_LOAD} s after a ${WARMUP} s warm-up under the same load, 20,000 URIs sampled across"
  echo "the whole store; server CPU per request from /proc during the run. SPARQL: both servers up, each query"
  echo "sent to them in turn, one request at a time (warm-up: 3 each and at least 2 s; then up to 300 or 30 s), the same query"
  echo "text with LIMIT capped at 10,000 as skillgraph's endpoint caps it, each request with Cache-Control: no-cache"
  echo "so that skillgraph computes every answer (it keeps answers until the data changes; the stock server keeps"
  echo "none); then 50 more requests to skillgraph as any client sends them, answered with its kept answer. The"
  echo "queries that name an occupation (the library's example is the seed occupation 29-2011.00) name"
  echo "$SPARQL_SOC, an occupation of the corpus."
  echo
  echo "| group | measure | skillgraph | stock Jena | ratio | target | met |"
  echo "|---|---|---:|---:|---:|---|:-:|"
  while IFS=$'\t' read -r group measure ours stock unit better target met; do
    r=-
    if [[ $ours =~ ^[0-9.]+$ && $stock =~ ^[0-9.]+$ ]]; then r=$(ratio "$ours" "$stock"); fi
    echo "| $group | $measure | $ours | $stock | $r | $target | $met |"
  done < "$RESULTS"
  echo
  echo "Stock tools: \`tdb2.tdbloader --loader=phased\` and \`tdb2.tdbdump\`/\`tdb2.tdbupdate\` from"
  echo "\`org.apache.jena:jena-cmds:5.6.0\`; \`org.apache.jena:jena-fuseki-server:5.6.0\` with \`bench/fuseki-stock.ttl\`"
  echo "(the same TDB2 files copied, union default graph, the same Lucene index, read-only query service)."
  echo "The loader loads the N-Quads that \`tdb2.tdbdump\` exports from skillgraph's own store: the same quads, with"
  echo "no parsing of sources, no mapping, no validation and no text index. Logs of this run: \`$LOGS\`."
  echo
  cat bench/notes.md
} > "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
cat "$OUT"
