# shellcheck shell=bash
# Elasticsearch 8.19: the integ-test-zip distribution from Maven Central (root pom property
# elasticsearch.version), unpacked into $CACHE_DIR/elasticsearch. Single node, security off,
# bound to 127.0.0.1, data in $DATA_DIR/elasticsearch. Runs as $STACK_SERVICE_USER when
# started by root (Elasticsearch refuses to run as root).
# The distribution has no rest-root module (GET / answers 405): health is /_cluster/health.

_es_home() { # the unpacked distribution (newest, when several versions were fetched)
  local d
  d="$(ls -d "$CACHE_DIR"/elasticsearch/elasticsearch-*/ 2>/dev/null | sort -V | tail -n1)"
  [ -n "$d" ] && printf '%s\n' "${d%/}"
}
_es_version_wanted() {
  sed -n 's:.*<elasticsearch.version>\(.*\)</elasticsearch.version>.*:\1:p' "$REPO_ROOT/pom.xml" | head -n1
}

elasticsearch_deps()    { :; }
elasticsearch_timeout() { echo 120; }
elasticsearch_url()     { echo "http://127.0.0.1:$STACK_ES_PORT"; }

elasticsearch_install() {
  local want dest="$CACHE_DIR/elasticsearch" zip
  want="$(_es_version_wanted)"
  [ -n "$want" ] || die "elasticsearch: no <elasticsearch.version> in $REPO_ROOT/pom.xml"
  if [ -x "$dest/elasticsearch-$want/bin/elasticsearch" ]; then return 0; fi
  fetch_maven_artifacts "$STACK_HOME/components/elasticsearch.pom.xml" "$dest/dist"
  zip="$dest/dist/elasticsearch-$want.zip"
  [ -f "$zip" ] || die "elasticsearch: $zip missing after the Maven fetch"
  log "elasticsearch: unpacking $(basename "$zip")"
  local tmp="$dest/.unpack.$$"
  rm -rf "$tmp"; mkdir -p "$tmp"
  if ! command -v unzip >/dev/null 2>&1 && is_root; then apt_install unzip; fi
  if command -v unzip >/dev/null 2>&1; then
    unzip -q "$zip" -d "$tmp" || die "elasticsearch: unzip $zip failed"
  else
    (cd "$tmp" && "$(java_home)/bin/jar" xf "$zip") || die "elasticsearch: unpacking $zip failed"
    chmod +x "$tmp"/elasticsearch-*/bin/* 2>/dev/null || true
  fi
  chmod -R a+rX "$tmp"
  rm -rf "${dest:?}/elasticsearch-$want"
  mv "$tmp/elasticsearch-$want" "$dest/" || die "elasticsearch: unexpected layout in $zip"
  rm -rf "$tmp"
  # keep only the wanted version
  local d; for d in "$dest"/elasticsearch-*/; do
    [ "${d%/}" = "$dest/elasticsearch-$want" ] || rm -rf "${d%/}"
  done
}

elasticsearch_start() {
  is_running elasticsearch && return 0
  local home base="$DATA_DIR/elasticsearch"
  home="$(_es_home)"; [ -n "$home" ] || die "elasticsearch: not installed (run: deploy/local/stack up)"
  ensure_port_free "$STACK_ES_PORT" elasticsearch
  ensure_port_free "$STACK_ES_TRANSPORT_PORT" elasticsearch
  if [ ! -f "$base/config/elasticsearch.yml" ] || [ "$(cat "$base/config/.from" 2>/dev/null)" != "$home" ]; then
    # ES writes into its config dir (keystore): give it its own copy
    rm -rf "$base/config"
    mkdir -p "$base"
    cp -r "$home/config" "$base/config"
    printf '%s\n' "$home" >"$base/config/.from"
  fi
  service_owned_dir "$base" "$base/data" "$base/logs" "$base/tmp"
  ES_JAVA_HOME="$(java_home)" ES_PATH_CONF="$base/config" ES_TMPDIR="$base/tmp" \
  ES_JAVA_OPTS="-Xms512m -Xmx512m ${STACK_ES_JAVA_OPTS:-}" \
  start_process elasticsearch "$STACK_SERVICE_USER" env -C "$base" "$home/bin/elasticsearch" \
    -E discovery.type=single-node -E xpack.security.enabled=false \
    -E cluster.name=shop-local -E node.name=local \
    -E http.host=127.0.0.1 -E transport.host=127.0.0.1 \
    -E http.port="$STACK_ES_PORT" -E transport.port="$STACK_ES_TRANSPORT_PORT" \
    -E path.data="$base/data" -E path.logs="$base/logs" \
    -E cluster.routing.allocation.disk.threshold_enabled=false \
    -E cluster.routing.allocation.disk.watermark.low=97% \
    -E cluster.routing.allocation.disk.watermark.high=98% \
    -E cluster.routing.allocation.disk.watermark.flood_stage=99%
}

elasticsearch_healthy() {
  curl -fsS --max-time 2 "http://127.0.0.1:$STACK_ES_PORT/_cluster/health" 2>/dev/null \
    | grep -Eq '"status":"(green|yellow)"'
}

elasticsearch_after_start() { :; }

elasticsearch_detail() {
  local h st n
  h="$(curl -fsS --max-time 2 "http://127.0.0.1:$STACK_ES_PORT/_cluster/health" 2>/dev/null)" || return 0
  st="$(printf '%s' "$h" | sed -n 's/.*"status":"\([a-z]*\)".*/\1/p')"
  n="$(printf '%s' "$h" | sed -n 's/.*"active_shards":\([0-9]*\).*/\1/p')"
  printf 'ES %s, cluster %s, %s active shards\n' "$(basename "$(_es_home)" | sed 's/^elasticsearch-//')" "$st" "$n"
}
