package shop.search.access;

import shop.search.problem.Problem;

/** Who may do what (api-contract.md): search is open to anyone; a rebuild is for admins only. */
public final class Access {

    private Access() {
    }

    /** 401 when nobody is signed in, 403 when the caller is not an admin. */
    public static void admin(Caller caller) {
        if (caller.id().isEmpty()) {
            throw Problem.unauthenticated("sign in first");
        }
        if (!caller.hasRole(Caller.ADMIN)) {
            throw Problem.forbidden("admins only");
        }
    }
}
