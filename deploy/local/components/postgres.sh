# shellcheck shell=bash
# PostgreSQL: the machine's own server binaries (highest /usr/lib/postgresql/*/bin), one cluster
# under $DATA_DIR/postgres, logical decoding on (Debezium). Runs as $STACK_SERVICE_USER when
# started by root (PostgreSQL refuses to run as root).

_pg_bin() { # highest installed major version's bin directory
  local d best="" bestv=0 v
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/postgres" ] || continue
    v="$(basename "$(dirname "$d")")"; v="${v%%.*}"
    if [ "$v" -gt "$bestv" ] 2>/dev/null; then bestv="$v"; best="$d"; fi
  done
  [ -n "$best" ] && printf '%s\n' "$best"
}
_pg_data()   { printf '%s\n' "$DATA_DIR/postgres"; }
_pg_socket() { printf '%s\n' "$STATE_DIR/pgsocket"; }

# psql as the superuser over the unix socket (trust), quiet, failing on the first error.
_pg_psql() {
  local bin; bin="$(_pg_bin)"
  as_service_user "$bin/psql" -X -q -At -v ON_ERROR_STOP=1 -h "$(_pg_socket)" -p "$STACK_PG_PORT" -U postgres "$@"
}

postgres_deps()    { :; }
postgres_timeout() { echo 60; }
postgres_url()     { echo "postgresql://127.0.0.1:$STACK_PG_PORT/$STACK_PG_DB"; }

postgres_install() {
  if [ -z "$(_pg_bin)" ]; then
    is_root || die "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin): run as root, or: sudo apt-get install -y postgresql"
    # Debian would create and start its own cluster on 5432: we only want the binaries.
    if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
      mkdir -p /etc/postgresql-common
      echo 'create_main_cluster = false' >/etc/postgresql-common/createcluster.conf
    fi
    apt_install postgresql
    [ -n "$(_pg_bin)" ] || die "apt-get installed postgresql but /usr/lib/postgresql/*/bin/postgres is still missing"
  fi
  return 0
}

postgres_start() {
  is_running postgres && return 0
  local bin data sock
  bin="$(_pg_bin)"; [ -n "$bin" ] || die "postgres: server binaries not installed (run: deploy/local/stack up as root)"
  data="$(_pg_data)"; sock="$(_pg_socket)"
  [ "${#sock}" -lt 90 ] || die "postgres: socket directory path too long for a unix socket ($sock): choose a shorter STACK_STATE_DIR"
  ensure_port_free "$STACK_PG_PORT" postgres
  service_owned_dir "$sock"
  chmod 0755 "$sock"
  if [ ! -s "$data/PG_VERSION" ]; then
    log "postgres: initdb $data"
    rm -rf "$data"
    service_owned_dir "$data"
    chmod 0700 "$data"
    as_service_user "$bin/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --no-locale --no-instructions >>"$LOG_DIR/postgres.log" 2>&1 \
      || die "postgres: initdb failed — read $LOG_DIR/postgres.log"
  else
    is_root && chown -R "$STACK_SERVICE_USER:$STACK_SERVICE_USER" "$data"
  fi
  # A lock file left by a killed server whose pid now belongs to another process would make
  # PostgreSQL refuse to start; a live postmaster on this data directory is never touched.
  if [ -f "$data/postmaster.pid" ]; then
    local lpid; lpid="$(head -n1 "$data/postmaster.pid" 2>/dev/null || true)"
    if [ -n "$lpid" ] && [ "$(cat "/proc/$lpid/comm" 2>/dev/null)" = postgres ]; then
      die "postgres: a server (pid $lpid) already runs on $data without our pid file — stop it first (kill -INT $lpid)"
    fi
    rm -f "$data/postmaster.pid"
  fi
  start_process postgres "$STACK_SERVICE_USER" "$bin/postgres" -D "$data" \
    -c listen_addresses=127.0.0.1 -c port="$STACK_PG_PORT" -c unix_socket_directories="$sock" \
    -c wal_level=logical -c max_replication_slots=10 -c max_wal_senders=10 -c max_connections=300 \
    -c logging_collector=off -c log_line_prefix='%m [%p] ' -c shared_buffers=128MB
}

postgres_healthy() {
  local bin; bin="$(_pg_bin)"; [ -n "$bin" ] || return 1
  "$bin/pg_isready" -q -h 127.0.0.1 -p "$STACK_PG_PORT" -t 2
}

postgres_after_start() {
  _pg_psql -d postgres -v user="$STACK_PG_USER" -v pw="$STACK_PG_PASSWORD" -v db="$STACK_PG_DB" \
    -v dbz="$STACK_DEBEZIUM_USER" -v dbzpw="$STACK_DEBEZIUM_PASSWORD" <<'SQL' >/dev/null || die "postgres: creating roles/database failed — read $LOG_DIR/postgres.log"
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'user', :'pw')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'user', :'pw') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user')
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'db', :'user')
  WHERE EXISTS (SELECT 1 FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba
                WHERE d.datname = :'db' AND r.rolname <> :'user') \gexec
SELECT format('CREATE ROLE %I LOGIN REPLICATION PASSWORD %L', :'dbz', :'dbzpw')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'dbz') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN REPLICATION PASSWORD %L', :'dbz', :'dbzpw') \gexec
SQL
}

postgres_detail() {
  postgres_healthy >/dev/null 2>&1 || return 0
  local slots
  slots="$(_pg_psql -d postgres -c "SELECT coalesce(string_agg(slot_name || ' ' || CASE WHEN active THEN 'active' ELSE 'inactive' END
           || ' ' || pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) || ' behind', ', '), 'none')
           FROM pg_replication_slots" 2>/dev/null || true)"
  printf 'PostgreSQL %s, wal_level=logical, slots: %s\n' "$(basename "$(dirname "$(_pg_bin)")")" "${slots:-?}"
}

# Optional hook used by `stack down`: fast shutdown (SIGINT) instead of the smart one
# (SIGTERM waits for every client to disconnect).
postgres_stop() {
  local pid; pid="$(pid_of postgres)"
  if is_running postgres; then
    kill -INT "$pid" 2>/dev/null || true
    local i
    for i in $(seq 1 60); do is_running postgres || break; sleep 0.25; done
  fi
  stop_process postgres 10
}
