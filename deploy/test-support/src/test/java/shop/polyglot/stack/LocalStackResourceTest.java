package shop.polyglot.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LocalStackResourceTest {

    private static final Map<String, String> ENV = Map.ofEntries(
            Map.entry("STACK_PG_PORT", "15432"),
            Map.entry("STACK_PG_DB", "catalog"),
            Map.entry("STACK_PG_USER", "catalog"),
            Map.entry("STACK_PG_PASSWORD", "secret"),
            Map.entry("STACK_DEBEZIUM_USER", "debezium"),
            Map.entry("STACK_REDIS_PORT", "16379"),
            Map.entry("STACK_KAFKA_PORT", "19092"),
            Map.entry("STACK_CONNECT_PORT", "18088"),
            Map.entry("STACK_ES_PORT", "19200"),
            Map.entry("STACK_S3_PORT", "19090"),
            Map.entry("STACK_S3_BUCKET", "media"),
            Map.entry("STACK_DYNAMODB_PORT", "18000"),
            Map.entry("STACK_FEED_TABLE", "feed"));

    @Test
    void configuresEveryStoreFromTheStacksPorts() {
        Map<String, String> config = LocalStackResource.quarkusConfig(
                ordered("postgres", "redis", "kafka", "connect", "elasticsearch", "s3", "dynamodb"), Set.of(), ENV);

        assertThat(config).containsOnly(
                Map.entry("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:15432/catalog"),
                Map.entry("quarkus.datasource.username", "catalog"),
                Map.entry("quarkus.datasource.password", "secret"),
                Map.entry("quarkus.flyway.placeholders.debeziumUser", "debezium"),
                Map.entry("quarkus.redis.hosts", "redis://127.0.0.1:16379"),
                Map.entry("kafka.bootstrap.servers", "127.0.0.1:19092"),
                Map.entry("shop.stack.connect-url", "http://127.0.0.1:18088"),
                Map.entry("quarkus.elasticsearch.hosts", "127.0.0.1:19200"),
                Map.entry("quarkus.s3.endpoint-override", "http://127.0.0.1:19090"),
                Map.entry("media.bucket", "media"),
                Map.entry("quarkus.dynamodb.endpoint-override", "http://127.0.0.1:18000"),
                Map.entry("feed.table", "feed"));
    }

    @Test
    void configuresOnlyTheRequestedComponents() {
        assertThat(LocalStackResource.quarkusConfig(ordered("redis"), Set.of(), ENV))
                .containsOnly(Map.entry("quarkus.redis.hosts", "redis://127.0.0.1:16379"));
    }

    @Test
    void sendsTheSpansToTheStacksZipkin() {
        Map<String, String> env = new java.util.HashMap<>(ENV);
        env.put("STACK_ZIPKIN_PORT", "19411");
        assertThat(LocalStackResource.quarkusConfig(ordered("zipkin"), Set.of(), env)).containsOnly(
                Map.entry("shop.kit.tracing.exporter", "zipkin"),
                Map.entry("shop.kit.tracing.endpoint", "http://127.0.0.1:19411/api/v2/spans"));
    }

    @Test
    void pointsTheSessionServiceClientAtTheStacksSessionService() {
        Map<String, String> env = new java.util.HashMap<>(ENV);
        env.put("STACK_SESSION_PORT", "18082");
        assertThat(LocalStackResource.quarkusConfig(ordered("session-service"), Set.of(), env))
                .containsOnly(Map.entry("quarkus.rest-client.session-service.url", "http://127.0.0.1:18082"));
        assertThat(LocalStackResource.quarkusConfig(ordered("session-service"), Set.of("session-service"), env))
                .containsOnly(Map.entry("quarkus.rest-client.session-service.url", "http://127.0.0.1:1"));
    }

    @Test
    void pointsAnUnreachableComponentWhereNothingListens() {
        Map<String, String> config = LocalStackResource.quarkusConfig(ordered("postgres", "redis"), Set.of("redis"), ENV);

        assertThat(config)
                .containsEntry("quarkus.redis.hosts", "redis://127.0.0.1:1")
                .containsEntry("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:15432/catalog");
    }

    @Test
    void keepsNamesOfAnUnreachableComponent() {
        assertThat(LocalStackResource.quarkusConfig(ordered("s3"), Set.of("s3"), ENV))
                .containsEntry("quarkus.s3.endpoint-override", "http://127.0.0.1:1")
                .containsEntry("media.bucket", "media");
    }

    @Test
    void namesTheSettingTheStackDidNotPrint() {
        assertThatThrownBy(() -> LocalStackResource.quarkusConfig(ordered("redis"), Set.of(), Map.of()))
                .hasMessageContaining("STACK_REDIS_PORT");
    }

    @Test
    void refusesToStartWithoutComponents() {
        assertThatThrownBy(() -> new LocalStackResource().init(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("components");
    }

    @Test
    void refusesAnUnreachableComponentThatIsNotRequested() {
        assertThatThrownBy(() -> new LocalStackResource().init(Map.of("components", "redis", "unreachable", "s3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("s3");
    }

    private static Set<String> ordered(String... names) {
        return new LinkedHashSet<>(List.of(names));
    }
}
