{{- define "shop-service.deployment" -}}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "shop-service.name" . }}
  labels:
    {{- include "shop-service.labels" . | nindent 4 }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "shop-service.selectorLabels" . | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 0
      maxSurge: 1
  template:
    metadata:
      labels:
        {{- include "shop-service.labels" . | nindent 8 }}
      annotations:
        # a changed ConfigMap rolls the pods (Quarkus reads its environment once, at start)
        checksum/config: {{ include "shop-service.configData" . | sha256sum }}
        prometheus.io/scrape: "true"
        prometheus.io/path: /q/metrics
        prometheus.io/port: {{ .Values.port | quote }}
        {{- with .Values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "shop-service.serviceAccountName" . }}
      {{- with .Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        runAsNonRoot: true
        runAsUser: 185
        fsGroup: 185
        seccompProfile:
          type: RuntimeDefault
      {{- /* "| default dict": a service chart written before a library feature still renders */}}
      {{- $initAndExit := .Values.initAndExit | default dict }}
      {{- $extraInit := "" }}
      {{- with .Values.initContainersTemplate }}{{ $extraInit = include . $ | trim }}{{ end }}
      {{- if or $initAndExit.enabled $extraInit }}
      initContainers:
        {{- if $initAndExit.enabled }}
        # {{ $initAndExit.why }}
        - name: init-and-exit
          image: {{ include "shop-service.image" . | quote }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          envFrom:
            - configMapRef:
                name: {{ include "shop-service.name" . }}-config
          env:
            - name: QUARKUS_INIT_AND_EXIT
              value: "true"
            {{- include "shop-service.env" . | nindent 12 }}
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          securityContext:
            {{- include "shop-service.containerSecurityContext" . | nindent 12 }}
          volumeMounts:
            {{- include "shop-service.volumeMounts" . | nindent 12 }}
        {{- end }}
        {{- with $extraInit }}
        {{- . | nindent 8 }}
        {{- end }}
      {{- end }}
      containers:
        - name: {{ include "shop-service.name" . }}
          image: {{ include "shop-service.image" . | quote }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ .Values.port }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "shop-service.name" . }}-config
          env:
            {{- include "shop-service.env" . | nindent 12 }}
          # live = the process answers; ready = the stores it uses answer (see the service's README)
          startupProbe:
            httpGet:
              path: /q/health/started
              port: http
            periodSeconds: 2
            failureThreshold: 60
          livenessProbe:
            httpGet:
              path: /q/health/live
              port: http
            periodSeconds: 10
            timeoutSeconds: 3
            failureThreshold: 3
          readinessProbe:
            httpGet:
              path: /q/health/ready
              port: http
            periodSeconds: 5
            timeoutSeconds: 3
            failureThreshold: 3
          resources:
            {{- required "resources (requests and limits) are required" .Values.resources | toYaml | nindent 12 }}
          securityContext:
            {{- include "shop-service.containerSecurityContext" . | nindent 12 }}
          volumeMounts:
            {{- include "shop-service.volumeMounts" . | nindent 12 }}
      volumes:
        - name: tmp
          emptyDir: {}
        {{- range include "shop-service.secretFiles" . | fromJsonArray }}
        - name: {{ .volume }}
          secret:
            secretName: {{ .secretName | quote }}
            items:
              - key: {{ .key | quote }}
                path: {{ .key | quote }}
        {{- end }}
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "shop-service.selectorLabels" . | nindent 14 }}
{{- end -}}


{{/* The container's environment besides the ConfigMap: its port, JVM options and credentials. */}}
{{- define "shop-service.env" -}}
- name: QUARKUS_HTTP_PORT
  value: {{ .Values.port | quote }}
- name: JAVA_OPTS_APPEND
  value: {{ .Values.javaOpts | quote }}
{{- /* credentials: references to Secrets only; an empty secretName leaves the variable unset */}}
{{- range $name, $ref := .Values.secretEnv }}
{{- $secretName := include "shop-service.refSecretName" (dict "ref" $ref "root" $) }}
{{- if $secretName }}
- name: {{ $name }}
  valueFrom:
    secretKeyRef:
      name: {{ $secretName | quote }}
      key: {{ tpl (required (printf "secretEnv.%s.key is required" $name) $ref.key) $ | quote }}
      {{- if $ref.optional }}
      optional: true
      {{- end }}
{{- end }}
{{- end }}
{{- range include "shop-service.secretFiles" . | fromJsonArray }}
- name: {{ .var }}
  value: {{ printf "%s/%s" .dir .key | quote }}
{{- end }}
{{- end -}}

{{/* Both containers' mounts: /tmp, and each of secretFiles read-only. */}}
{{- define "shop-service.volumeMounts" -}}
# Vert.x and the JVM write temporary files; the root filesystem stays read-only
- name: tmp
  mountPath: /tmp
{{- range include "shop-service.secretFiles" . | fromJsonArray }}
- name: {{ .volume }}
  mountPath: {{ .dir }}
  readOnly: true
{{- end }}
{{- end -}}

{{/*
Files from Secrets: secretFiles: {VAR: {secretName, key}} mounts that key of that Secret
read-only at /var/run/secrets/shop/<var>/<key> (the whole Secret volume, no subPath, so the
kubelet keeps the file current) and gives the containers VAR = the file's path. An empty
secretName leaves both out. A JSON list of {var, volume, dir, secretName, key}.
*/}}
{{- define "shop-service.secretFiles" -}}
{{- $files := list }}
{{- /* "| default dict": a service chart written before secretFiles still renders */}}
{{- range $var, $ref := .Values.secretFiles | default dict }}
{{- $secretName := include "shop-service.refSecretName" (dict "ref" $ref "root" $) }}
{{- if $secretName }}
{{- $volume := $var | lower | replace "_" "-" }}
{{- if or (eq $volume "tmp") (gt (len $volume) 63) (not (regexMatch "^[a-z]([-a-z0-9]*[a-z0-9])?$" $volume)) }}
{{- fail (printf "secretFiles.%s: the name must make a volume name other than tmp (%q: letters, digits and _, at most 63)" $var $volume) }}
{{- end }}
{{- $key := tpl (required (printf "secretFiles.%s.key is required" $var) $ref.key) $ }}
{{- $files = append $files (dict "var" $var "volume" $volume "dir" (printf "/var/run/secrets/shop/%s" $volume) "secretName" $secretName "key" $key) }}
{{- end }}
{{- end }}
{{- toJson $files }}
{{- end -}}

{{/* A secretEnv or secretFiles entry's Secret name, through tpl ({ref, root}); empty if none. */}}
{{- define "shop-service.refSecretName" -}}
{{- if .ref }}{{ tpl (toString (.ref.secretName | default "")) .root }}{{ end }}
{{- end -}}

{{- define "shop-service.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: ["ALL"]
{{- end -}}
