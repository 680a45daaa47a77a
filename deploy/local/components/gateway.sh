# shellcheck shell=bash
# The API gateway: Debian's nginx, configured from the route table deploy/gateway/routes.tsv by
# deploy/gateway/render-nginx at every `up` (deploy/gateway/README.md). Started after the services,
# stopped before them. As root, nginx runs entirely as $STACK_SERVICE_USER (master and worker:
# port 8080 needs no privilege), so nothing of it runs as root.
# It also serves the API documentation page /api/docs/: Swagger UI's static files (the WebJar
# org.webjars:swagger-ui that gateway.pom.xml pins, fetched into $CACHE_DIR/gateway) and the page
# of deploy/gateway/docs, copied into $DATA_DIR/gateway/docs for nginx to read.

STACK_SETTINGS+=(STACK_GATEWAY_RATE STACK_GATEWAY_BURST STACK_GATEWAY_TRUSTED_PROXIES)
: "${STACK_GATEWAY_RATE:=50}"                      # requests/s each client may send on average
: "${STACK_GATEWAY_BURST:=100}"                    # requests past that rate a client may send at once
: "${STACK_GATEWAY_TRUSTED_PROXIES:=127.0.0.1}"    # whose X-Forwarded-For names the client (tests, a local balancer)
export STACK_GATEWAY_RATE STACK_GATEWAY_BURST STACK_GATEWAY_TRUSTED_PROXIES

_GW_HOME="$REPO_ROOT/deploy/gateway"
_GW_MODULES=/usr/lib/nginx/modules

gateway_deps()    { echo session-service; }   # every bearer token is checked by its introspection
gateway_timeout() { echo 20; }
gateway_url()     { echo "http://127.0.0.1:$STACK_GATEWAY_PORT"; }

gateway_install() {
  need_cmd nginx nginx
  need_cmd python3 python3
  # set_quote_json_str (set-misc): the path a problem names as its instance, JSON-quoted
  [ -f "$_GW_MODULES/ngx_http_set_misc_module.so" ] || apt_install libnginx-mod-http-set-misc
  fetch_maven_artifacts "$STACK_HOME/components/gateway.pom.xml" "$CACHE_DIR/gateway"
}

# _gw_docs: the documentation page's files in $DATA_DIR/gateway/docs: the page (deploy/gateway/docs)
# and, under swagger-ui/, the Swagger UI distribution out of the fetched WebJar (python3's zipfile:
# no unzip needed). Copied afresh at every start and `up`, so a changed page or version shows.
_gw_docs() {
  local jar docs="$DATA_DIR/gateway/docs"
  # here too, not only at install: `up` skips the install of a gateway that runs already
  fetch_maven_artifacts "$STACK_HOME/components/gateway.pom.xml" "$CACHE_DIR/gateway"
  jar="$(ls "$CACHE_DIR"/gateway/swagger-ui-*.jar 2>/dev/null | sort -V | tail -n1)"
  [ -n "$jar" ] || die "gateway: no swagger-ui WebJar in $CACHE_DIR/gateway (run: deploy/local/stack up)"
  rm -rf "$docs.next"
  mkdir -p "$docs.next/swagger-ui"
  cp "$_GW_HOME"/docs/* "$docs.next/"
  python3 - "$jar" "$docs.next/swagger-ui" <<'PY' || die "gateway: unpacking $jar failed"
import os, re, sys, zipfile
jar, out = sys.argv[1], sys.argv[2]
wanted = re.compile(r"^META-INF/resources/webjars/swagger-ui/[^/]+/(swagger-ui\.css|swagger-ui-bundle\.js|swagger-ui-standalone-preset\.js|favicon-(16x16|32x32)\.png|[^/]*LICENSE[^/]*)$")
with zipfile.ZipFile(jar) as z:
    for name in z.namelist():
        if wanted.match(name):
            with open(os.path.join(out, os.path.basename(name)), "wb") as f:
                f.write(z.read(name))
PY
  [ -f "$docs.next/swagger-ui/swagger-ui-bundle.js" ] || die "gateway: $jar holds no swagger-ui-bundle.js"
  rm -rf "$docs"
  mv "$docs.next" "$docs"
}

# _gw_render OUT: the nginx configuration for the current settings
_gw_render() {
  local dir="$DATA_DIR/gateway"
  env GATEWAY_PORT="$STACK_GATEWAY_PORT" GATEWAY_STATE_DIR="$dir" \
    GATEWAY_ACCESS_LOG="$LOG_DIR/gateway-access.log" \
    GATEWAY_RATE="$STACK_GATEWAY_RATE" GATEWAY_BURST="$STACK_GATEWAY_BURST" \
    GATEWAY_TRUSTED_PROXIES="$STACK_GATEWAY_TRUSTED_PROXIES" \
    GATEWAY_MODULES_DIR="$_GW_MODULES" GATEWAY_DOCS_DIR="$DATA_DIR/gateway/docs" \
    CATALOG_SERVICE_PORT="$STACK_CATALOG_PORT" SESSION_SERVICE_PORT="$STACK_SESSION_PORT" \
    SEARCH_SERVICE_PORT="$STACK_SEARCH_PORT" MEDIA_SERVICE_PORT="$STACK_MEDIA_PORT" \
    FEED_SERVICE_PORT="$STACK_FEED_PORT" LEADERBOARD_SERVICE_PORT="$STACK_LEADERBOARD_PORT" \
    OPS_CONSOLE_PORT="$STACK_OPS_CONSOLE_PORT" STOREFRONT_PORT="$STACK_STOREFRONT_PORT" \
    python3 "$_GW_HOME/render-nginx" "$_GW_HOME/routes.tsv" "$1" \
    || die "gateway: rendering $_GW_HOME/routes.tsv failed (see above)"
}

# _gw_check CONF: nginx -t, as the user nginx runs as (it opens the log and temp paths)
_gw_check() {
  local out
  out="$(as_service_user nginx -t -q -p "$DATA_DIR/gateway" -c "$1" -e stderr 2>&1)" \
    || { printf '%s\n' "$out" >&2; die "gateway: nginx rejects the generated $1 (see above)"; }
}

_gw_prepare() {
  local dir="$DATA_DIR/gateway" d
  for d in "$dir" "$dir/empty" "$dir/tmp"; do mkdir -p "$d"; done
  _gw_docs
  touch "$LOG_DIR/gateway-access.log"
  if is_root; then service_owned_dir "$dir"; chown "$STACK_SERVICE_USER:" "$LOG_DIR/gateway-access.log"; fi
}

gateway_start() {
  is_running gateway && return 0
  command -v nginx >/dev/null 2>&1 || die "gateway: nginx not installed (run: deploy/local/stack up as root, or: sudo apt-get install -y nginx libnginx-mod-http-set-misc)"
  ensure_port_free "$STACK_GATEWAY_PORT" gateway
  _gw_prepare
  local conf="$DATA_DIR/gateway/nginx.conf"
  _gw_render "$conf"
  _gw_check "$conf"
  start_process gateway "$STACK_SERVICE_USER" nginx -p "$DATA_DIR/gateway" -c "$conf" -e stderr
}

gateway_healthy() {
  # our configuration answers: an unrouted path (/api/ itself: no row routes it; / is the storefront)
  # is a problem+json 404
  curl -s -o /dev/null --max-time 2 -w '%{http_code} %{content_type}' "http://127.0.0.1:$STACK_GATEWAY_PORT/api/" \
    | grep -q '^404 application/problem+json'
}

# A running gateway picks up a changed route table or setting at the next `up`: nginx reloads
# its configuration without dropping connections.
gateway_after_start() {
  local conf="$DATA_DIR/gateway/nginx.conf" fresh="$DATA_DIR/gateway/nginx.conf.next"
  # the documentation page's files, whether or not the configuration changed
  _gw_prepare
  _gw_render "$fresh"
  if cmp -s "$fresh" "$conf"; then rm -f "$fresh"; return 0; fi
  _gw_check "$fresh"
  mv "$fresh" "$conf"
  kill -HUP "$(pid_of gateway)"
  log "gateway: configuration changed, nginx reloaded"
}

gateway_detail() {
  local routes ver
  routes="$(grep -cv '^\(#\|[[:space:]]*$\)' "$_GW_HOME/routes.tsv" 2>/dev/null || echo '?')"
  ver="$(nginx -v 2>&1 | sed 's|.*nginx/||')"
  printf 'nginx %s, %s routes (deploy/gateway/routes.tsv), %s r/s + burst %s per client, every token introspected, API docs at /api/docs/, access log %s' \
    "$ver" "$routes" "$STACK_GATEWAY_RATE" "$STACK_GATEWAY_BURST" "$LOG_DIR/gateway-access.log"
}
