# shellcheck shell=bash
# S3: Adobe S3Mock (Apache-2.0), the executable jar from Maven Central (root pom property
# s3mock.version). Plain http on 127.0.0.1:$STACK_S3_PORT; objects in $DATA_DIR/s3 (kept).
#
# S3Mock's main connector (server.port) is https by default and it adds a second, plain-http
# connector (http.port, default 9090) that binds every interface. Here the main connector is
# made plain http on 127.0.0.1:$STACK_S3_PORT (server.ssl.enabled=false, server.address),
# and the second connector is replaced (s3mock-connector.xml, bean `httpConnector`) by one
# on 127.0.0.1 with an ephemeral port: no clash on 9090/9191, nothing on a public interface.

_s3_jar() { ls "$CACHE_DIR"/s3/s3mock-*-exec.jar 2>/dev/null | sort -V | tail -n1; }
_s3_beans() { printf '%s\n' "$CACHE_DIR/s3/s3mock-connector.xml"; }

s3_deps()    { :; }
s3_timeout() { echo 60; }
s3_url()     { echo "http://127.0.0.1:$STACK_S3_PORT (bucket $STACK_S3_BUCKET)"; }

s3_install() {
  fetch_maven_artifacts "$STACK_HOME/components/s3.pom.xml" "$CACHE_DIR/s3"
  [ -n "$(_s3_jar)" ] || die "s3: no s3mock-*-exec.jar in $CACHE_DIR/s3 after the Maven fetch"
  # keep only the version the root pom asks for
  local want j
  want="$(sed -n 's:.*<s3mock.version>\(.*\)</s3mock.version>.*:\1:p' "$REPO_ROOT/pom.xml" | head -n1)"
  for j in "$CACHE_DIR"/s3/s3mock-*-exec.jar; do
    [ "$j" = "$CACHE_DIR/s3/s3mock-$want-exec.jar" ] || rm -f "$j"
  done
  cat >"$(_s3_beans).tmp" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<!-- written by deploy/local/components/s3.sh: S3Mock's extra http connector, on loopback only -->
<beans xmlns="http://www.springframework.org/schema/beans"
       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
       xsi:schemaLocation="http://www.springframework.org/schema/beans https://www.springframework.org/schema/beans/spring-beans.xsd">
  <bean id="httpConnector" class="org.apache.catalina.connector.Connector">
    <constructor-arg>
      <bean class="org.apache.coyote.http11.Http11NioProtocol">
        <property name="address">
          <bean class="java.net.InetAddress" factory-method="getByName"><constructor-arg value="127.0.0.1"/></bean>
        </property>
        <property name="port" value="0"/>
      </bean>
    </constructor-arg>
  </bean>
</beans>
XML
  mv "$(_s3_beans).tmp" "$(_s3_beans)"
}

s3_start() {
  is_running s3 && return 0
  local jar; jar="$(_s3_jar)"; [ -n "$jar" ] || die "s3: not installed (run: deploy/local/stack up)"
  ensure_port_free "$STACK_S3_PORT" s3
  mkdir -p "$DATA_DIR/s3"
  start_process s3 "" "$(java_home)/bin/java" -Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Xss512k -Djava.net.preferIPv4Stack=true -jar "$jar" \
    --server.ssl.enabled=false --server.address=127.0.0.1 --server.port="$STACK_S3_PORT" \
    --spring.main.sources="file:$(_s3_beans)" --spring.main.allow-bean-definition-overriding=true \
    --com.adobe.testing.s3mock.store.root="$DATA_DIR/s3" \
    --com.adobe.testing.s3mock.store.retainFilesOnExit=true \
    --com.adobe.testing.s3mock.max-payload-size=64MB
}

s3_healthy() {
  http_ok "http://127.0.0.1:$STACK_S3_PORT/"
}

s3_after_start() {
  local url="http://127.0.0.1:$STACK_S3_PORT/$STACK_S3_BUCKET" code
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -I "$url" || true)"
  [ "$code" = 200 ] && return 0
  code="$(curl -s -o "$RUN_DIR/s3-bucket.out" -w '%{http_code}' --max-time 10 -X PUT "$url" || true)"
  case "$code" in
    200) log "s3: created bucket $STACK_S3_BUCKET" ;;
    409) : ;;  # BucketAlreadyOwnedByYou
    *) die "s3: creating bucket $STACK_S3_BUCKET failed (HTTP $code): $(cat "$RUN_DIR/s3-bucket.out" 2>/dev/null)" ;;
  esac
}

s3_detail() {
  local code
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -I "http://127.0.0.1:$STACK_S3_PORT/$STACK_S3_BUCKET" 2>/dev/null || true)"
  case "$code" in
    200) echo "S3Mock $(basename "$(_s3_jar)" | sed 's/^s3mock-//; s/-exec.jar$//'), bucket $STACK_S3_BUCKET present" ;;
    404) echo "bucket $STACK_S3_BUCKET missing" ;;
    *) : ;;
  esac
}
