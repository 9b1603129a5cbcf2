#!/usr/bin/env bash
# Latency of the running server on this machine: dereferences (Turtle and HTML) and every query of the
# queries/ library, N sequential requests each after a warm-up, p50 and p99 in milliseconds.
#   scripts/latency.sh [ROOT] [N]     ROOT defaults to http://localhost:3030, N to 200
# Start the server first: java -jar target/skillgraph.jar serve --store data/tdb2 --seed seeds/
set -euo pipefail
root=${1:-http://localhost:3030}
n=${2:-200}
cd "$(dirname "$0")/.."

measure() { # label, curl args...
  local label=$1; shift
  for _ in $(seq 1 20); do curl -s -o /dev/null "$@"; done
  local times
  times=$(for _ in $(seq 1 "$n"); do curl -s -o /dev/null -w '%{time_total}\n' "$@"; done | sort -n)
  local p50 p99
  p50=$(echo "$times" | awk -v n="$n" 'NR==int(n*0.50+0.5){printf "%.1f", $1*1000}')
  p99=$(echo "$times" | awk -v n="$n" 'NR==int(n*0.99+0.5){printf "%.1f", $1*1000}')
  printf '| %-45s | %7s | %7s |\n' "$label" "$p50" "$p99"
}

printf '| %-45s | %7s | %7s |\n' "request ($n each, sequential)" "p50 ms" "p99 ms"
printf '|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..47})" "---------" "---------"
measure "GET /id/occupation/29-2011.00 (303)" "$root/id/occupation/29-2011.00"
measure "GET /doc/occupation/29-2011.00.ttl" "$root/doc/occupation/29-2011.00.ttl"
measure "GET /doc/occupation/29-2011.00.html" "$root/doc/occupation/29-2011.00.html"
measure "GET /doc/…/statement/1.ttl" "$root/doc/framework/29-2011.00/occupational/v.26.05/level/emerging/statement/1.ttl"
measure "GET /doc/anchor/skill/science.html" "$root/doc/anchor/skill/science.html"
measure "GET /search?q=blood" "$root/search?q=blood"
for q in queries/*.rq; do
  measure "SPARQL $(basename "$q")" -H 'Accept: application/sparql-results+json' \
    --data-urlencode "query@$q" "$root/sparql"
done
