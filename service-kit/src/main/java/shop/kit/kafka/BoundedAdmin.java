package shop.kit.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A Kafka admin client made from the application's {@code kafka.*} settings (bootstrap servers,
 * security; what an admin client takes of them) whose every call gives up after {@code timeout}:
 * an unreachable broker answers "not known" quickly, never after the client's default minute.
 */
public final class BoundedAdmin {

    private BoundedAdmin() {
    }

    public static Admin create(Map<String, Object> kafka, Duration timeout) {
        Map<String, Object> config = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return Admin.create(config);
    }
}
