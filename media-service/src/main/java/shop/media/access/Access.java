package shop.media.access;

import shop.media.problem.Problem;

/**
 * Who may do what (api-contract.md, "Gateway and who may do what"): reading images is open to
 * anyone; image writes (upload, presigned upload, delete) are for the {@code admin} role.
 */
public final class Access {

    public static final String ADMIN = "admin";

    private Access() {
    }

    /** 401 when nobody is signed in, 403 when the caller is not an admin. */
    public static void admin(Caller caller) {
        if (caller.id().isEmpty()) {
            throw Problem.unauthenticated("sign in first");
        }
        if (!caller.hasRole(ADMIN)) {
            throw Problem.forbidden("admins only");
        }
    }
}
