#!/usr/bin/env bash
# Latency of the running server on this machine: dereferences (Turtle and HTML) and every query of the
# queries/ library, N sequential requests each after a warm-up, p50 and p99 in milliseconds.
#   scripts/latency.sh [ROOT] [N]     ROOT defaults to http://localhost:3030, N to 200
# Start the server first: java -jar target/skillgraph.jar serve --store data/tdb2 --seed seeds/
# The resources asked for are those of the seed occupation 29-2011.00 when the store holds it, else of the first
# occupation with an occupational framework; the library queries that name 29-2011.00 are asked about that one.
# Every request must answer as expected (303 for /id/, 200 otherwise), or the script stops saying which did not.
set -euo pipefail
root=${1:-http://localhost:3030}
n=${2:-200}
cd "$(dirname "$0")/.."

rows() { # a SPARQL query → its rows as CSV, without the header
  curl -sS -f -H 'Accept: text/csv' --data-urlencode "query=$1" "$root/sparql" | tail -n +2 | tr -d '\r'
}
if ! curl -sS -f -o /dev/null "$root/sparql"; then
  echo "latency.sh: no skillgraph SPARQL endpoint at $root/sparql (is the server running, and is ROOT right?)" >&2
  exit 2
fi
prefixes='PREFIX sg: <https://w3id.org/skillgraph/ontology#> PREFIX ceasn: <https://purl.org/ctdlasn/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>'
row=$(rows "$prefixes SELECT ?soc ?stmt ?anchor WHERE {
  ?fw a sg:OccupationalFramework ; sg:forOccupation ?occ . ?occ skos:notation ?soc .
  ?stmt ceasn:isPartOf ?fw ; ceasn:listID \"1\" .
  OPTIONAL { ?occ sg:hasSkill ?anchor }
  BIND (IF(?soc = \"29-2011.00\", 0, 1) AS ?seed)
} ORDER BY ?seed (IF(BOUND(?anchor), 0, 1)) ?soc ?stmt ?anchor LIMIT 1")
if [ -z "$row" ]; then
  echo "latency.sh: the store at $root holds no occupational framework to ask about" >&2
  exit 2
fi
IFS=, read -r soc stmt anchor <<< "$row"
stmt_path=${stmt#*/id/}
anchor_path=${anchor#*/id/}

measure() { # label, expected status, curl args...
  local label=$1 want=$2; shift 2
  local got
  got=$(curl -s -o /dev/null -w '%{http_code}' "$@")
  if [ "$got" != "$want" ]; then
    echo "latency.sh: $label answered $got, not $want" >&2
    exit 1
  fi
  for _ in $(seq 1 20); do curl -s -o /dev/null "$@"; done
  local times
  times=$(for _ in $(seq 1 "$n"); do curl -s -o /dev/null -w '%{time_total}\n' "$@"; done | sort -n)
  local p50 p99
  p50=$(echo "$times" | awk -v n="$n" 'NR==int(n*0.50+0.5){printf "%.1f", $1*1000}')
  p99=$(echo "$times" | awk -v n="$n" 'NR==int(n*0.99+0.5){printf "%.1f", $1*1000}')
  printf '| %-45s | %7s | %7s |\n' "$label" "$p50" "$p99"
}

printf '| %-45s | %7s | %7s |\n' "request ($n each, sequential; occupation $soc)" "p50 ms" "p99 ms"
printf '|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..47})" "---------" "---------"
measure "GET /id/occupation/$soc (303)" 303 "$root/id/occupation/$soc"
measure "GET /doc/occupation/$soc.ttl" 200 "$root/doc/occupation/$soc.ttl"
measure "GET /doc/occupation/$soc.html" 200 "$root/doc/occupation/$soc.html"
measure "GET /doc/.../statement/1.ttl" 200 "$root/doc/$stmt_path.ttl"
if [ -n "$anchor" ]; then
  measure "GET /doc/${anchor_path:0:28}....html" 200 "$root/doc/$anchor_path.html"
fi
measure "GET /search?q=blood" 200 "$root/search?q=blood"
for q in queries/*.rq; do
  measure "SPARQL $(basename "$q")" 200 -H 'Accept: application/sparql-results+json' \
    --data-urlencode "query=$(sed "s/\"29-2011\.00\"/\"$soc\"/g" "$q")" "$root/sparql"
done
