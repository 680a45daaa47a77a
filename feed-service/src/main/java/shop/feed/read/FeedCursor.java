package shop.feed.read;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import shop.feed.item.FeedKeys;

/**
 * The paging cursor: {@code base64url(sortKey) "." base64url(HMAC-SHA256(secret, userId, sortKey))}.
 * Opaque to clients and URL-safe. The signature covers the user id, so a cursor taken from one
 * feed is refused on another and can never start a read in someone else's partition; the sort key
 * is the only state, so any replica sharing the secret can continue a page.
 */
public final class FeedCursor {

    static final int MIN_SECRET_LENGTH = 16;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    // a cursor is a base64 sort key (~70 characters) and a 43-character signature
    private static final int MAX_LENGTH = 256;

    private final SecretKeySpec key;

    public FeedCursor(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("feed.cursor.secret must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The cursor that continues {@code userId}'s feed after the item with {@code sortKey}. */
    public String issue(UUID userId, String sortKey) {
        return ENCODER.encodeToString(sortKey.getBytes(StandardCharsets.UTF_8)) + "." + ENCODER.encodeToString(
                sign(userId, sortKey));
    }

    /** The sort key a cursor issued for this user carries; empty when it is malformed, forged or another's. */
    public Optional<String> open(UUID userId, String cursor) {
        if (cursor == null || cursor.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = cursor.indexOf('.');
        if (dot <= 0 || dot != cursor.lastIndexOf('.')) {
            return Optional.empty();
        }
        String sortKey;
        byte[] signature;
        try {
            sortKey = new String(DECODER.decode(cursor.substring(0, dot)), StandardCharsets.UTF_8);
            signature = DECODER.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        // constant time: a forger learns nothing from how long a wrong guess took
        if (!MessageDigest.isEqual(signature, sign(userId, sortKey)) || !FeedKeys.isSortKey(sortKey)) {
            return Optional.empty();
        }
        return Optional.of(sortKey);
    }

    private byte[] sign(UUID userId, String sortKey) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            // versioned and separated, so no other message this key might sign reads as a cursor
            return mac.doFinal(("feed-cursor/v1\n" + userId + "\n" + sortKey).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
