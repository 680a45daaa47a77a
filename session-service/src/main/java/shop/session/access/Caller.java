package shop.session.access;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.HeaderParam;

/**
 * Who is asking, as the gateway says: it authenticates the bearer token and passes
 * {@code X-User-Id} and {@code X-User-Roles} on, after stripping any such headers a client sent.
 * Used as a {@code @BeanParam}.
 */
public class Caller {

    public static final String USER_ID = "X-User-Id";
    public static final String USER_ROLES = "X-User-Roles";

    @HeaderParam(USER_ID)
    String userId;

    @HeaderParam(USER_ROLES)
    String roles;

    public Caller() {
    }

    Caller(String userId, String roles) {
        this.userId = userId;
        this.roles = roles;
    }

    boolean signedIn() {
        return userId != null && !userId.isBlank();
    }

    boolean is(String otherUserId) {
        return signedIn() && userId.strip().equalsIgnoreCase(otherUserId);
    }

    boolean hasRole(String role) {
        return roleSet().contains(role);
    }

    private Set<String> roleSet() {
        if (roles == null) {
            return Set.of();
        }
        return Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty())
                .collect(Collectors.toSet());
    }
}
