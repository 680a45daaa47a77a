package shop.faults.outage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import shop.faults.http.Json;
import shop.faults.stack.Stack;

/** The local stack's Prometheus, read through its HTTP API as an operator's dashboard would. */
public final class Prometheus {

    private Prometheus() {
    }

    /** The state of the alert for these labels: "firing", "pending", or empty when it is not active. */
    public static Optional<String> alert(String name, Map<String, String> labels) {
        JsonNode alerts = Json.get(Stack.http("STACK_PROMETHEUS_PORT") + "/api/v1/alerts", Map.of(), 200)
                .path("data").path("alerts");
        for (JsonNode alert : alerts) {
            if (name.equals(alert.path("labels").path("alertname").asText())
                    && labels.entrySet().stream().allMatch(l -> l.getValue().equals(alert.path("labels").path(l.getKey()).asText()))) {
                return Optional.of(alert.path("state").asText());
            }
        }
        return Optional.empty();
    }

    /** The value of an instant query that yields one series, if it yields one. */
    public static Optional<Double> value(String query) {
        JsonNode result = Json.get(Stack.http("STACK_PROMETHEUS_PORT") + "/api/v1/query?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8), Map.of(), 200).path("data").path("result");
        return result.size() == 1 ? Optional.of(result.get(0).path("value").get(1).asDouble()) : Optional.empty();
    }
}
