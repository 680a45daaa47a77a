package shop.faults.corpus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON body a route takes (api-contract.md), as a valid template plus, per field, values that
 * the contract or the service's validation must refuse ("killers"). A malformed body always carries
 * at least one killer, so no corpus request can be a valid write by chance.
 */
record BodySchema(Map<String, String> template, Map<String, List<String>> killers) {

    private static final List<String> REQUIRED = List.of("<missing>", "null", "{\"$ne\":null}", "[[1]]");

    static BodySchema of(String routeKey, Fixture f) {
        String m = f.marker();
        Map<String, String> t = new LinkedHashMap<>();
        Map<String, List<String>> k = new LinkedHashMap<>();
        switch (routeKey) {
            case "POST /api/users" -> {
                t.put("email", q(m + "@shop.test"));
                t.put("name", q("Faults " + m));
                t.put("password", q("faults-password"));
                k.put("email", plus(q("not an email " + m), q("@"), q(m + "@")));
                k.put("password", plus(q("short"), q("")));
            }
            case "POST /api/auth/login" -> {
                t.put("email", q(m + "@shop.test"));
                t.put("password", q("faults-password"));
                k.put("email", plus(q("")));
                k.put("password", plus(q("")));
            }
            case "POST /api/products", "PUT /api/products/{id}" -> {
                t.put("sku", q("SKU-" + m));
                t.put("name", q("Faults " + m));
                t.put("description", q("made by the fault suite"));
                t.put("brand", q("Faults"));
                t.put("price", "19.99");
                t.put("currency", q("USD"));
                t.put("tags", "[\"faults\"]");
                t.put("stock", "5");
                k.put("sku", plus(q("' OR '1'='1"), q("../" + m), q("")));
                k.put("price", plus("-0.01", "-1", "1e400", "99999999999.99", "0.001", q("abc")));
                k.put("stock", plus("-1", "2147483648", "1000000001", q("many")));
                k.put("currency", List.of(q("usd"), q("DOLLARS"), "{}", "[[1]]"));
                k.put("tags", List.of("\"faults\"", "[\"\"]", "[null]", "[" + "\"t\",".repeat(50) + "\"t\"]"));
            }
            case "POST /api/products/{id}/images" -> {
                t.put("key", q("products/" + f.productId() + "/" + m + ".png"));
                t.put("contentType", q("image/png"));
                t.put("size", "10");
                k.put("key", plus(q("../../etc/passwd"), q("/abs/" + m), q("")));
                k.put("contentType", plus(q("text/html"), q("image/svg+xml")));
                k.put("size", plus("0", "-1", "1099511627777"));
            }
            case "POST /api/orders" -> {
                t.put("userId", q(f.customerId().toString()));
                t.put("items", "[{\"productId\":" + q(f.productId().toString()) + ",\"quantity\":1}]");
                k.put("userId", plus(q("not-a-uuid"), q("")));
                k.put("items", plus("[]", "[{}]", "[null]",
                        "[{\"productId\":" + q(f.productId().toString()) + ",\"quantity\":0}]",
                        "[{\"productId\":" + q(f.productId().toString()) + ",\"quantity\":-1}]",
                        "[{\"productId\":" + q(f.productId().toString()) + ",\"quantity\":10001}]",
                        "[{\"productId\":" + q(f.productId().toString()) + ",\"quantity\":2147483648}]",
                        "[{\"productId\":\"not-a-uuid\",\"quantity\":1}]"));
            }
            case "POST /api/orders/{id}/payments" -> {
                t.put("amount", "1.00");
                t.put("method", q("card"));
                k.put("amount", plus("-1", "-0.01", "1e400", "0.001", q("all of it")));
                k.put("method", plus(q("DROP TABLE payments;--"), q("")));
            }
            case "PUT /api/flags/{name}" -> {
                t.put("enabled", "true");
                t.put("rolloutPercent", "10");
                t.put("users", "[]");
                k.put("enabled", plus(q("yes please")));
                k.put("rolloutPercent", plus("-1", "101", "2147483648"));
                k.put("users", List.of("[\"not-a-uuid\"]", "[null]", "\"" + m + "\"", "{}"));
            }
            case "POST /api/notifications/{userId}" -> {
                t.put("message", q("faults " + m));
                k.put("message", plus(q(""), q("x".repeat(2001))));
            }
            case "POST /api/media/uploads" -> {
                t.put("productId", q(f.productId().toString()));
                t.put("contentType", q("image/png"));
                t.put("size", "10");
                k.put("productId", plus(q("not-a-uuid")));
                k.put("size", plus("0", "-1", "9223372036854775808"));
            }
            case "POST /api/feed/{userId}/events" -> {
                t.put("type", q("faults.viewed"));
                t.put("data", "{\"marker\":" + q(m) + "}");
                k.put("type", plus(q("Robert'); DROP TABLE feed;--"), q(""), q("a".repeat(200)), q("UPPER.case")));
            }
            case "PUT /api/leaderboards/{board}/scores/{userId}" -> {
                t.put("score", "10");
                k.put("score", plus("1.5", "9223372036854775808", "1e400", q("ten"), "true"));
            }
            case "POST /api/leaderboards/{board}/scores/{userId}/increment" -> {
                t.put("delta", "1");
                k.put("delta", plus("1.5", "9223372036854775808", "-9223372036854775809", q("one"), "true"));
            }
            case "POST /api/sessions" -> {
                t.put("userId", q(f.customerId().toString()));
                t.put("roles", "[\"customer\"]");
                t.put("ttlSeconds", "60");
                k.put("userId", plus(q("not-a-uuid"), q("")));
                // optional: missing or null is valid, only a wrong value kills it
                k.put("ttlSeconds", List.of("{\"$ne\":null}", "[[1]]", "0", "-1", "2592001", "9223372036854775808"));
                k.put("roles", List.of("[\"ADMIN\"]", "[\"admin;rm\"]", "\"admin\"", "[null]"));
            }
            default -> {
                return null;
            }
        }
        return new BodySchema(t, k);
    }

    private static List<String> plus(String... specific) {
        var all = new java.util.ArrayList<>(REQUIRED);
        all.addAll(List.of(specific));
        return all;
    }

    static String q(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
