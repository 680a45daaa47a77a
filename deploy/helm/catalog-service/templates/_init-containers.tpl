{{/* After the migrations (initAndExit): wait until Debezium's replication slot exists, if an
     outbox connector runs at all (global.outboxConnector: chart, external or off). */}}
{{- define "catalog-service.initContainers" -}}
{{- $connector := toString (.Values.global.outboxConnector | default "external") }}
{{- if not (has $connector (list "chart" "external" "off")) }}
{{- fail (printf "global.outboxConnector must be chart, external or off, not %q" $connector) }}
{{- end }}
{{- if hasKey .Values.outboxSlotWait "enabled" }}
{{- fail "catalog-service.outboxSlotWait.enabled is replaced by global.outboxConnector (off: no wait)" }}
{{- end }}
{{- if ne $connector "off" }}
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
