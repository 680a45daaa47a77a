{{/* Configuration the service reads from its environment (store addresses, bucket and table
     names, other services' URLs). Never a credential: those come from Secrets (secretEnv). */}}
{{- define "shop-service.configMap" -}}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "shop-service.name" . }}-config
  labels:
    {{- include "shop-service.labels" . | nindent 4 }}
data:
  {{- include "shop-service.configData" . | trim | nindent 2 }}
{{- end -}}
