#!/usr/bin/env bash
# Browser tests: start the real orchestrator (its jar, embedded PostgreSQL, libvirt's test driver
# for a simulated host), drive the UI in Debian's Chromium through playwright-core, save a
# screenshot of each screen under web-ui/target/e2e-screenshots/, and stop the orchestrator
# whatever happens. Needs `./mvnw package` (or verify) to have built orchestrator/target/orchestrator.jar.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
WEB_UI=$(dirname "$HERE")
ROOT=$(dirname "$WEB_UI")
JAR="${ORCHESTRATOR_JAR:-$ROOT/orchestrator/target/orchestrator.jar}"
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$JAVA_HOME/bin/java" ] || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
OUT="$WEB_UI/target/e2e-screenshots"

[ -f "$JAR" ] || { echo "e2e: $JAR is missing; build the reactor first (./mvnw -B package -DskipTests)" >&2; exit 1; }
[ -x "$CHROMIUM" ] || { echo "e2e: $CHROMIUM is missing (apt-get install chromium)" >&2; exit 1; }
[ -d "$WEB_UI/node_modules/playwright-core" ] || (cd "$WEB_UI" && bash frontend.sh install)

rm -rf "$OUT" && mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/mano-web-ui-e2e.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
PASSWORD="e2e-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
# The simulated host: libvirt's test driver reads the node file; the orchestrator reads the
# capabilities document beside it (NUMA cells, CPUs with siblings, hugepage pools).
mkdir -p "$WORK/hosts" && cp "$HERE"/hosts/*.xml "$WORK/hosts/"

ORCH_PID=
stop() {
  local rc=$?
  if [ -n "$ORCH_PID" ] && kill -0 "$ORCH_PID" 2>/dev/null; then
    kill "$ORCH_PID" 2>/dev/null || true
    for _ in $(seq 1 90); do kill -0 "$ORCH_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$ORCH_PID" 2>/dev/null && { echo "e2e: the orchestrator did not stop in 45 s; killing it" >&2; kill -9 "$ORCH_PID" 2>/dev/null || true; }
    wait "$ORCH_PID" 2>/dev/null || true
  fi
  cp "$WORK/orchestrator.log" "$OUT/orchestrator.log" 2>/dev/null || true
  rm -rf "$WORK"
  exit $rc
}
trap stop EXIT INT TERM

# E2E_UI_FROM_TARGET=1 serves the UI from web-ui/target (a fresh `npm run build`) instead of the
# copy inside the jar: quick iterations on the UI without rebuilding the orchestrator.
extra=()
[ -n "${E2E_UI_FROM_TARGET:-}" ] && extra+=("--spring.web.resources.static-locations=file:$WEB_UI/target/classes/META-INF/resources/")
echo "e2e: starting the orchestrator on port $PORT (log: $OUT/orchestrator.log)"
MANO_ADMIN_PASSWORD="$PASSWORD" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 --mano.data-dir="$WORK/data" \
  --mano.vnflcm.host-run-dir="$WORK/run" --mano.vnflcm.hello-timeout=5s "${extra[@]}" \
  >"$WORK/orchestrator.log" 2>&1 &
ORCH_PID=$!

for i in $(seq 1 300); do
  if python3 -c 'import sys, urllib.request; sys.exit(0 if b"\"UP\"" in urllib.request.urlopen(sys.argv[1], timeout=2).read() else 1)' \
      "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null; then break; fi
  if ! kill -0 "$ORCH_PID" 2>/dev/null; then
    echo "e2e: the orchestrator exited during start-up:" >&2; tail -40 "$WORK/orchestrator.log" >&2; exit 1
  fi
  [ "$i" = 300 ] && { echo "e2e: the orchestrator was not healthy after 300 s" >&2; tail -40 "$WORK/orchestrator.log" >&2; exit 1; }
  sleep 1
done
echo "e2e: orchestrator up after ${i} s"

cd "$WEB_UI"
BASE_URL="http://127.0.0.1:$PORT" ADMIN_PASSWORD="$PASSWORD" SCREENSHOTS="$OUT" CHROMIUM="$CHROMIUM" \
  HOST_URI="test://$WORK/hosts/host-a.xml" BUNDLED="$ROOT/vnf-packages" \
  node e2e/browser.mjs
