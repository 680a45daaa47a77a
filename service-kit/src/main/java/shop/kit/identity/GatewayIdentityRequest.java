package shop.kit.identity;

import java.util.Set;
import java.util.UUID;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** Who the gateway says is calling: the user id and roles it took from the session. */
public class GatewayIdentityRequest extends BaseAuthenticationRequest {

    private final UUID userId;
    private final Set<String> roles;

    public GatewayIdentityRequest(UUID userId, Set<String> roles) {
        this.userId = userId;
        this.roles = Set.copyOf(roles);
    }

    public UUID userId() {
        return userId;
    }

    public Set<String> roles() {
        return roles;
    }
}
