{{- define "shop-service.podDisruptionBudget" -}}
{{- if .Values.podDisruptionBudget.enabled }}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "shop-service.name" . }}
  labels:
    {{- include "shop-service.labels" . | nindent 4 }}
spec:
  maxUnavailable: {{ .Values.podDisruptionBudget.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "shop-service.selectorLabels" . | nindent 6 }}
{{- end }}
{{- end -}}
