package shop.kit.identity;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Identity from the gateway: it checked the bearer token with session-service, stripped any
 * {@code X-User-Id}/{@code X-User-Roles} a client sent, and set them from the session. This turns
 * them into the request's {@link SecurityIdentity}, so resources say {@code @Authenticated} or
 * {@code @RolesAllowed("admin")}, and Quarkus checks them before the body is read (an anonymous
 * caller learns nothing of what a body would need). No such headers (or a user id that is not a
 * UUID): anonymous. Only the gateway and the services among themselves can reach a service
 * (NetworkPolicy), which is what lets these headers be trusted.
 */
@ApplicationScoped
public class GatewayAuthentication implements HttpAuthenticationMechanism {

    public static final String USER_HEADER = "X-User-Id";
    public static final String ROLES_HEADER = "X-User-Roles";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        Optional<UUID> user = userId(context.request().getHeader(USER_HEADER));
        if (user.isEmpty()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        GatewayIdentityRequest request = new GatewayIdentityRequest(user.get(),
                roles(context.request().getHeader(ROLES_HEADER)));
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        // the gateway asks for a bearer token; a service only ever says "not signed in"
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(GatewayIdentityRequest.class);
    }

    static Optional<UUID> userId(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String id = header.strip();
        try {
            UUID parsed = UUID.fromString(id);
            // UUID.fromString also takes short forms (1-2-3-4-5); only the canonical one names a user
            return parsed.toString().equalsIgnoreCase(id) ? Optional.of(parsed) : Optional.empty();
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    static Set<String> roles(String header) {
        if (header == null) {
            return Set.of();
        }
        return Arrays.stream(header.split("[,\\s]+")).map(String::strip).filter(role -> !role.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
