package shop.kit.identity;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Turns the gateway's word into a {@link SecurityIdentity}: the principal's name is the user id. */
@ApplicationScoped
public class GatewayIdentityProvider implements IdentityProvider<GatewayIdentityRequest> {

    @Override
    public Class<GatewayIdentityRequest> getRequestType() {
        return GatewayIdentityRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(GatewayIdentityRequest request, AuthenticationRequestContext context) {
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(request.userId().toString()))
                .addRoles(request.roles())
                .build());
    }
}
