package shop.leaderboard.access;

import java.util.Arrays;

import jakarta.inject.Singleton;

import shop.leaderboard.problem.NotPermitted;
import shop.leaderboard.problem.NotSignedIn;

/**
 * Who may change a leaderboard: only a signed-in {@code admin} (api-contract.md, "who may do
 * what"). Reads are open to anyone and need no check. The identity comes from the gateway,
 * which strips these headers from clients and sets them from the session.
 */
@Singleton
public class WriteAccess {

    public static final String USER_HEADER = "X-User-Id";
    public static final String ROLES_HEADER = "X-User-Roles";
    static final String ADMIN = "admin";

    /** Throws {@link NotSignedIn} without an identity, {@link NotPermitted} for a non-admin. */
    public void requireAdmin(String userId, String roles) {
        if (userId == null || userId.isBlank()) {
            throw new NotSignedIn();
        }
        if (roles == null || Arrays.stream(roles.split("[,\\s]+")).noneMatch(ADMIN::equals)) {
            throw new NotPermitted("only an admin may change a leaderboard");
        }
    }
}
