package shop.media.image;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import shop.kit.problem.Problem;

/**
 * An image's S3 key, {@code products/<productId>/<uuid>.<ext>}: the only keys media-service
 * writes, so the only ones it serves or deletes. Anything else (another prefix, {@code ..},
 * an absolute path, odd characters) is refused with 400 before S3 is asked.
 */
public record ImageKey(UUID productId, UUID imageId, ImageType type) {

    public static final String PREFIX = "products/";

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern KEY = Pattern.compile(
            "products/(" + UUID_PATTERN + ")/(" + UUID_PATTERN + ")\\.(jpg|png|webp)");

    /** A fresh key for a new image of the product. */
    public static ImageKey fresh(UUID productId, ImageType type) {
        return new ImageKey(productId, UUID.randomUUID(), type);
    }

    /** The key, or 400 naming what is wrong with it. */
    public static ImageKey parse(String key) {
        if (key == null || key.isEmpty()) {
            throw Problem.invalid("key", "is empty");
        }
        if (key.startsWith("/") || key.contains("\\")) {
            throw Problem.invalid("key", "must be relative, not an absolute path");
        }
        if (key.contains("..")) {
            throw Problem.invalid("key", "must not contain '..'");
        }
        if (!key.startsWith(PREFIX)) {
            throw Problem.invalid("key", "must start with " + PREFIX);
        }
        Matcher matcher = KEY.matcher(key);
        if (!matcher.matches()) {
            throw Problem.invalid("key", "must be products/<product uuid>/<uuid>.jpg|png|webp");
        }
        return new ImageKey(UUID.fromString(matcher.group(1)), UUID.fromString(matcher.group(2)),
                ImageType.ofExtension(matcher.group(3)).orElseThrow());
    }

    /** Whether {@code key} is one media-service could have written (for the orphan sweep). */
    public static boolean isImageKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /** The prefix of every image of a product. */
    public static String prefixOf(UUID productId) {
        return PREFIX + productId + "/";
    }

    public String value() {
        return prefixOf(productId) + imageId + "." + type.extension();
    }

    @Override
    public String toString() {
        return value();
    }
}
