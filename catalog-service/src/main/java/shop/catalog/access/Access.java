package shop.catalog.access;

import java.util.UUID;

import shop.kit.problem.Problem;

/**
 * Who may do what (api-contract.md, "Gateway and who may do what"): open reads of products,
 * sign-in for orders and payments (one's own; another's is 404, as if it did not exist), the
 * {@code admin} role for product and image writes and reports.
 */
public final class Access {

    public static final String ADMIN = "admin";

    private Access() {
    }

    /** The caller's id; 401 when nobody is signed in. */
    public static UUID signedIn(Caller caller) {
        return caller.id().orElseThrow(() -> Problem.notSignedIn("sign in first"));
    }

    /** 401 when nobody is signed in, 403 when the caller is not an admin. */
    public static void admin(Caller caller) {
        signedIn(caller);
        if (!caller.hasRole(ADMIN)) {
            throw Problem.forbidden("admins only");
        }
    }

    /** Whether the signed-in caller may see what belongs to {@code owner}. */
    public static boolean mayAct(Caller caller, UUID owner) {
        return caller.hasRole(ADMIN) || signedIn(caller).equals(owner);
    }

    /** 404 (not 403) for another user's things: their existence is not disclosed. */
    public static void owns(Caller caller, UUID owner, String what) {
        if (!mayAct(caller, owner)) {
            throw Problem.notFound(what + " not found");
        }
    }

    /** Acting for another user (placing an order in their name) is for admins only. */
    public static void actsFor(Caller caller, UUID user) {
        if (!mayAct(caller, user)) {
            throw Problem.forbidden("only an admin may act for another user");
        }
    }
}
