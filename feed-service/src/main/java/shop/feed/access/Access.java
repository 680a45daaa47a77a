package shop.feed.access;

import java.util.UUID;

import shop.feed.problem.Problem;

/**
 * Who may do what (api-contract.md, "Gateway and who may do what"): a signed-in customer reads
 * and writes their own feed; an admin any feed.
 */
public final class Access {

    public static final String ADMIN = "admin";

    private Access() {
    }

    /**
     * The feed named by the path, when the caller may use it: 401 when nobody is signed in, 400
     * when the id is not a UUID, 404 (not 403) for another user's feed, whose existence is not
     * disclosed.
     */
    public static UUID feedOf(Caller caller, String userId) {
        UUID me = caller.id().orElseThrow(() -> Problem.unauthenticated("sign in first"));
        UUID owner;
        try {
            owner = UUID.fromString(userId);
        } catch (IllegalArgumentException notAUuid) {
            throw Problem.badRequest("userId", "must be a UUID");
        }
        // UUID.fromString also takes short forms (1-2-3-4-5); only the canonical one names a feed
        if (!owner.toString().equalsIgnoreCase(userId)) {
            throw Problem.badRequest("userId", "must be a UUID");
        }
        if (!caller.hasRole(ADMIN) && !me.equals(owner)) {
            throw Problem.notFound("feed not found");
        }
        return owner;
    }
}
