package shop.events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * The event contract's JSON Schemas ({@code events/schemas/}, in this jar under
 * {@code shop/events/schemas/}) and the check of an event against them. For tests: the producer's
 * check what it writes, the consumers' what they feed themselves.
 *
 * <p>Events are checked as a consumer reads them (Debezium's rendering: no nulls, no empty arrays,
 * money as plain JSON numbers); what catalog-service writes before Debezium passes as well.
 */
public final class EventSchemas {

    /** Every event type catalog-service publishes, each with {@code <type>.schema.json}. */
    public static final List<String> TYPES = List.of("user.registered", "product.created", "product.updated",
            "product.deleted", "order.placed", "order.paid", "order.cancelled");

    /**
     * Shapes no producer writes any more that a consumer must still read while such events can be
     * in a topic (README.md, Compatibility): type → its retired schema.
     */
    public static final Map<String, String> LEGACY = Map.of("order.paid", "legacy/order.paid.order-and-payment");

    /** The schemas' {@code $id} base; never fetched: it maps to the class path. */
    static final String ID_BASE = "https://polyglot-shop.dev/events/";
    private static final String ON_CLASS_PATH = "classpath:shop/events/schemas/";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaIdResolvers(ids -> ids.mapPrefix(ID_BASE, ON_CLASS_PATH))
                    // a uuid or date-time that is not one is a violation, not a remark
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /**
     * What {@code json} (an event) violates of {@code type}'s schema, one line each with the
     * field's path; empty when it conforms. An unknown type is a violation itself.
     */
    public static List<String> validate(String type, String json) {
        if (!TYPES.contains(type)) {
            return List.of("no schema for event type '" + type + "' (known: " + TYPES + ")");
        }
        return check(type, json);
    }

    /** The same against the retired shape of {@code type} that consumers still read ({@link #LEGACY}). */
    public static List<String> validateLegacy(String type, String json) {
        String schema = LEGACY.get(type);
        if (schema == null) {
            return List.of("no retired shape of event type '" + type + "' (known: " + LEGACY.keySet() + ")");
        }
        return check(schema, json);
    }

    /** Fails (an {@link AssertionError} naming each violation and the event) unless {@code json} conforms. */
    public static void assertValid(String type, String json) {
        fail(type, json, validate(type, json));
    }

    /** {@link #assertValid} against the retired shape of {@code type}. */
    public static void assertValidLegacy(String type, String json) {
        fail(type + " (retired shape)", json, validateLegacy(type, json));
    }

    private static void fail(String what, String json, List<String> violations) {
        if (!violations.isEmpty()) {
            throw new AssertionError("not a valid " + what + " event:\n  " + String.join("\n  ", violations)
                    + "\nevent: " + json);
        }
    }

    private static List<String> check(String schema, String json) {
        Schema loaded = LOADED.computeIfAbsent(schema,
                name -> REGISTRY.getSchema(SchemaLocation.of(ID_BASE + name + ".schema.json")));
        List<Error> errors;
        try {
            errors = loaded.validate(json, InputFormat.JSON);
        } catch (RuntimeException notJson) {
            return List.of("not JSON: " + notJson.getMessage());
        }
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }
}
