# shellcheck shell=bash
# DynamoDB API: dynalite (npm, MIT; LevelDB-backed, persistent with --path), version from the
# root pom property dynalite.version, installed with npm into $CACHE_DIR/dynalite.
# DynamoDB Local is not used: its licence is not open source.
# dynalite does not implement UpdateTimeToLive: expired items are not deleted by the server,
# so readers filter on the `ttl` attribute (feed-service does). The status detail says so.

_ddb_dir()     { printf '%s\n' "$CACHE_DIR/dynalite"; }
_ddb_cli()     { printf '%s\n' "$(_ddb_dir)/node_modules/dynalite/cli.js"; }
_ddb_wanted()  { sed -n 's:.*<dynalite.version>\(.*\)</dynalite.version>.*:\1:p' "$REPO_ROOT/pom.xml" | head -n1; }
_ddb_have()    { sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$(_ddb_dir)/node_modules/dynalite/package.json" 2>/dev/null | head -n1; }
_ddb_ttl_file() { printf '%s\n' "$DATA_DIR/dynamodb-ttl.txt"; }

# _ddb_call OPERATION JSON: POST to dynalite; prints the body, then a last line with the HTTP code.
_ddb_call() {
  local now; now="$(date -u +%Y%m%dT%H%M%SZ)"
  # generous: dynalite answers every request on one Node.js thread, so a call waits behind whatever
  # else it serves (the feed benchmark's load: DescribeTable, a plain key lookup there, took up to
  # 0.3 s with 8 loaders on 2 busy cores). It does not count items; 30 s only absorbs a starved box.
  curl -s --max-time 30 -w '\n%{http_code}' -X POST "http://127.0.0.1:$STACK_DYNAMODB_PORT/" \
    -H "X-Amz-Target: DynamoDB_20120810.$1" \
    -H 'Content-Type: application/x-amz-json-1.0' \
    -H "X-Amz-Date: $now" \
    -H "Authorization: AWS4-HMAC-SHA256 Credential=local/${now:0:8}/us-east-1/dynamodb/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0000000000000000000000000000000000000000000000000000000000000000" \
    --data "$2"
}

dynamodb_deps()    { :; }
dynamodb_timeout() { echo 30; }
dynamodb_url()     { echo "http://127.0.0.1:$STACK_DYNAMODB_PORT (table $STACK_FEED_TABLE)"; }

dynamodb_install() {
  local want; want="$(_ddb_wanted)"
  [ -n "$want" ] || die "dynamodb: no <dynalite.version> in $REPO_ROOT/pom.xml"
  [ "$(_ddb_have)" = "$want" ] && return 0
  need_cmd node nodejs
  need_cmd npm npm
  local nodev; nodev="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  [ "$nodev" -ge 20 ] 2>/dev/null || warn "dynamodb: dynalite $want asks for Node.js >= 20, this is $(node --version 2>/dev/null) — it may still work"
  log "dynamodb: npm install dynalite@$want"
  mkdir -p "$(_ddb_dir)"
  [ -f "$(_ddb_dir)/package.json" ] || printf '{ "name": "local-stack-dynalite", "private": true }\n' >"$(_ddb_dir)/package.json"
  # --ignore-scripts: classic-level (LevelDB) ships prebuilt binaries for linux-x64 and
  # loads them at run time; no compiler or extra download needed.
  local out
  if ! out="$(npm install --prefix "$(_ddb_dir)" --no-audit --no-fund --ignore-scripts --prefer-offline \
              --loglevel=error "dynalite@$want" 2>&1)"; then
    printf '%s\n' "$out" | tail -n 20 >&2
    die "dynamodb: npm install dynalite@$want failed (see above)"
  fi
  [ "$(_ddb_have)" = "$want" ] || die "dynamodb: dynalite@$want not found in $(_ddb_dir) after npm install"
}

dynamodb_start() {
  is_running dynamodb && return 0
  [ -f "$(_ddb_cli)" ] || die "dynamodb: dynalite not installed (run: deploy/local/stack up)"
  command -v node >/dev/null 2>&1 || die "dynamodb: node not installed (as root: apt-get install -y nodejs npm)"
  ensure_port_free "$STACK_DYNAMODB_PORT" dynamodb
  mkdir -p "$DATA_DIR/dynamodb"
  start_process dynamodb "" node "$(_ddb_cli)" --host 127.0.0.1 --port "$STACK_DYNAMODB_PORT" \
    --path "$DATA_DIR/dynamodb" --createTableMs 0 --deleteTableMs 0 --updateTableMs 0
}

dynamodb_healthy() {
  http_ok "http://127.0.0.1:$STACK_DYNAMODB_PORT/"
}

dynamodb_after_start() {
  local t="$STACK_FEED_TABLE" out code body
  out="$(_ddb_call DescribeTable "{\"TableName\":\"$t\"}")"; code="${out##*$'\n'}"; body="${out%$'\n'*}"
  if [ "$code" != 200 ]; then
    case "$body" in
      *ResourceNotFoundException*) ;;
      *) die "dynamodb: DescribeTable $t failed (HTTP $code): $body" ;;
    esac
    out="$(_ddb_call CreateTable "{\"TableName\":\"$t\",
      \"AttributeDefinitions\":[{\"AttributeName\":\"PK\",\"AttributeType\":\"S\"},{\"AttributeName\":\"SK\",\"AttributeType\":\"S\"}],
      \"KeySchema\":[{\"AttributeName\":\"PK\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"SK\",\"KeyType\":\"RANGE\"}],
      \"BillingMode\":\"PAY_PER_REQUEST\"}")"
    code="${out##*$'\n'}"; body="${out%$'\n'*}"
    case "$code:$body" in
      200:*) log "dynamodb: created table $t (PK S hash, SK S range, PAY_PER_REQUEST)" ;;
      *ResourceInUseException*) : ;;   # created concurrently
      *) die "dynamodb: CreateTable $t failed (HTTP $code): $body" ;;
    esac
  fi
  local i
  for i in $(seq 1 40); do
    out="$(_ddb_call DescribeTable "{\"TableName\":\"$t\"}")"
    case "$out" in *'"TableStatus":"ACTIVE"'*) break ;; esac
    sleep 0.25
  done
  case "$out" in *'"TableStatus":"ACTIVE"'*) ;; *) die "dynamodb: table $t not ACTIVE: ${out%$'\n'*}" ;; esac

  out="$(_ddb_call UpdateTimeToLive "{\"TableName\":\"$t\",\"TimeToLiveSpecification\":{\"Enabled\":true,\"AttributeName\":\"ttl\"}}")"
  code="${out##*$'\n'}"; body="${out%$'\n'*}"
  case "$code:$body" in
    200:*) echo "TTL: enabled on attribute ttl" >"$(_ttl_file_tmp)"; ;;
    *UnknownOperation*) echo "TTL: not supported by dynalite, reads filter on ttl" >"$(_ttl_file_tmp)" ;;
    *'TimeToLive is already enabled'*) echo "TTL: enabled on attribute ttl" >"$(_ttl_file_tmp)" ;;
    *) die "dynamodb: UpdateTimeToLive on $t failed (HTTP $code): $body" ;;
  esac
  local new; new="$(cat "$(_ttl_file_tmp)")"; rm -f "$(_ttl_file_tmp)"
  if [ "$(cat "$(_ddb_ttl_file)" 2>/dev/null)" != "$new" ]; then
    printf '%s\n' "$new" >"$(_ddb_ttl_file)"
    log "dynamodb: $new"
  fi
}
_ttl_file_tmp() { printf '%s\n' "$(_ddb_ttl_file).tmp"; }

dynamodb_detail() {
  local out st="" ttl
  out="$(_ddb_call DescribeTable "{\"TableName\":\"$STACK_FEED_TABLE\"}" 2>/dev/null)" || return 0
  st="$(printf '%s' "$out" | sed -n 's/.*"TableStatus":"\([A-Z]*\)".*/\1/p')"
  ttl="$(cat "$(_ddb_ttl_file)" 2>/dev/null || echo 'TTL: unknown')"
  printf 'dynalite %s, table %s %s; %s\n' "$(_ddb_have)" "$STACK_FEED_TABLE" "${st:-absent}" "$ttl"
}
