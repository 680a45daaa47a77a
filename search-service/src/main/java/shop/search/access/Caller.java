package shop.search.access;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.HeaderParam;

/**
 * Who is calling, as the gateway says: {@code X-User-Id} and {@code X-User-Roles} (comma list),
 * set from the session after it stripped any such headers from the client.
 */
public class Caller {

    public static final String ADMIN = "admin";

    @HeaderParam("X-User-Id")
    public String userId;

    @HeaderParam("X-User-Roles")
    public String roles;

    /** The signed-in user's id; empty when absent or not a UUID. */
    public Optional<UUID> id() {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(userId.strip()));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    public boolean hasRole(String role) {
        return roles != null && Arrays.stream(roles.split(",")).map(String::strip).anyMatch(role::equals);
    }
}
