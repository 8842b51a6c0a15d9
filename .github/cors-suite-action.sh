#!/usr/bin/env bash
# The GitHub Action's one script (action.yml); runs the same on a developer's machine. Environment:
#   CORS_MODE=verify  CORS_TARGET, CORS_POLICY, CORS_BROWSER, [CORS_FAIL_ON, CORS_BASELINE]: verify in one browser,
#                     leaving $CORS_OUT/results-BROWSER.json, cors-BROWSER.sarif, report-BROWSER.html
#   CORS_MODE=merge   every $CORS_OUT/results-*.json into $CORS_OUT/merged/ (matrix.md/html, results.json, report)
#   CORS_OUT          the output folder (default ./cors-results); CORS_SUITE_BUILT=1: already built, run the classes
#                     (CORS_SUITE_CLASSPATH: their class path, when it is not suite/target's)
set -euo pipefail
SUITE="$(cd "$(dirname "$0")/.." && pwd)"
WORKSPACE="$PWD"
OUT="${CORS_OUT:-$WORKSPACE/cors-results}"
mkdir -p "$OUT"
absolute() { case "$1" in /*) echo "$1" ;; *) echo "$WORKSPACE/$1" ;; esac; }

# verify: the launcher installs the browsers, builds and runs; merge needs only Java and Maven.
cors() {
  if [ "${CORS_SUITE_BUILT:-}" = 1 ]; then
    (cd "$SUITE" && java -cp "${CORS_SUITE_CLASSPATH:-suite/target/classes:$(cat suite/target/classpath.txt)}" \
      dev.corssuite.suite.cli.CorsSuite "$@")
  elif [ "$1" = verify ]; then
    "$SUITE/cors-suite" "$@"
  else
    if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
      sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
      $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends openjdk-17-jdk-headless maven
    fi
    (cd "$SUITE" && mvn -B -q -DskipTests install -pl suite -am \
      && java -cp "suite/target/classes:$(cat suite/target/classpath.txt)" dev.corssuite.suite.cli.CorsSuite "$@")
  fi
}

case "${CORS_MODE:-verify}" in
  verify)
    browser="${CORS_BROWSER:-chromium}"
    args=(verify --target "$CORS_TARGET" --policy "$(absolute "$CORS_POLICY")" --browsers "$browser"
          --fail-on "${CORS_FAIL_ON:-info}" --sarif "$OUT/cors-$browser.sarif")
    [ -n "${CORS_BASELINE:-}" ] && args+=(--baseline "$(absolute "$CORS_BASELINE")")
    status=0
    cors "${args[@]}" || status=$?
    cp "$SUITE/reports/out/results.json" "$OUT/results-$browser.json" 2>/dev/null || true
    cp "$SUITE/reports/allure-report/index.html" "$OUT/report-$browser.html" 2>/dev/null || true
    [ -n "${GITHUB_OUTPUT:-}" ] && echo "sarif=$OUT/cors-$browser.sarif" >> "$GITHUB_OUTPUT"
    exit "$status"
    ;;
  merge)
    shopt -s nullglob
    files=("$OUT"/results-*.json)
    [ ${#files[@]} -gt 0 ] || { echo "no $OUT/results-*.json to merge" >&2; exit 2; }
    cors merge "${files[@]}"
    mkdir -p "$OUT/merged"
    cp "$SUITE"/reports/out/matrix.* "$SUITE/reports/out/results.json" "$OUT/merged/"
    cp "$SUITE/reports/allure-report/index.html" "$OUT/merged/report.html"
    ;;
  *)
    echo "CORS_MODE must be verify or merge" >&2; exit 2
    ;;
esac
