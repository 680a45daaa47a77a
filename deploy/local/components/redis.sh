# shellcheck shell=bash
# Redis: Debian's redis-server, bound to 127.0.0.1, append-only file + snapshots in
# $DATA_DIR/redis so data survives `stack down` / `stack up`.

redis_deps()    { :; }
# Redis answers LOADING until its append-only file is read back (~30 MB/s here: a 1 GB
# benchmark data set takes over 30 s), so the wait grows with the data on disk.
redis_timeout() {
  local mb=0
  [ -d "$DATA_DIR/redis" ] && mb="$(du -sm "$DATA_DIR/redis" 2>/dev/null | awk '{print $1}')"
  echo $((30 + ${mb:-0} / 10))
}
redis_url()     { echo "redis://127.0.0.1:$STACK_REDIS_PORT"; }

redis_install() {
  need_cmd redis-server redis-server
  need_cmd redis-cli redis-tools
}

redis_start() {
  is_running redis && return 0
  command -v redis-server >/dev/null 2>&1 || die "redis: redis-server not installed (run: deploy/local/stack up as root, or: sudo apt-get install -y redis-server)"
  ensure_port_free "$STACK_REDIS_PORT" redis
  mkdir -p "$DATA_DIR/redis"
  start_process redis "" redis-server \
    --bind 127.0.0.1 --port "$STACK_REDIS_PORT" --protected-mode yes \
    --dir "$DATA_DIR/redis" --appendonly yes --appendfsync everysec \
    --save "3600 1 300 100 60 10000" --daemonize no --supervised no \
    --logfile "" --pidfile "" --unixsocket ""
}

redis_healthy() {
  [ "$(redis-cli -h 127.0.0.1 -p "$STACK_REDIS_PORT" ping 2>/dev/null)" = PONG ]
}

redis_after_start() { :; }

redis_detail() {
  redis_healthy || return 0
  local keys ver
  keys="$(redis-cli -h 127.0.0.1 -p "$STACK_REDIS_PORT" dbsize 2>/dev/null)"
  ver="$(redis-cli -h 127.0.0.1 -p "$STACK_REDIS_PORT" info server 2>/dev/null | awk -F: '/^redis_version/ {print $2}' | tr -d '\r')"
  printf 'Redis %s, %s keys, appendonly\n' "$ver" "$keys"
}
