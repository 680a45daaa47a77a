package shop.session.access;

import shop.kit.problem.Problem;

/**
 * Who may do what, all in one place (api-contract.md, "Gateway and who may do what"):
 * <ul>
 * <li>a user's sessions and notifications: that user or an admin; anyone else signed in gets
 * 404, exactly as for something that does not exist, so ids cannot be probed;</li>
 * <li>flag writes: admins only (403 for other signed-in users);</li>
 * <li>no identity at all: 401.</li>
 * </ul>
 * Open or internal (no check here): creating a session (catalog-service at login, not routed by
 * the gateway), introspection and rate limits (the gateway), reading and evaluating flags.
 */
public final class AccessRules {

    public static final String ADMIN = "admin";

    private AccessRules() {
    }

    /** The owner's own, or an admin's; {@code what} names it in the 404 ("session", ...). */
    public static void requireOwnerOrAdmin(Caller caller, String ownerUserId, String what) {
        requireSignedIn(caller);
        if (!caller.is(ownerUserId) && !caller.hasRole(ADMIN)) {
            throw Problem.notFound("No such " + what);
        }
    }

    public static void requireAdmin(Caller caller) {
        requireSignedIn(caller);
        if (!caller.hasRole(ADMIN)) {
            throw Problem.forbidden("Only an admin may do this");
        }
    }

    public static void requireSignedIn(Caller caller) {
        if (caller == null || !caller.signedIn()) {
            throw Problem.notSignedIn("Sign in first: no X-User-Id from the gateway");
        }
    }
}
