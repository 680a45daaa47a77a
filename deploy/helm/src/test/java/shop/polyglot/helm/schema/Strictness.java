package shop.polyglot.helm.schema;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rewrites a published Kubernetes schema so that an unknown field is an error, as {@code kubectl
 * apply --validate=strict} (field validation "Strict") makes it: Kubernetes' OpenAPI schemas do not
 * say {@code additionalProperties: false}, the API server knows its types instead. What stays open
 * is what the API server keeps open: {@code x-kubernetes-preserve-unknown-fields: true}, maps
 * ({@code additionalProperties} given) and, in the core schemas, free-form objects (no properties).
 */
final class Strictness {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Branches of these only restate constraints on the properties the enclosing schema declares. */
    private static final List<String> COMBINATORS = List.of("allOf", "anyOf", "oneOf", "not");

    enum Origin {
        /**
         * A CRD's structural schema: an object without properties keeps none of its fields (the
         * API server prunes them), so any field there is unknown.
         */
        CUSTOM_RESOURCE,
        /** Kubernetes' own OpenAPI: an object without properties is free-form (RawExtension, FieldsV1). */
        CORE
    }

    private Strictness() {
    }

    /** Makes {@code schema} strict in place and returns it. */
    static JsonNode apply(JsonNode schema, Origin origin) {
        visit(schema, origin);
        return schema;
    }

    private static void visit(JsonNode node, Origin origin) {
        if (node instanceof ArrayNode array) {
            array.forEach(item -> visit(item, origin));
            return;
        }
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        intOrString(schema);
        closeObject(schema, origin);
        for (Map.Entry<String, JsonNode> entry : schema.properties()) {
            String key = entry.getKey();
            if (key.equals("properties") || key.equals("patternProperties")) {
                entry.getValue().forEach(child -> visit(child, origin));
            } else if (key.equals("items") || key.equals("additionalProperties")) {
                visit(entry.getValue(), origin);
            } else if (COMBINATORS.contains(key)) {
                // left as published: a branch lists a subset of the properties (to require them), and
                // closing it would reject its siblings' fields
                continue;
            }
        }
    }

    /** {@code x-kubernetes-int-or-string}: an integer or a string, whatever {@code type} says. */
    private static void intOrString(ObjectNode schema) {
        boolean marked = schema.path("x-kubernetes-int-or-string").asBoolean(false)
                || "int-or-string".equals(schema.path("format").asString(""));
        if (marked && !schema.has("anyOf") && !schema.has("oneOf")) {
            schema.remove("type");
            ArrayNode anyOf = schema.putArray("anyOf");
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
        }
    }

    private static void closeObject(ObjectNode schema, Origin origin) {
        if (schema.has("additionalProperties") || schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            return;
        }
        boolean declaresFields = schema.has("properties");
        boolean isObject = "object".equals(schema.path("type").asString("")) || declaresFields;
        if (declaresFields || (isObject && origin == Origin.CUSTOM_RESOURCE && !schema.has("$ref"))) {
            schema.set("additionalProperties", NODES.booleanNode(false));
        }
    }
}
