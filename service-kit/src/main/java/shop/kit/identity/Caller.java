package shop.kit.identity;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;
import shop.kit.problem.Problem;
import shop.kit.problem.ProblemMapper;

/**
 * The signed-in caller of this request, for the rules that depend on whose thing it is (one's own
 * orders, feed, sessions): who it is, and "one's own, or admin" as one check. Which operations need
 * a caller at all, or the admin role, the resources say with {@code @Authenticated} and
 * {@code @RolesAllowed}.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller's user id; empty for an anonymous caller. */
    public Optional<UUID> id() {
        return identity.isAnonymous() ? Optional.empty() : Optional.of(UUID.fromString(identity.getPrincipal().getName()));
    }

    /** The caller's user id; 401 for an anonymous caller. */
    public UUID signedIn() {
        return id().orElseThrow(() -> Problem.notSignedIn(ProblemMapper.SIGN_IN_FIRST));
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /** Whether the caller may see and act on what belongs to {@code owner}: it is theirs, or they are an admin. */
    public boolean mayActFor(UUID owner) {
        return isAdmin() || id().map(owner::equals).orElse(false);
    }

    /**
     * One's own, or admin: 401 when nobody is signed in, and 404 (not 403) for another user's
     * {@code what}, whose existence is not disclosed.
     */
    public void requireOwnOrAdmin(UUID owner, String what) {
        signedIn();
        if (!mayActFor(owner)) {
            throw notFound(what);
        }
    }

    /**
     * The 404 for a {@code what} that does not exist, word for word the one
     * {@link #requireOwnOrAdmin} gives for another user's: a stranger cannot tell the two apart.
     */
    public static Problem notFound(String what) {
        return Problem.notFound(what + " not found");
    }

    /** The headers that pass this caller on to another service, as the gateway passed it here. */
    public String userIdHeader() {
        return id().map(UUID::toString).orElse(null);
    }

    public String rolesHeader() {
        return String.join(",", identity.getRoles());
    }
}
