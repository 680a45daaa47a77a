# shellcheck shell=bash
# Shared functions for deploy/local/stack and deploy/local/components/*.sh.
# Sourced, never executed. See "Writing a component" in deploy/local/README.md.

# ---------------------------------------------------------------------------
# Locations
# ---------------------------------------------------------------------------
STACK_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_ROOT="$(cd "$STACK_HOME/../.." && pwd)"

_stack_abs() { # make a path absolute (relative paths are relative to the current directory)
  case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s/%s\n' "$PWD" "$1" ;; esac
}

# ---------------------------------------------------------------------------
# Settings: every one has a default and is overridden by the environment
# variable of the same name. STACK_SETTINGS lists them in `stack env` order.
# ---------------------------------------------------------------------------
STACK_SETTINGS=(
  STACK_STATE_DIR STACK_CACHE_DIR
  STACK_PG_PORT STACK_PG_DB STACK_PG_USER STACK_PG_PASSWORD
  STACK_DEBEZIUM_USER STACK_DEBEZIUM_PASSWORD
  STACK_REDIS_PORT
  STACK_KAFKA_PORT STACK_KAFKA_CONTROLLER_PORT
  STACK_CONNECT_PORT
  STACK_ES_PORT STACK_ES_TRANSPORT_PORT
  STACK_S3_PORT STACK_S3_BUCKET
  STACK_DYNAMODB_PORT STACK_FEED_TABLE
  STACK_CATALOG_PORT STACK_SESSION_PORT STACK_SEARCH_PORT STACK_MEDIA_PORT STACK_FEED_PORT STACK_LEADERBOARD_PORT
  STACK_OPS_CONSOLE_PORT STACK_STOREFRONT_PORT
  STACK_GATEWAY_PORT STACK_ZIPKIN_PORT STACK_PROMETHEUS_PORT
  STACK_ADMIN_EMAIL STACK_ADMIN_PASSWORD
  STACK_SERVICE_USER STACK_OUTBOX_INVALID_OP STACK_OUTBOX_PARTITIONS
)
: "${STACK_STATE_DIR:=$STACK_HOME/.state}"
: "${STACK_CACHE_DIR:=$STACK_HOME/.cache}"
: "${STACK_PG_PORT:=5432}"
: "${STACK_PG_DB:=catalog}"
: "${STACK_PG_USER:=catalog}"
: "${STACK_PG_PASSWORD:=catalog-local-only}"
: "${STACK_DEBEZIUM_USER:=debezium}"
: "${STACK_DEBEZIUM_PASSWORD:=debezium-local-only}"
: "${STACK_REDIS_PORT:=6379}"
: "${STACK_KAFKA_PORT:=9092}"
: "${STACK_KAFKA_CONTROLLER_PORT:=9093}"
: "${STACK_CONNECT_PORT:=8088}"
: "${STACK_ES_PORT:=9200}"
: "${STACK_ES_TRANSPORT_PORT:=9300}"
: "${STACK_S3_PORT:=9090}"
: "${STACK_S3_BUCKET:=media}"
: "${STACK_DYNAMODB_PORT:=8000}"
: "${STACK_FEED_TABLE:=feed}"
: "${STACK_CATALOG_PORT:=8081}"
: "${STACK_SESSION_PORT:=8082}"
: "${STACK_SEARCH_PORT:=8083}"
: "${STACK_MEDIA_PORT:=8084}"
: "${STACK_FEED_PORT:=8085}"
: "${STACK_LEADERBOARD_PORT:=8086}"
: "${STACK_OPS_CONSOLE_PORT:=8087}"
: "${STACK_STOREFRONT_PORT:=8089}"
: "${STACK_GATEWAY_PORT:=8080}"
: "${STACK_ZIPKIN_PORT:=9411}"
# the administrator catalog-service creates at start-up (the console's and the storefront's sign-in)
: "${STACK_ADMIN_EMAIL:=admin@shop.local}"
: "${STACK_ADMIN_PASSWORD:=admin-local-only}"
: "${STACK_PROMETHEUS_PORT:=9091}"
: "${STACK_OUTBOX_PARTITIONS:=3}"      # partitions of each outbox.event.* topic: how many instances of a projection share the work (see connect.sh)
: "${STACK_OUTBOX_INVALID_OP:=fatal}"  # the outbox connector on an UPDATE of the insert-only outbox (warn skips it once; see connect.sh)
: "${STACK_SERVICE_USER:=shopstack}"   # the non-root user PostgreSQL / Elasticsearch run as when started by root
STACK_STATE_DIR="$(_stack_abs "$STACK_STATE_DIR")"
STACK_CACHE_DIR="$(_stack_abs "$STACK_CACHE_DIR")"
export "${STACK_SETTINGS[@]}"

STATE_DIR="$STACK_STATE_DIR"
CACHE_DIR="$STACK_CACHE_DIR"
LOG_DIR="$STATE_DIR/logs"
RUN_DIR="$STATE_DIR/run"
DATA_DIR="$STATE_DIR/data"

# Components in start order (the trace and metrics backends and the stores first, then services, then the edge:
# the gateway in front of them, started last and stopped first). Names are fixed: tests and docs use them.
STACK_OBSERVABILITY=(zipkin prometheus)
STACK_STORES=(postgres redis kafka connect elasticsearch s3 dynamodb)
STACK_SERVICES=(catalog-service session-service search-service media-service feed-service leaderboard-service ops-console storefront)
STACK_EDGE=(gateway)
STACK_COMPONENTS=("${STACK_OBSERVABILITY[@]}" "${STACK_STORES[@]}" "${STACK_SERVICES[@]}" "${STACK_EDGE[@]}")

# Time origin for progress lines (inherited by sub-shells and child scripts).
: "${STACK_T0:=${EPOCHREALTIME:-$(date +%s.%N)}}"
export STACK_T0

# ---------------------------------------------------------------------------
# Messages
# ---------------------------------------------------------------------------
_stack_elapsed() { # seconds since STACK_T0, one decimal
  local now="${EPOCHREALTIME:-$(date +%s.%N)}"
  awk -v a="$STACK_T0" -v b="$now" 'BEGIN { printf "%5.1f", b - a }'
}
log()  { printf '[%ss] %s\n' "$(_stack_elapsed)" "$*"; }
warn() { printf '[%ss] WARNING: %s\n' "$(_stack_elapsed)" "$*" >&2; }
die()  { printf 'stack: ERROR: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# ---------------------------------------------------------------------------
# Directories / service user
# ---------------------------------------------------------------------------
ensure_dirs() {
  mkdir -p "$LOG_DIR" "$RUN_DIR" "$DATA_DIR" "$CACHE_DIR" 2>/dev/null \
    || die "cannot create $STATE_DIR or $CACHE_DIR (not writable by $(id -un)): set STACK_STATE_DIR and STACK_CACHE_DIR to writable directories"
}

# ensure_service_user: create the non-root system user (root only; no-op otherwise).
ensure_service_user() {
  is_root || return 0
  id -u "$STACK_SERVICE_USER" >/dev/null 2>&1 && return 0
  # Serialised: several components may ask at once.
  mkdir -p "$RUN_DIR"
  (
    flock 9
    id -u "$STACK_SERVICE_USER" >/dev/null 2>&1 && exit 0
    useradd -r -M -d /nonexistent -s /usr/sbin/nologin -U "$STACK_SERVICE_USER" \
      || die "could not create system user $STACK_SERVICE_USER (useradd -r)"
  ) 9>"$RUN_DIR/.useradd.lock"
}

# service_owned_dir DIR...: mkdir -p and, when root, chown to the service user.
# Also checks that the service user can reach the directory (every parent needs o+x).
service_owned_dir() {
  local d
  for d in "$@"; do
    mkdir -p "$d"
    if is_root; then
      ensure_service_user
      chown -R "$STACK_SERVICE_USER:$STACK_SERVICE_USER" "$d"
      setpriv --reuid="$STACK_SERVICE_USER" --regid="$STACK_SERVICE_USER" --init-groups -- test -w "$d" \
        || die "user $STACK_SERVICE_USER cannot write $d (a parent directory is not traversable: chmod o+x it or set STACK_STATE_DIR)"
    fi
  done
}

# as_service_user CMD...: run CMD as the non-root service user when root, else as is.
# Uses setpriv (exec, no fork), so a pid taken from `as_service_user cmd &` is cmd's own.
as_service_user() {
  if is_root; then
    ensure_service_user
    HOME="$(getent passwd "$STACK_SERVICE_USER" | cut -d: -f6)" USER="$STACK_SERVICE_USER" LOGNAME="$STACK_SERVICE_USER" \
      setpriv --reuid="$STACK_SERVICE_USER" --regid="$STACK_SERVICE_USER" --init-groups -- "$@"
  else
    "$@"
  fi
}

# ---------------------------------------------------------------------------
# Installing things
# ---------------------------------------------------------------------------
# need_cmd CMD [DEBIAN_PACKAGE]: make sure CMD exists, installing the package with apt-get when root.
need_cmd() {
  local cmd="$1" pkg="${2:-$1}"
  command -v "$cmd" >/dev/null 2>&1 && return 0
  apt_install "$pkg"
  command -v "$cmd" >/dev/null 2>&1 || die "'$cmd' still missing after installing $pkg"
}

# apt_install PKG...: install Debian packages that are missing (root only; runs apt-get update once).
apt_install() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  is_root || die "missing Debian package(s): ${missing[*]} — run as root or: sudo apt-get install -y ${missing[*]}"
  mkdir -p "$RUN_DIR"
  (
    flock 9   # apt/dpkg cannot run twice at once
    # once per `stack` invocation (parallel installs share the marker)
    if [ "$(cat "$RUN_DIR/.apt-updated" 2>/dev/null)" != "$STACK_T0" ]; then
      log "apt-get update"
      local uout
      uout="$(DEBIAN_FRONTEND=noninteractive apt-get update -qq 2>&1)" \
        || { printf '%s\n' "$uout" | tail -n 20 >&2; die "apt-get update failed (see above)"; }
      printf '%s\n' "$STACK_T0" >"$RUN_DIR/.apt-updated"
    fi
    log "apt-get install ${missing[*]}"
    # Packages such as redis-server / postgresql would start their own daemon on the default
    # port (and clash with ours): forbid service starts during the install (policy-rc.d).
    local policy=/usr/sbin/policy-rc.d ours=""
    if [ ! -e "$policy" ]; then
      printf '#!/bin/sh\n# temporary, deploy/local/stack: no daemons from apt-get\nexit 101\n' >"$policy"
      chmod 0755 "$policy"; ours=1
    fi
    local rc=0 out
    out="$(DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}" 2>&1)" || rc=$?
    [ -z "$ours" ] || rm -f "$policy"
    if [ "$rc" -ne 0 ]; then
      printf '%s\n' "$out" | tail -n 20 >&2
      die "apt-get install ${missing[*]} failed (see above)"
    fi
  ) 9>"$RUN_DIR/.apt.lock"
}

# java_home: echo a JDK 17+ home (JAVA_HOME if suitable, else the `java` on PATH, else /usr/lib/jvm/*).
java_home() {
  if [ -n "${_STACK_JAVA_HOME:-}" ]; then printf '%s\n' "$_STACK_JAVA_HOME"; return 0; fi
  local cand j v
  for cand in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" /usr/lib/jvm/*; do
    [ -n "$cand" ] && [ -x "$cand/bin/java" ] || continue
    j="$cand/bin/java"
    v="$("$j" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')"
    v="${v%%.*}"
    if [ -n "$v" ] && [ "$v" -ge 17 ] 2>/dev/null; then printf '%s\n' "$cand"; return 0; fi
  done
  die "no JDK 17+ found (set JAVA_HOME, or as root: apt-get install openjdk-17-jdk-headless)"
}

# ensure_jdk: a JDK 17+ is there (as root: apt-get install openjdk-17-jdk-headless if not).
# Remembers the answer (exported) so later java_home calls need no JVM start.
ensure_jdk() {
  if ! (java_home >/dev/null 2>&1); then apt_install openjdk-17-jdk-headless; fi
  _STACK_JAVA_HOME="$(java_home)"
  export _STACK_JAVA_HOME
}

# fetch_maven_artifacts POM DEST: copy the POM's dependencies from Maven Central into DEST.
# Skipped when DEST holds a marker for this exact POM and the root pom's <properties>.
fetch_maven_artifacts() {
  local pom="$1" dest="$2" stamp
  [ -f "$pom" ] || die "no such POM: $pom"
  stamp="$( { cat "$pom"; sed -n '/<properties>/,/<\/properties>/p' "$REPO_ROOT/pom.xml"; } | sha256sum | cut -d' ' -f1)"
  if [ -f "$dest/.fetched" ] && [ "$(cat "$dest/.fetched")" = "$stamp" ]; then
    return 0
  fi
  mkdir -p "$dest" "$CACHE_DIR"
  # One fetch per destination at a time (two components may share one, e.g. kafka/connect):
  # the second waits, then finds the marker and returns.
  local lock; lock="$CACHE_DIR/.fetch-$(printf '%s' "$dest" | sha256sum | cut -c1-16).lock"
  (
    flock 8
    if [ -f "$dest/.fetched" ] && [ "$(cat "$dest/.fetched")" = "$stamp" ]; then exit 0; fi
    # The Maven wrapper downloads Maven on first use: do that once, not in parallel.
    ( flock 9; "$REPO_ROOT/mvnw" -q --version >/dev/null 2>&1 || true ) 9>"$CACHE_DIR/.mvnw.lock"
    log "fetching Maven artifacts for $(basename "$pom" .pom.xml) into $dest"
    # into a fresh folder, swapped in whole: jars of an older POM must not linger on a lib/* classpath
    local fresh="$dest.fetching"
    rm -rf "$fresh"
    out="$("$REPO_ROOT/mvnw" -q -B -f "$pom" dependency:copy-dependencies \
            -DoutputDirectory="$fresh" -Dsilent=true 2>&1)" || {
      printf '%s\n' "$out" | tail -n 30 >&2
      rm -rf "$fresh"
      die "fetching Maven artifacts for $pom failed (see above)"
    }
    printf '%s\n' "$stamp" >"$fresh/.fetched"
    rm -rf "$dest"
    mv "$fresh" "$dest"
  ) 8>"$lock"
}

# ---------------------------------------------------------------------------
# Processes
# ---------------------------------------------------------------------------
_proc_starttime() { # field 22 of /proc/PID/stat (clock ticks since boot), empty when gone
  [ -r "/proc/$1/stat" ] || return 0
  sed -E 's/^.*\) //' "/proc/$1/stat" 2>/dev/null | awk '{print $20}'
}

# pid_of NAME: echo the recorded pid (nothing when no pid file).
pid_of() {
  [ -f "$RUN_DIR/$1.pid" ] && head -n1 "$RUN_DIR/$1.pid" 2>/dev/null || true
}

# is_running NAME: pid file present and that very process alive (not a recycled pid).
is_running() {
  local pid st
  pid="$(pid_of "$1")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  if [ -f "$RUN_DIR/$1.start" ]; then
    st="$(_proc_starttime "$pid")"
    [ "$st" = "$(cat "$RUN_DIR/$1.start")" ] || return 1
  fi
  # a zombie is not running
  [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || echo Z)" != Z ] || return 1
  return 0
}

# start_process NAME USER|"" CMD...: start CMD in the background in its own session
# (so `down` can signal its whole process group), stdout+stderr appended to
# $LOG_DIR/NAME.log, pid written to $RUN_DIR/NAME.pid. USER (e.g. shopstack) is used
# only when running as root. The environment is inherited.
start_process() {
  local name="$1" user="$2"; shift 2
  ensure_dirs
  if is_running "$name"; then return 0; fi
  local logf="$LOG_DIR/$name.log"
  # the command line, with passwords masked: logs get copied and pasted
  printf '\n===== %s starting %s: %s\n' "$(date -Is)" "$name" \
    "$(printf '%s' "$*" | sed -E 's/(PASSWORD[A-Z_]*=)[^ ]*/\1****/g')" >>"$logf"
  if [ -n "$user" ] && is_root; then
    ensure_service_user
    local home; home="$(getent passwd "$user" | cut -d: -f6)"
    HOME="$home" USER="$user" LOGNAME="$user" \
      setsid setpriv --reuid="$user" --regid="$user" --init-groups -- "$@" </dev/null >>"$logf" 2>&1 199>&- &
  else
    setsid "$@" </dev/null >>"$logf" 2>&1 199>&- &
  fi
  local pid=$!
  printf '%s\n' "$pid" >"$RUN_DIR/$name.pid"
  # give the kernel a moment so /proc/PID/stat exists (it does right after fork)
  _proc_starttime "$pid" >"$RUN_DIR/$name.start"
  [ -s "$RUN_DIR/$name.start" ] || rm -f "$RUN_DIR/$name.start"
}

# stop_process NAME [TIMEOUT]: SIGTERM the process group recorded for NAME, wait up to
# TIMEOUT seconds (default 20), then SIGKILL. Only processes we started (pid file).
stop_process() {
  local name="$1" timeout="${2:-20}" pid
  if ! is_running "$name"; then
    rm -f "$RUN_DIR/$name.pid" "$RUN_DIR/$name.start"
    return 0
  fi
  pid="$(pid_of "$name")"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  local deadline=$(( $(date +%s) + timeout ))
  while is_running "$name" || _pgrp_alive "$pid"; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      warn "$name (pid $pid) did not stop within ${timeout}s: SIGKILL"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.3
  done
  rm -f "$RUN_DIR/$name.pid" "$RUN_DIR/$name.start"
}

_pgrp_alive() { # any process left in process group PGID?
  local pg="$1"
  [ -n "$(ps -e -o pgid= -o stat= 2>/dev/null | awk -v g="$pg" '$1==g && $2 !~ /^Z/ {print; exit}')" ]
}

# ---------------------------------------------------------------------------
# Ports and health
# ---------------------------------------------------------------------------
# port_listener PORT: echo "pid=N (command)" of whoever listens on 127.0.0.1/any PORT, empty if free.
port_listener() {
  local port="$1" line
  if command -v ss >/dev/null 2>&1; then
    line="$(ss -Hltnp "sport = :$port" 2>/dev/null | head -n1)"
    [ -n "$line" ] || return 0
    local pid cmd
    pid="$(printf '%s' "$line" | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2)"
    if [ -n "$pid" ]; then
      cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-100)"
      printf 'pid %s (%s)\n' "$pid" "${cmd:-?}"
    else
      printf 'another process\n'
    fi
  elif (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    printf 'another process\n'
  fi
}

# _pid_is_ours NAME PID: PID is NAME's recorded process or in its process group/session.
_pid_is_ours() {
  local name="$1" pid="$2" ours
  ours="$(pid_of "$name")"
  [ -n "$ours" ] && [ -n "$pid" ] || return 1
  [ "$pid" = "$ours" ] && return 0
  local sid; sid="$(ps -o sid= -p "$pid" 2>/dev/null | tr -d ' ')"
  [ "$sid" = "$ours" ]
}

# ensure_port_free PORT NAME: die naming port and component when PORT is taken by something
# that is not NAME's own running process.
ensure_port_free() {
  local port="$1" name="$2" who pid
  who="$(port_listener "$port")"
  [ -z "$who" ] && return 0
  if is_running "$name"; then
    pid="$(printf '%s' "$who" | awk '/^pid/ {print $2}')"
    if [ -z "$pid" ] || _pid_is_ours "$name" "$pid"; then return 0; fi
  fi
  die "port $port ($name) is already in use by $who — stop it, or choose another port with the STACK_*_PORT override (see: deploy/local/stack env)"
}

# http_ok URL: exit status only (2xx).
http_ok() {
  curl -fsS -o /dev/null --max-time 2 "$1" >/dev/null 2>&1
}

# wait_healthy NAME TIMEOUT: poll NAME_healthy every 0.5 s. Dies (naming NAME and its log,
# printing the log's last 20 lines) on timeout or when the process exits.
wait_healthy() {
  local name="$1" timeout="$2"
  local deadline
  deadline="$(awk -v t="${EPOCHREALTIME:-$(date +%s)}" -v d="$timeout" 'BEGIN{printf "%d", t + d}')"
  while :; do
    if "${name}_healthy" >/dev/null 2>&1; then return 0; fi
    if [ -f "$RUN_DIR/$name.pid" ] && ! is_running "$name"; then
      _fail_with_log "$name" "exited before becoming healthy"
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      _fail_with_log "$name" "not healthy within ${timeout}s"
    fi
    sleep 0.5
  done
}

_fail_with_log() {
  local name="$1" why="$2" logf="$LOG_DIR/$1.log"
  {
    printf 'stack: ERROR: %s %s — read its log: %s\n' "$name" "$why" "$logf"
    if [ -f "$logf" ]; then
      printf -- '----- last 20 lines of %s -----\n' "$logf"
      tail -n 20 "$logf"
      printf -- '-----\n'
    fi
  } >&2
  exit 1
}

# has_fn NAME: a function of that name is defined.
has_fn() { declare -F "$1" >/dev/null 2>&1; }
