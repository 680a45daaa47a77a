package shop.catalog.access;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Identity first: request filters run before the body is deserialized and validated, so a
 * request without the right identity is 401/403 whatever its body (an invalid body from an
 * anonymous caller is 401, not 400).
 */
public final class IdentityFilters {

    private IdentityFilters() {
    }

    static Caller caller(ContainerRequestContext request) {
        return Caller.of(request.getHeaderString("X-User-Id"), request.getHeaderString("X-User-Roles"));
    }

    @Provider
    @SignedIn
    @Priority(Priorities.AUTHENTICATION)
    public static class SignedInFilter implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            Access.signedIn(caller(request));
        }
    }

    @Provider
    @AdminOnly
    @Priority(Priorities.AUTHORIZATION)
    public static class AdminOnlyFilter implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            Access.admin(caller(request));
        }
    }
}
