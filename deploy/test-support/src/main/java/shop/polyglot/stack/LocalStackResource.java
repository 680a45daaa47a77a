package shop.polyglot.stack;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts real servers with {@code deploy/local/stack} and hands the application under test
 * their addresses as Quarkus configuration, read from {@code stack env} (never assumed).
 *
 * <p>Init args:
 * <ul>
 * <li>{@code components}: comma list, e.g. {@code postgres,redis}; configuration is returned
 * for exactly these.</li>
 * <li>{@code unreachable} (optional): comma list of those components to point at an address
 * where nothing listens ({@code 127.0.0.1:1}) instead, for tests of what happens when a store
 * is down. Unreachable components are not started.</li>
 * </ul>
 *
 * <p>{@link #stop()} leaves the servers running: the next test class or module reuses them.
 */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    public static final String COMPONENTS = "components";
    public static final String UNREACHABLE = "unreachable";

    /** Where nothing listens: port 1 (tcpmux) is refused at once on loopback. */
    static final String UNREACHABLE_PORT = "1";

    private Set<String> components = Set.of();
    private Set<String> unreachable = Set.of();

    @Override
    public void init(Map<String, String> initArgs) {
        components = commaList(initArgs.get(COMPONENTS));
        unreachable = commaList(initArgs.get(UNREACHABLE));
        if (components.isEmpty()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " needs the init arg '" + COMPONENTS
                    + "', e.g. postgres,redis");
        }
        if (!components.containsAll(unreachable)) {
            throw new IllegalArgumentException("'" + UNREACHABLE + "' " + unreachable + " must be among '"
                    + COMPONENTS + "' " + components);
        }
    }

    @Override
    public Map<String, String> start() {
        Set<String> reachable = new LinkedHashSet<>(components);
        reachable.removeAll(unreachable);
        if (!reachable.isEmpty()) {
            LocalStack.up(reachable);
        }
        return quarkusConfig(components, unreachable, LocalStack.env());
    }

    @Override
    public void stop() {
        // servers stay up for the next test class and module: each starts once per build
    }

    /** The configuration for the given components, from the stack's {@code STACK_*} settings. */
    static Map<String, String> quarkusConfig(Set<String> components, Set<String> unreachable, Map<String, String> env) {
        Map<String, String> config = new LinkedHashMap<>();
        for (String component : components) {
            Settings settings = new Settings(env, unreachable.contains(component));
            switch (component) {
                case "postgres" -> {
                    config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:"
                            + settings.port("STACK_PG_PORT") + "/" + settings.get("STACK_PG_DB"));
                    config.put("quarkus.datasource.username", settings.get("STACK_PG_USER"));
                    config.put("quarkus.datasource.password", settings.get("STACK_PG_PASSWORD"));
                    config.put("quarkus.flyway.placeholders.debeziumUser", settings.get("STACK_DEBEZIUM_USER"));
                }
                case "redis" -> config.put("quarkus.redis.hosts",
                        "redis://127.0.0.1:" + settings.port("STACK_REDIS_PORT"));
                case "kafka" -> config.put("kafka.bootstrap.servers",
                        "127.0.0.1:" + settings.port("STACK_KAFKA_PORT"));
                case "connect" -> config.put("shop.stack.connect-url",
                        "http://127.0.0.1:" + settings.port("STACK_CONNECT_PORT"));
                case "elasticsearch" -> config.put("quarkus.elasticsearch.hosts",
                        "127.0.0.1:" + settings.port("STACK_ES_PORT"));
                case "s3" -> {
                    config.put("quarkus.s3.endpoint-override", "http://127.0.0.1:" + settings.port("STACK_S3_PORT"));
                    config.put("media.bucket", settings.get("STACK_S3_BUCKET"));
                }
                case "dynamodb" -> {
                    config.put("quarkus.dynamodb.endpoint-override",
                            "http://127.0.0.1:" + settings.port("STACK_DYNAMODB_PORT"));
                    config.put("feed.table", settings.get("STACK_FEED_TABLE"));
                }
                case "zipkin" -> {
                    config.put("shop.kit.tracing.exporter", "zipkin");
                    config.put("shop.kit.tracing.endpoint", "http://127.0.0.1:" + settings.port("STACK_ZIPKIN_PORT") + "/api/v2/spans");
                }
                case "session-service" -> config.put("quarkus.rest-client.session-service.url",
                        "http://127.0.0.1:" + settings.port("STACK_SESSION_PORT"));
                default -> {
                    // a service or other component: started, but there is nothing to configure
                }
            }
        }
        return config;
    }

    private static Set<String> commaList(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private record Settings(Map<String, String> env, boolean unreachable) {

        String port(String name) {
            String port = get(name);
            return unreachable ? UNREACHABLE_PORT : port;
        }

        String get(String name) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("deploy/local/stack env did not print " + name);
            }
            return value;
        }
    }
}
