package shop.faults.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import shop.faults.http.Json;
import shop.faults.stack.Stack;

/**
 * The feed table as DynamoDB holds it, read straight from the DynamoDB API: every item of one
 * user's partition (Query) or of the whole table (Scan), page by page, as the item's JSON.
 */
public final class FeedItems {

    private FeedItems() {
    }

    /** The items of one user's feed, oldest first, each as its DynamoDB JSON. */
    public static List<JsonNode> of(String userId) {
        return read("Query", Map.of("KeyConditionExpression", "PK = :pk", "ExpressionAttributeValues",
                Map.of(":pk", Map.of("S", "USER#" + userId))));
    }

    /** Every item of the table: key {@code PK|SK} → the item's DynamoDB JSON (as text, to compare). */
    public static Map<String, String> all() {
        Map<String, String> items = new TreeMap<>();
        for (JsonNode item : read("Scan", Map.of())) {
            items.put(item.path("PK").path("S").asText() + "|" + item.path("SK").path("S").asText(), item.toString());
        }
        return items;
    }

    /** The event id an item was written for. */
    public static String eventId(JsonNode item) {
        return item.path("eventId").path("S").asText();
    }

    /** The {@code data} document of an item (a JSON string as the projection kept it). */
    public static JsonNode data(JsonNode item) {
        try {
            return Json.MAPPER.readTree(item.path("data").path("S").asText("{}"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<JsonNode> read(String operation, Map<String, Object> condition) {
        List<JsonNode> items = new ArrayList<>();
        eachPage(operation, condition, page -> page.path("Items").forEach(items::add));
        return items;
    }

    /**
     * Each answer page of a {@code Query} or {@code Scan} of the feed table with {@code condition},
     * following {@code LastEvaluatedKey} to the last page.
     */
    public static void eachPage(String operation, Map<String, Object> condition, Consumer<JsonNode> onPage) {
        JsonNode lastKey = null;
        do {
            Map<String, Object> request = new TreeMap<>(condition);
            request.put("TableName", Stack.setting("STACK_FEED_TABLE"));
            if (lastKey != null) {
                request.put("ExclusiveStartKey", lastKey);
            }
            // a local DynamoDB checks that a request is signed, not the signature: dummy credentials
            JsonNode page = Json.call("POST", Stack.http("STACK_DYNAMODB_PORT") + "/", Map.of(
                    "X-Amz-Target", "DynamoDB_20120810." + operation,
                    "Content-Type", "application/x-amz-json-1.0",
                    "X-Amz-Date", "20260101T000000Z",
                    "Authorization", "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, "
                            + "SignedHeaders=host, Signature=0"), request, 200);
            onPage.accept(page);
            lastKey = page.has("LastEvaluatedKey") ? page.get("LastEvaluatedKey") : null;
        } while (lastKey != null);
    }
}
