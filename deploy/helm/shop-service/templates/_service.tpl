{{/* Same port in the cluster as locally (the contract's ports), so URLs read alike everywhere:
     http://session-service:8082. */}}
{{- define "shop-service.service" -}}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ include "shop-service.name" . }}
  labels:
    {{- include "shop-service.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "shop-service.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .Values.port }}
      targetPort: http
      protocol: TCP
{{- end -}}
