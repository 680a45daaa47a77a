{{/*
Everything a service needs, in one include. A service chart's only template is
  {{ include "shop-service.all" . }}
*/}}
{{- define "shop-service.all" -}}
{{ include "shop-service.serviceAccount" . }}
{{ include "shop-service.configMap" . }}
{{ include "shop-service.deployment" . }}
{{ include "shop-service.service" . }}
{{ include "shop-service.networkPolicy" . }}
{{ include "shop-service.podDisruptionBudget" . }}
{{ include "shop-service.horizontalPodAutoscaler" . }}
{{- end -}}
