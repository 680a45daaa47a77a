package shop.session.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Session tokens: 256 random bits from {@link SecureRandom}, base64url without padding (43
 * characters). Redis only ever sees {@link #idOf(String) the SHA-256 of a token}: a copy of the
 * database holds no token that would sign anyone in, and a 256-bit random token needs no salt or
 * slow hash (it cannot be guessed, so there is nothing to brute-force).
 */
public final class SessionToken {

    /** What a token looks like; anything else is not one. */
    public static final String SHAPE = "[A-Za-z0-9_-]{43}";

    private static final Pattern SHAPE_PATTERN = Pattern.compile(SHAPE);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private SessionToken() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** The session's id, and the only form in which the token reaches Redis: hex SHA-256. */
    public static String idOf(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static boolean looksValid(String token) {
        return token != null && SHAPE_PATTERN.matcher(token).matches();
    }
}
