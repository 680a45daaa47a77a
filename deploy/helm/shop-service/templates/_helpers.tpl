{{/*
The Kubernetes name of the service: its chart name, so that the suite's services find each other
by the same names as locally (session-service, catalog-service, ...). Two installs of the suite
go in two namespaces.
*/}}
{{- define "shop-service.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "shop-service.selectorLabels" -}}
app.kubernetes.io/name: {{ include "shop-service.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "shop-service.labels" -}}
{{ include "shop-service.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: polyglot-shop
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end -}}

{{/* repository:tag: the repository defaults to <global.imageRegistry>/<service> (where deploy/release
     pushes with RELEASE_REGISTRY), the tag to the chart's appVersion (= the service's pom version). */}}
{{- define "shop-service.image" -}}
{{- $tag := .Values.image.tag | default .Chart.AppVersion | toString -}}
{{- if eq $tag "latest" -}}
{{- fail (printf "%s: image tag 'latest' is not allowed: pin a version (image.tag, default the chart's appVersion)" (include "shop-service.name" .)) -}}
{{- end -}}
{{- $repository := .Values.image.repository | default (printf "%s/%s" (required "global.imageRegistry or image.repository is required" .Values.global.imageRegistry) (include "shop-service.name" .)) -}}
{{- printf "%s:%s" $repository $tag -}}
{{- end -}}

{{- define "shop-service.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "shop-service.name" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The ConfigMap's data: every value goes through tpl, so a service chart can say
     "{{ .Values.global.stores.redis.url }}" and the umbrella's globals fill it in.
     An empty value leaves the variable unset (the service's own default applies), except for the
     variables named in configSetWhenEmpty: those are set to the empty string, which to the
     service (SmallRye Config) means "none", where unset would mean its default. */}}
{{- define "shop-service.configData" -}}
{{- /* "| default list": a service chart written before configSetWhenEmpty still renders */}}
{{- $setWhenEmpty := .Values.configSetWhenEmpty | default list }}
{{- range $name := $setWhenEmpty }}
{{- if not (hasKey ($.Values.config | default dict) $name) }}
{{- fail (printf "configSetWhenEmpty names %s, which is not a key of config" $name) }}
{{- end }}
{{- end }}
{{- /* traces (service-kit's exporter): OTLP/HTTP to global.tracing.otlpEndpoint, sampled at
     global.tracing.samplerRatio (parent-based: a caller's decision wins); none without an endpoint */}}
{{- $tracing := .Values.global.tracing | default dict }}
{{- if $tracing.otlpEndpoint }}
SHOP_KIT_TRACING_EXPORTER: "otlp"
SHOP_KIT_TRACING_ENDPOINT: {{ tpl (toString $tracing.otlpEndpoint) . | quote }}
QUARKUS_OTEL_TRACES_SAMPLER: "parentbased_traceidratio"
QUARKUS_OTEL_TRACES_SAMPLER_ARG: {{ toString ($tracing.samplerRatio | default "0.1") | quote }}
{{- end }}
{{- range $name, $value := .Values.config }}
{{- if not (kindIs "invalid" $value) }}
{{- $v := tpl (toString $value) $ }}
{{- /* an empty value means "not set here": the service's own default applies (unless configSetWhenEmpty) */}}
{{- if or $v (has $name $setWhenEmpty) }}
{{ $name }}: {{ $v | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- end -}}
