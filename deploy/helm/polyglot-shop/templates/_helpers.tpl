{{- define "polyglot-shop.labels" -}}
app.kubernetes.io/part-of: polyglot-shop
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end -}}

{{/*
global.outboxConnector (chart, external or off), checked; the switches it replaced fail the
render instead of being ignored, so an old values file cannot silently keep a connector.
*/}}
{{- define "polyglot-shop.outboxConnector" -}}
{{- $mode := toString (.Values.global.outboxConnector | default "chart") }}
{{- if not (has $mode (list "chart" "external" "off")) }}
{{- fail (printf "global.outboxConnector must be chart, external or off, not %q" $mode) }}
{{- end }}
{{- if hasKey .Values.kafka.connect "enabled" }}
{{- fail "kafka.connect.enabled is replaced by global.outboxConnector (chart, external or off)" }}
{{- end }}
{{- if hasKey .Values.kafka.outboxConnector "enabled" }}
{{- fail "kafka.outboxConnector.enabled is replaced by global.outboxConnector (chart, external or off)" }}
{{- end }}
{{- $mode }}
{{- end -}}

{{/*
How search-service reaches the chart's Elasticsearch (global.stores.elasticsearch, which a subchart
reads) must be what the Elasticsearch serves: with TLS https and ECK's CA, <name>-es-http-certs-public
key ca.crt; without, http and no CA (ECK publishes none, and the pods would wait for the Secret).
*/}}
{{- define "polyglot-shop.elasticsearchClient" -}}
{{- $eck := .Values.elasticsearch.eck }}
{{- $client := .Values.global.stores.elasticsearch }}
{{- $want := dict "protocol" "http" "caSecret" "" "caKey" ($client.caKey | default "") }}
{{- if $eck.tls }}
{{- $want = dict "protocol" "https" "caSecret" (printf "%s-es-http-certs-public" $eck.name) "caKey" "ca.crt" }}
{{- end }}
{{- range $key := list "protocol" "caSecret" "caKey" }}
{{- $have := toString (get $client $key | default "") }}
{{- if ne $have (get $want $key) }}
{{- fail (printf "global.stores.elasticsearch.%s is %q, but the chart's Elasticsearch %s (elasticsearch.eck.tls: %v) needs %q" $key $have $eck.name $eck.tls (get $want $key)) }}
{{- end }}
{{- end }}
{{- end -}}

{{/*
NetworkPolicy peers: the pods of a service of the suite (by its name), and the chart's Kafka
Connect pods (Strimzi labels them with their cluster and kind), if the chart runs Connect.
*/}}
{{- define "polyglot-shop.servicePeer" -}}
- podSelector:
    matchLabels:
      app.kubernetes.io/name: {{ . }}
{{- end -}}

{{- define "polyglot-shop.connectPeers" -}}
{{- if eq (include "polyglot-shop.outboxConnector" .) "chart" }}
- podSelector:
    matchLabels:
      strimzi.io/cluster: {{ .Values.kafka.connect.name }}
      strimzi.io/kind: KafkaConnect
{{- end }}
{{- end -}}

{{/*
The suite's service charts, in the umbrella's order: its dependencies (Chart.yaml), each one's name
being its values key and, by default, its Kubernetes name. A JSON list.
*/}}
{{- define "polyglot-shop.services" -}}
{{- $names := list }}
{{- range $dependency := .Chart.Dependencies }}
{{- $names = append $names $dependency.Name }}
{{- end }}
{{- toJson $names }}
{{- end -}}

{{/* The operations console's pods (it reads Kafka and Kafka Connect's REST API), if this install has it. */}}
{{- define "polyglot-shop.consolePeers" -}}
{{- if (index .Values "ops-console" | default dict).enabled }}
{{ include "polyglot-shop.servicePeer" "ops-console" }}
{{- end }}
{{- end -}}

{{/*
A size in bytes, as an integer string: PostgreSQL's units (kB, MB, GB, TB: powers of 1024) and
Kubernetes quantities (Ki, Mi, Gi, Ti; k, M, G, T: powers of 1000). Fails on anything else.
*/}}
{{- define "polyglot-shop.bytes" -}}
{{- $s := toString . }}
{{- $digits := regexFind "^[0-9]+" $s }}
{{- $unit := trimPrefix $digits $s }}
{{- $units := dict "" 1 "kB" 1024 "MB" 1048576 "GB" 1073741824 "TB" 1099511627776 "Ki" 1024 "Mi" 1048576 "Gi" 1073741824 "Ti" 1099511627776 "k" 1000 "M" 1000000 "G" 1000000000 "T" 1000000000000 }}
{{- if or (not $digits) (not (hasKey $units $unit)) }}
{{- fail (printf "%q is not a size (a whole number with kB, MB, GB, TB, Ki, Mi, Gi, Ti, k, M, G or T)" $s) }}
{{- end }}
{{- mul ($digits | int64) (get $units $unit | int64) }}
{{- end -}}

{{/*
The route table (files/routes.tsv, a link to deploy/gateway/routes.tsv) as a list of rows:
dicts with path, methods (list), service, port, access, body, options (list). Fails on a row
that does not have the table's 7 columns, so a format change cannot pass unnoticed.
*/}}
{{- define "polyglot-shop.routeRows" -}}
{{- $rows := list }}
{{- range $n, $line := .Files.Lines "files/routes.tsv" }}
{{- $l := trim $line }}
{{- if and $l (not (hasPrefix "#" $l)) }}
{{- $c := splitList "\t" $l }}
{{- if ne (len $c) 7 }}
{{- fail (printf "files/routes.tsv line %d: %d tab-separated columns, the table has 7: %q" (add1 $n) (len $c) $l) }}
{{- end }}
{{- $options := list }}
{{- if ne (index $c 6) "-" }}{{ $options = splitList "," (index $c 6) }}{{ end }}
{{- $rows = append $rows (dict "path" (index $c 0) "methods" (splitList "," (index $c 1)) "service" (index $c 2) "port" (index $c 3 | int) "access" (index $c 4) "body" (index $c 5) "options" $options) }}
{{- end }}
{{- end }}
{{- toJson $rows }}
{{- end -}}

{{/*
An HTTPRoute path match for a route-table path: literal paths match exactly; {name} is one
non-empty segment and a trailing /** anything below, as a RegularExpression (RE2).
*/}}
{{- define "polyglot-shop.pathMatch" -}}
{{- if or (contains "{" .) (hasSuffix "/**" .) }}
{{- $segments := list }}
{{- range $s := splitList "/" (trimPrefix "/" .) }}
{{- if eq $s "**" }}{{ $segments = append $segments ".+" }}
{{- else if and (hasPrefix "{" $s) (hasSuffix "}" $s) }}{{ $segments = append $segments "[^/]+" }}
{{- else }}{{ $segments = append $segments (regexQuoteMeta $s) }}{{ end }}
{{- end }}
type: RegularExpression
value: {{ printf "^/%s$" (join "/" $segments) | quote }}
{{- else }}
type: Exact
value: {{ . | quote }}
{{- end }}
{{- end -}}

{{/* "true" when the gateway's proxies trace (Envoy Gateway, with a collector named), else empty */}}
{{- define "polyglot-shop.gatewayTracing" -}}
{{- $eg := .Values.gateway.envoyGateway }}
{{- if and $eg.enabled ($eg.tracing | default dict).collectorHost }}true{{ end }}
{{- end -}}
