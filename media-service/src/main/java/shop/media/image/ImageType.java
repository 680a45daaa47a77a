package shop.media.image;

import java.util.Arrays;
import java.util.Optional;

/**
 * The image types the shop serves, recognised by their bytes (magic numbers), never by a header
 * or a file name: a text file named {@code .png} is not a PNG.
 */
public enum ImageType {

    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp");

    /** Enough bytes to tell every type apart: WebP needs 12 ({@code RIFF....WEBP}). */
    public static final int SNIFF_BYTES = 12;

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final String contentType;
    private final String extension;

    ImageType(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** The type the first {@code length} bytes of {@code head} announce, if any. */
    public static Optional<ImageType> sniff(byte[] head, int length) {
        if (length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (length >= PNG_MAGIC.length && Arrays.equals(head, 0, PNG_MAGIC.length, PNG_MAGIC, 0, PNG_MAGIC.length)) {
            return Optional.of(PNG);
        }
        if (length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /** The type a {@code Content-Type} names ({@code image/png; charset=...} included), if it is one of ours. */
    public static Optional<ImageType> ofContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String bare = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.contentType.equals(bare)).findFirst();
    }

    /** The type of a key's extension ({@code products/<id>/<uuid>.png}). */
    public static Optional<ImageType> ofExtension(String extension) {
        return Arrays.stream(values()).filter(type -> type.extension.equals(extension)).findFirst();
    }
}
