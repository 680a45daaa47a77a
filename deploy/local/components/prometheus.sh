# shellcheck shell=bash
# Metrics and alerts: Debian's prometheus (Apache-2.0) on 127.0.0.1:$STACK_PROMETHEUS_PORT, scraping
# the six services' /q/metrics every 5 s and evaluating the suite's alert rules, the one rules file
# the Helm umbrella also renders as a PrometheusRule (deploy/helm/polyglot-shop/files/alerts.yml).
# Its data lives in $DATA_DIR/prometheus for two days. UI and API on the port: /graph, /alerts,
# /api/v1/query, /api/v1/alerts.

STACK_SETTINGS+=(STACK_PROMETHEUS_RETENTION)
: "${STACK_PROMETHEUS_RETENTION:=2d}"
export STACK_PROMETHEUS_RETENTION

PROMETHEUS_RULES="$(cd "$STACK_HOME/../helm/polyglot-shop/files" && pwd)/alerts.yml"

prometheus_deps()    { :; }
prometheus_timeout() { echo 60; }
prometheus_url()     { echo "http://127.0.0.1:$STACK_PROMETHEUS_PORT/"; }

prometheus_install() {
  need_cmd prometheus prometheus
  need_cmd promtool prometheus
}

# prometheus_config: the scrape and rule settings for this stack's ports (written at each start)
prometheus_config() {
  local name port
  cat <<YAML
# written by deploy/local/stack at each start of prometheus; edit components/prometheus.sh instead
global:
  scrape_interval: 5s
  scrape_timeout: 4s
  evaluation_interval: 5s
rule_files:
  - $PROMETHEUS_RULES
scrape_configs:
YAML
  for name in "${STACK_SERVICES[@]}"; do
    port="$(_svc_port "$name")"
    cat <<YAML
  - job_name: $name
    metrics_path: /q/metrics
    static_configs:
      - targets: ['127.0.0.1:$port']
        labels:
          service: $name
YAML
  done
}

prometheus_start() {
  is_running prometheus && return 0
  command -v prometheus >/dev/null 2>&1 || die "prometheus: not installed (run: deploy/local/stack up as root, or: sudo apt-get install -y prometheus)"
  ensure_port_free "$STACK_PROMETHEUS_PORT" prometheus
  mkdir -p "$DATA_DIR/prometheus" "$STATE_DIR/prometheus"
  prometheus_config >"$STATE_DIR/prometheus/prometheus.yml"
  promtool check config "$STATE_DIR/prometheus/prometheus.yml" >/dev/null \
    || die "prometheus: the generated configuration does not pass promtool check config ($STATE_DIR/prometheus/prometheus.yml)"
  start_process prometheus "" prometheus \
    --config.file="$STATE_DIR/prometheus/prometheus.yml" \
    --storage.tsdb.path="$DATA_DIR/prometheus" \
    --storage.tsdb.retention.time="$STACK_PROMETHEUS_RETENTION" \
    --web.listen-address="127.0.0.1:$STACK_PROMETHEUS_PORT" \
    --web.enable-lifecycle
}

prometheus_healthy() {
  curl -sf --max-time 2 "http://127.0.0.1:$STACK_PROMETHEUS_PORT/-/ready" >/dev/null 2>&1
}

prometheus_detail() {
  local summary
  summary="$( { curl -sf --max-time 2 "http://127.0.0.1:$STACK_PROMETHEUS_PORT/api/v1/targets?state=active"; echo;
               curl -sf --max-time 2 "http://127.0.0.1:$STACK_PROMETHEUS_PORT/api/v1/alerts"; } 2>/dev/null \
    | python3 -c '
import json, sys
lines = [l for l in sys.stdin.read().splitlines() if l.strip()]
targets = json.loads(lines[0])["data"]["activeTargets"]
alerts = json.loads(lines[1])["data"]["alerts"] if len(lines) > 1 else []
up = sum(1 for t in targets if t["health"] == "up")
firing = sorted({a["labels"]["alertname"] for a in alerts if a["state"] == "firing"})
print("%d of %d services scraped, %s" % (up, len(targets), ("firing: " + ", ".join(firing)) if firing else "no alert firing"))
' 2>/dev/null || true)"
  [ -n "$summary" ] || return 0
  echo "Prometheus $(prometheus --version 2>&1 | awk 'NR==1{print $3}'), $summary, rules $PROMETHEUS_RULES"
}
