package shop.faults.identity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who a request comes from: a persona of the authorization matrix. Through the gateway it is the
 * bearer token (or none); straight to a service it is the identity headers the gateway would set.
 */
public record Identity(String name, String userId, String roles, String token, String address) {

    /** Headers through the gateway: the token as a client sends it, and the client's own address. */
    public Map<String, String> gatewayHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Forwarded-For", address);
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return headers;
    }

    /** Headers straight to a service: what the gateway passes on after introspection. */
    public Map<String, String> serviceHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (userId != null) {
            headers.put("X-User-Id", userId);
            headers.put("X-User-Roles", roles);
        }
        return headers;
    }
}
