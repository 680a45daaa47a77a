package shop.session.flag;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * Whether a flag is on for a user. Disabled → off; a listed user → on; otherwise the user's
 * bucket, a stable hash of (flag name, user id) into 0..9999, is on when below
 * {@code rolloutPercent * 100}. The bucket depends on nothing but those two strings, so a user's
 * answer never flips between calls or instances, and raising the percent only adds users.
 * Hashing the flag name in spreads different flags' 10% over different users.
 */
public final class Rollout {

    public static final int BUCKETS = 10_000;

    private Rollout() {
    }

    public static boolean isOn(boolean enabled, int rolloutPercent, Set<String> users, String flagName, String userId) {
        if (!enabled) {
            return false;
        }
        if (users.contains(userId)) {
            return true;
        }
        return bucket(flagName, userId) < rolloutPercent * (BUCKETS / 100);
    }

    /** SHA-256 of {@code name \0 userId}, the first 8 bytes as an unsigned number, modulo 10,000. */
    static int bucket(String flagName, String userId) {
        byte[] hash = sha256(flagName + '\0' + userId);
        long first8 = 0;
        for (int i = 0; i < 8; i++) {
            first8 = (first8 << 8) | (hash[i] & 0xff);
        }
        return (int) Long.remainderUnsigned(first8, BUCKETS);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
