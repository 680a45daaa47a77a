package shop.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Debezium's EventRouter makes of an outbox payload ({@code table.expand.json.payload=true},
 * JsonConverter without schemas): it infers a Connect schema from the JSON, so a field whose value
 * is null and an empty array (no element type to infer) are left out, and a decimal becomes a
 * double ({@code 24.90} arrives as {@code 24.9}, {@code 25.00} as {@code 25.0}). Object keys may
 * come in another order, which no JSON reader sees. Checked against the real pipeline by
 * deploy/e2e's {@code OutboxPipelineTest}.
 */
public final class DebeziumJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DebeziumJson() {
    }

    /** The record value a consumer reads for this outbox payload. */
    public static String render(String payload) {
        return JSON.writeValueAsString(rendered(JSON.readTree(payload)));
    }

    private static JsonNode rendered(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                JsonNode value = field.getValue();
                if (value.isNull() || (value.isArray() && value.isEmpty())) {
                    continue;
                }
                out.set(field.getKey(), rendered(value));
            }
            return out;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(rendered(item)));
            ArrayNode out = JSON.createArrayNode();
            out.addAll(items);
            return out;
        }
        if (node.isFloatingPointNumber()) {
            return JSON.getNodeFactory().numberNode(node.doubleValue());
        }
        return node;
    }
}
