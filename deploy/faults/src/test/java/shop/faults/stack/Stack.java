package shop.faults.stack;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import shop.polyglot.stack.LocalStack;

/**
 * The local stack as the fault suite sees it: every store, every service and the gateway, started
 * by {@code deploy/local/stack up} when not running already (a running stack is used as is), and
 * their addresses from {@code stack env} — never a host or port written here.
 */
public final class Stack {

    private static final Set<String> COMPONENTS = new LinkedHashSet<>(List.of("prometheus", "postgres", "redis", "kafka",
            "connect", "elasticsearch", "s3", "dynamodb", "catalog-service", "session-service", "search-service",
            "media-service", "feed-service", "leaderboard-service", "ops-console", "storefront", "gateway"));

    private static Map<String, String> env;

    private Stack() {
    }

    public static synchronized Map<String, String> env() {
        if (env == null) {
            LocalStack.up(COMPONENTS);
            env = LocalStack.env();
        }
        return env;
    }

    /** The components the suite runs on, in the stack's start order. */
    public static Set<String> components() {
        return COMPONENTS;
    }

    public static String setting(String name) {
        String value = env().get(name);
        if (value == null) {
            throw new IllegalStateException("stack env has no " + name);
        }
        return value;
    }

    public static String http(String portSetting) {
        return "http://127.0.0.1:" + setting(portSetting);
    }

    public static String gateway() {
        return http("STACK_GATEWAY_PORT");
    }

    /**
     * The upstream of a route-table service name (catalog-service → STACK_CATALOG_PORT, ops-console →
     * STACK_OPS_CONSOLE_PORT, storefront → STACK_STOREFRONT_PORT).
     */
    public static String service(String serviceName) {
        String short_ = serviceName.replace("-service", "").replace('-', '_').toUpperCase();
        return http("STACK_" + short_ + "_PORT");
    }
}
