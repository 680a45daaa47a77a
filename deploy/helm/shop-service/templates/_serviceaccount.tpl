{{/* Its own account, so an IRSA-style role (eks.amazonaws.com/role-arn) can be given to the one
     service that needs AWS (media: S3, feed: DynamoDB) and to no other pod. */}}
{{- define "shop-service.serviceAccount" -}}
{{- if .Values.serviceAccount.create }}
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "shop-service.serviceAccountName" . }}
  labels:
    {{- include "shop-service.labels" . | nindent 4 }}
  {{- with .Values.serviceAccount.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
automountServiceAccountToken: {{ .Values.serviceAccount.automountToken }}
{{- end }}
{{- end -}}
