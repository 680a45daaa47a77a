{{/* After the migrations (initAndExit): wait until Debezium's replication slot exists. */}}
{{- define "catalog-service.initContainers" -}}
{{- if .Values.outboxSlotWait.enabled }}
- name: wait-for-outbox-slot
  image: {{ .Values.outboxSlotWait.image | quote }}
  command:
    - sh
    - -c
    - |
      until [ "$(psql -Atc "SELECT count(*) FROM pg_replication_slots WHERE slot_name = '$SLOT'")" = 1 ]; do
        echo "waiting for Debezium's replication slot $SLOT (the outbox connector creates it)"; sleep 5
      done
  env:
    - name: SLOT
      value: {{ .Values.outboxSlotWait.slot | quote }}
    - name: PGHOST
      value: {{ .Values.global.stores.postgres.host | quote }}
    - name: PGPORT
      value: {{ .Values.global.stores.postgres.port | quote }}
    - name: PGDATABASE
      value: {{ .Values.global.stores.postgres.database | quote }}
    - name: PGUSER
      value: {{ .Values.global.stores.postgres.username | quote }}
    - name: PGCONNECT_TIMEOUT
      value: "5"
    - name: PGPASSWORD
      valueFrom:
        secretKeyRef:
          name: {{ .Values.global.stores.postgres.passwordSecret | quote }}
          key: {{ .Values.global.stores.postgres.passwordKey | quote }}
  resources:
    requests: {cpu: 10m, memory: 32Mi}
    limits: {cpu: 100m, memory: 64Mi}
  securityContext:
    {{- include "shop-service.containerSecurityContext" . | nindent 4 }}
{{- end }}
{{- end -}}
