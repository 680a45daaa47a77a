# shellcheck shell=bash
# The suite's Quarkus services (top-level Maven modules <name>/: the six services and the
# operations console ops-console, the storefront), run from
# <name>/target/quarkus-app/quarkus-run.jar in the prod profile with every store's address
# in the environment. `stack up` builds the stale ones first, all in one Maven run
# (services_build_stale), applies catalog-service's migrations (catalog_migrate), registers the
# outbox connector, then starts them all in parallel.

# Each service writes an access log, .state/logs/<service>-access.log, with the gateway's
# X-Request-Id (rid=) and X-User-Id on every line: one id follows a request from the gateway's own
# access log (gateway-access.log) into the service's (the line's pattern is each service's
# quarkus.http.access-log.pattern; here it goes to a file). STACK_SERVICE_ACCESS_LOG=false turns it off
# (e.g. for benchmarks that must not pay for it).
STACK_SETTINGS+=(STACK_SERVICE_ACCESS_LOG)
: "${STACK_SERVICE_ACCESS_LOG:=true}"
export STACK_SERVICE_ACCESS_LOG

# service -> port setting
_svc_port() {
  case "$1" in
    catalog-service)     echo "$STACK_CATALOG_PORT" ;;
    session-service)     echo "$STACK_SESSION_PORT" ;;
    search-service)      echo "$STACK_SEARCH_PORT" ;;
    media-service)       echo "$STACK_MEDIA_PORT" ;;
    feed-service)        echo "$STACK_FEED_PORT" ;;
    leaderboard-service) echo "$STACK_LEADERBOARD_PORT" ;;
    ops-console)         echo "$STACK_OPS_CONSOLE_PORT" ;;
    storefront)          echo "$STACK_STOREFRONT_PORT" ;;
    *) die "unknown service $1" ;;
  esac
}
_svc_jar()     { printf '%s\n' "$REPO_ROOT/$1/target/quarkus-app/quarkus-run.jar"; }
svc_present()  { [ -f "$REPO_ROOT/$1/pom.xml" ]; }

# svc_stale NAME: the jar is missing or older than any file of the module's sources, its
# pom.xml or the root pom.xml, or of service-kit's when the service pins the kit's development
# version (built from those sources; a pinned release is not).
svc_stale() {
  local jar; jar="$(_svc_jar "$1")"
  [ -f "$jar" ] || return 0
  local -a sources=("$REPO_ROOT/$1/src" "$REPO_ROOT/$1/pom.xml" "$REPO_ROOT/pom.xml")
  if grep -q '<service-kit.version>[^<]*-SNAPSHOT</service-kit.version>' "$REPO_ROOT/$1/pom.xml"; then
    sources+=("$REPO_ROOT/service-kit/src/main" "$REPO_ROOT/service-kit/pom.xml")
  fi
  [ -n "$(find "${sources[@]}" -newer "$jar" -print -quit 2>/dev/null)" ]
}

# services_build_stale NAME...: one Maven build (-pl LIST -am) for the stale, not running ones.
services_build_stale() {
  local s stale=() running_stale=()
  for s in "$@"; do
    svc_present "$s" || continue
    svc_stale "$s" || continue
    if is_running "$s"; then running_stale+=("$s"); else stale+=("$s"); fi
  done
  if [ ${#running_stale[@]} -gt 0 ]; then
    warn "running with an older build (sources changed): ${running_stale[*]} — pick up the changes with: deploy/local/stack down --only $(IFS=,; echo "${running_stale[*]}") && deploy/local/stack up"
  fi
  [ ${#stale[@]} -gt 0 ] || return 0
  local list; list="$(IFS=,; echo "${stale[*]}")"
  log "building $list (mvnw -q -DskipTests package -pl $list -am; log: $LOG_DIR/build.log)"
  mkdir -p "$LOG_DIR"
  if ! (cd "$REPO_ROOT" && ./mvnw -q -B -DskipTests package -pl "$list" -am) >"$LOG_DIR/build.log" 2>&1; then
    printf -- '----- last 30 lines of %s -----\n' "$LOG_DIR/build.log" >&2
    tail -n 30 "$LOG_DIR/build.log" >&2
    die "building $list failed — read $LOG_DIR/build.log"
  fi
  for s in "${stale[@]}"; do
    [ -f "$(_svc_jar "$s")" ] || die "$s: build succeeded but $(_svc_jar "$s") is missing (is it a Quarkus module packaging fast-jar?)"
    touch "$(_svc_jar "$s")"   # newer than the sources it was built from
  done
  log "built $list"
}

_svc_start() {
  local name="$1" port jar
  is_running "$name" && return 0
  svc_present "$name" || die "$name: no module $REPO_ROOT/$name (pom.xml missing)"
  jar="$(_svc_jar "$name")"
  [ -f "$jar" ] || die "$name: $jar missing (build it: ./mvnw -DskipTests package -pl $name -am)"
  port="$(_svc_port "$name")"
  ensure_port_free "$port" "$name"
  # run a copy of the build: a later `./mvnw verify` rewrites target/ under a running service
  local app="$DATA_DIR/$name/app"
  mkdir -p "$DATA_DIR/$name"
  rm -rf "$app"
  cp -a "$(dirname "$jar")" "$app"
  local -a envs; mapfile -t envs < <(_svc_env "$name")
  # extra JVM flags for every service (a profiler, another collector): later flags win over these
  local -a jvm_extra; read -r -a jvm_extra <<<"${STACK_SERVICE_JAVA_OPTS:-}"
  start_process "$name" "" env -C "$DATA_DIR/$name" "${envs[@]}" "$(java_home)/bin/java" \
    -Xms64m -Xmx256m -XX:+ExitOnOutOfMemoryError "${jvm_extra[@]}" \
    -jar "$app/quarkus-run.jar"
}

# svc_replica NAME PORT: one more instance of a running service on PORT, in the foreground (exec:
# the caller's pid is the JVM's, so a kill reaches it), with the running one's build and settings.
# A projection's replica (search-service, feed-service) joins the same consumer group, and Kafka
# shares the outbox topics' partitions between the two; ending it hands its partitions back.
# Not a stack component (`status` does not list it), but its pid is kept ($RUN_DIR/NAME@PORT.pid), so
# `down` stops it with its service: one left running would join the next stack's consumer group.
svc_replica() {
  local name="$1" port="$2"
  is_service "$name" || die "replica: $name is not a service (${STACK_SERVICES[*]})"
  [[ "$port" =~ ^[0-9]+$ ]] || die "replica: PORT must be a number, not '$port'"
  is_running "$name" || die "replica: $name is not running (a replica runs its build): deploy/local/stack up --only $name"
  ensure_port_free "$port" "$name replica"
  local -a envs; mapfile -t envs < <(_svc_env "$name" | sed -e "s/^QUARKUS_HTTP_PORT=.*/QUARKUS_HTTP_PORT=$port/" \
    -e "s/^QUARKUS_HTTP_ACCESS_LOG_BASE_FILE_NAME=.*/&-$port/")
  local -a jvm_extra; read -r -a jvm_extra <<<"${STACK_SERVICE_JAVA_OPTS:-}"
  log "$name replica on port $port (the build at $DATA_DIR/$name/app)"
  ensure_dirs
  # exec keeps this shell's pid: it is the JVM's
  printf '%s\n' "$$" >"$RUN_DIR/$name@$port.pid"
  _proc_starttime "$$" >"$RUN_DIR/$name@$port.start"
  exec env -C "$DATA_DIR/$name" "${envs[@]}" "$(java_home)/bin/java" \
    -Xms64m -Xmx256m -XX:+ExitOnOutOfMemoryError "${jvm_extra[@]}" \
    -jar "$DATA_DIR/$name/app/quarkus-run.jar"
}

# _svc_env NAME: the environment a service runs with, one NAME=value a line: the prod profile
# and every store's address (unused ones are harmless), spans to the stack's Zipkin. Quarkus maps QUARKUS_FOO_BAR to
# quarkus.foo.bar, MEDIA_BUCKET to media.bucket, ...
_svc_env() {
  cat <<EOF
QUARKUS_PROFILE=prod
QUARKUS_HTTP_PORT=$(_svc_port "$1")
QUARKUS_HTTP_HOST=127.0.0.1
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$STACK_PG_PORT/$STACK_PG_DB
QUARKUS_DATASOURCE_USERNAME=$STACK_PG_USER
QUARKUS_DATASOURCE_PASSWORD=$STACK_PG_PASSWORD
QUARKUS_REDIS_HOSTS=redis://127.0.0.1:$STACK_REDIS_PORT
KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$STACK_KAFKA_PORT
QUARKUS_ELASTICSEARCH_HOSTS=127.0.0.1:$STACK_ES_PORT
QUARKUS_S3_ENDPOINT_OVERRIDE=http://127.0.0.1:$STACK_S3_PORT
QUARKUS_S3_AWS_REGION=us-east-1
QUARKUS_S3_PATH_STYLE_ACCESS=true
QUARKUS_S3_AWS_CREDENTIALS_TYPE=static
QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID=local
QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY=local
QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE=http://127.0.0.1:$STACK_DYNAMODB_PORT
QUARKUS_DYNAMODB_AWS_REGION=us-east-1
QUARKUS_DYNAMODB_AWS_CREDENTIALS_TYPE=static
QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID=local
QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY=local
MEDIA_BUCKET=$STACK_S3_BUCKET
FEED_TABLE=$STACK_FEED_TABLE
FEED_CURSOR_SECRET=feed-cursor-local-only-secret
CATALOG_DEBEZIUM_USER=$STACK_DEBEZIUM_USER
SHOP_ADMIN_EMAIL=$STACK_ADMIN_EMAIL
SHOP_ADMIN_PASSWORD=$STACK_ADMIN_PASSWORD
CATALOG_SERVICE_URL=http://127.0.0.1:$STACK_CATALOG_PORT
SESSION_SERVICE_URL=http://127.0.0.1:$STACK_SESSION_PORT
SEARCH_SERVICE_URL=http://127.0.0.1:$STACK_SEARCH_PORT
MEDIA_SERVICE_URL=http://127.0.0.1:$STACK_MEDIA_PORT
MEDIA_PUBLIC_URL=http://127.0.0.1:$STACK_GATEWAY_PORT
FEED_SERVICE_URL=http://127.0.0.1:$STACK_FEED_PORT
LEADERBOARD_SERVICE_URL=http://127.0.0.1:$STACK_LEADERBOARD_PORT
STOREFRONT_URL=http://127.0.0.1:$STACK_STOREFRONT_PORT
KAFKA_CONNECT_URL=http://127.0.0.1:$STACK_CONNECT_PORT
ZIPKIN_URL=http://127.0.0.1:$STACK_ZIPKIN_PORT
ZIPKIN_UI_URL=http://127.0.0.1:$STACK_ZIPKIN_PORT/zipkin/
PROMETHEUS_URL=http://127.0.0.1:$STACK_PROMETHEUS_PORT
SHOP_KIT_TRACING_EXPORTER=zipkin
SHOP_KIT_TRACING_ENDPOINT=http://127.0.0.1:$STACK_ZIPKIN_PORT/api/v2/spans
QUARKUS_HTTP_ACCESS_LOG_ENABLED=$STACK_SERVICE_ACCESS_LOG
QUARKUS_HTTP_ACCESS_LOG_LOG_TO_FILE=true
QUARKUS_HTTP_ACCESS_LOG_LOG_DIRECTORY=$LOG_DIR
QUARKUS_HTTP_ACCESS_LOG_BASE_FILE_NAME=$1-access
EOF
}

# catalog_migrate: apply catalog-service's Flyway migrations, then exit (Quarkus init-and-exit,
# what a Kubernetes init container does), so that the outbox table exists before the connector
# is registered, and the connector's slot exists before catalog-service writes its first event:
# Debezium streams only what is written after its slot was created.
catalog_migrate() {
  local jar log="$LOG_DIR/catalog-service-migrate.log"
  jar="$(_svc_jar catalog-service)"
  local -a envs; mapfile -t envs < <(_svc_env catalog-service)
  log "catalog-service: applying database migrations (log: $log)"
  mkdir -p "$DATA_DIR/catalog-service"
  if ! env -C "$DATA_DIR/catalog-service" "${envs[@]}" QUARKUS_INIT_AND_EXIT=true QUARKUS_HTTP_PORT=0 \
      "$(java_home)/bin/java" -Xmx256m -jar "$jar" >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    die "catalog-service: migrations failed — read $log"
  fi
}

_svc_healthy() {
  http_ok "http://127.0.0.1:$(_svc_port "$1")/q/health/ready"
}

_svc_detail() {
  local name="$1" code
  svc_present "$name" || { echo "module $name/ not present"; return 0; }
  if ! is_running "$name"; then
    if [ ! -f "$(_svc_jar "$name")" ]; then echo "not built yet (built at next up)"
    elif svc_stale "$name"; then echo "jar older than sources (rebuilt at next up)"; fi
    return 0
  fi
  svc_stale "$name" && echo "sources changed since this build: down --only $name, then up, to pick them up"
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$(_svc_port "$name")/q/health/ready" 2>/dev/null || true)"
  [ "$code" = 200 ] || echo "ready check: HTTP ${code:-none} (curl http://127.0.0.1:$(_svc_port "$name")/q/health/ready)"
}

# NAME_* functions for each service (the component contract, deploy/local/README.md)
for _svc in "${STACK_SERVICES[@]}"; do
  eval "
${_svc}_install()     { :; }
${_svc}_start()       { _svc_start $_svc; }
${_svc}_healthy()     { _svc_healthy $_svc; }
${_svc}_after_start() { :; }
${_svc}_url()         { echo \"http://127.0.0.1:\$(_svc_port $_svc)\"; }
${_svc}_detail()      { _svc_detail $_svc; }
${_svc}_timeout()     { echo 90; }
"
done
unset _svc

# login and logout create and end sessions in session-service
catalog-service_deps()     { echo postgres redis session-service; }
session-service_deps()     { echo redis; }
leaderboard-service_deps() { echo redis; }
search-service_deps()      { echo elasticsearch kafka; }
media-service_deps()       { echo s3; }
feed-service_deps()        { echo dynamodb kafka; }
# the console's row in the status table names its page, which is what one opens (through the
# gateway, which signs the admin in); the service itself listens on STACK_OPS_CONSOLE_PORT
ops-console_url()          { echo "http://127.0.0.1:$STACK_GATEWAY_PORT/console/ (service :$STACK_OPS_CONSOLE_PORT)"; }
# the console reads everything else as it finds it (what is down is shown down), but its pipeline
# view needs Kafka's admin API to mean anything
ops-console_deps()         { echo kafka; }
# the storefront is a page the gateway serves at / ; it needs nothing but itself (the visitor's
# browser calls the API through the gateway)
storefront_url()           { echo "http://127.0.0.1:$STACK_GATEWAY_PORT/ (service :$STACK_STOREFRONT_PORT)"; }
