{{/*
Who may reach the service: the gateway (global.gateway.namespaceSelector + podSelector) and the
services named in networkPolicy.allowFrom, nothing else. The services also check the gateway's
identity headers themselves (defence in depth): this policy is what makes those headers
trustworthy, since only the gateway (which strips client-sent ones) can set them.
*/}}
{{- define "shop-service.networkPolicy" -}}
{{- if .Values.networkPolicy.enabled }}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "shop-service.name" . }}
  labels:
    {{- include "shop-service.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "shop-service.selectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
  ingress:
    - from:
        - namespaceSelector:
            {{- required "global.gateway.namespaceSelector is required" .Values.global.gateway.namespaceSelector | toYaml | nindent 12 }}
          podSelector:
            {{- required "global.gateway.podSelector is required" .Values.global.gateway.podSelector | toYaml | nindent 12 }}
        {{- range .Values.networkPolicy.allowFrom }}
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: {{ . }}
        {{- end }}
      ports:
        - port: http
          protocol: TCP
    {{- with .Values.networkPolicy.allowMetricsFrom }}
    # Prometheus scrapes /q/metrics
    - from:
        {{- toYaml . | nindent 8 }}
      ports:
        - port: http
          protocol: TCP
    {{- end }}
{{- end }}
{{- end -}}
