# shellcheck shell=bash
# Traces: the Zipkin server (Apache-2.0), the executable jar from Maven Central (root pom property
# zipkin-server.version), on 127.0.0.1:$STACK_ZIPKIN_PORT: its API (/api/v2/...) takes the
# services' spans (Zipkin v2 JSON, POST /api/v2/spans: Zipkin 3.5 takes no OTLP) and answers
# trace queries; its UI is /zipkin/. Spans are kept in memory (the newest $STACK_ZIPKIN_MAX_SPANS):
# a restart starts empty, as traces of a local stack are for following what just happened. 50,000:
# a benchmark at 100 % sampling filled the 512 MB heap with 200,000 (OutOfMemoryError, issue 19).

STACK_SETTINGS+=(STACK_ZIPKIN_MAX_SPANS)
: "${STACK_ZIPKIN_MAX_SPANS:=50000}"
export STACK_ZIPKIN_MAX_SPANS

_zipkin_jar() { ls "$CACHE_DIR"/zipkin/zipkin-server-*-exec.jar 2>/dev/null | sort -V | tail -n1; }

zipkin_deps()    { :; }
zipkin_timeout() { echo 60; }
zipkin_url()     { echo "http://127.0.0.1:$STACK_ZIPKIN_PORT/zipkin/"; }

zipkin_install() {
  fetch_maven_artifacts "$STACK_HOME/components/zipkin.pom.xml" "$CACHE_DIR/zipkin"
  [ -n "$(_zipkin_jar)" ] || die "zipkin: no zipkin-server-*-exec.jar in $CACHE_DIR/zipkin after the Maven fetch"
}

zipkin_start() {
  is_running zipkin && return 0
  local jar; jar="$(_zipkin_jar)"; [ -n "$jar" ] || die "zipkin: not installed (run: deploy/local/stack up)"
  ensure_port_free "$STACK_ZIPKIN_PORT" zipkin
  # Armeria's port list: one plain-http port, on loopback only (its default binds every interface)
  MEM_MAX_SPANS="$STACK_ZIPKIN_MAX_SPANS" STORAGE_TYPE=mem \
    start_process zipkin "" "$(java_home)/bin/java" -Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Xss512k -Djava.net.preferIPv4Stack=true -jar "$jar" \
    "--armeria.ports[0].port=$STACK_ZIPKIN_PORT" "--armeria.ports[0].ip=127.0.0.1" "--armeria.ports[0].protocols=http"
}

zipkin_healthy() {
  curl -sf --max-time 2 "http://127.0.0.1:$STACK_ZIPKIN_PORT/health" 2>/dev/null | grep -q '"status" *: *"UP"'
}

zipkin_detail() {
  local services
  services="$(curl -sf --max-time 2 "http://127.0.0.1:$STACK_ZIPKIN_PORT/api/v2/services" 2>/dev/null \
    | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))' 2>/dev/null || true)"
  [ -n "$services" ] || return 0
  echo "Zipkin $(basename "$(_zipkin_jar)" | sed 's/^zipkin-server-//; s/-exec.jar$//'), in memory (newest $STACK_ZIPKIN_MAX_SPANS spans), $services services reporting"
}
