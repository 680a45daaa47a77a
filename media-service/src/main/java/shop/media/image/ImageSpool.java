package shop.media.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import shop.kit.problem.Problem;

/**
 * Streams an upload into a bounded temp file while checking it: the first bytes must be an image
 * of the declared type (415 otherwise, before the rest is read), the count must stay within the
 * limit (413 as soon as it is passed, not after the whole body), and the SHA-256 is computed on
 * the way. At most 64 KiB of the body is in memory at any time.
 *
 * <p>Why a temp file and not an S3 multipart upload: S3 learns nothing about an upload until it
 * has passed every check, so a refused upload leaves no object and no unfinished multipart
 * upload behind; the length and SHA-256 are known before the PUT, so the object carries its
 * checksum (S3 verifies it) and its sha256 metadata; and with S3's 5 MiB minimum part size a
 * 10 MiB image would be one or two parts that multipart would hold in memory anyway. The file is
 * bounded by the limit and deleted when the request ends.
 */
public final class ImageSpool {

    private static final int BUFFER = 64 * 1024;

    private ImageSpool() {
    }

    /** An upload that passed every check, spooled to {@code file}; the caller deletes it. */
    public record Spooled(Path file, ImageType type, long size, String sha256) {
    }

    /**
     * @param declared the type the client declared (its {@code Content-Type}); the bytes must agree
     * @param dir where the temp file goes
     * @param maxBytes the size limit
     */
    public static Spooled spool(InputStream body, ImageType declared, Path dir, long maxBytes) {
        Path file = null;
        try {
            byte[] head = new byte[ImageType.SNIFF_BYTES];
            int headLength = readHead(body, head);
            if (headLength == 0) {
                throw Problem.invalid("body", "is empty");
            }
            ImageType sniffed = ImageType.sniff(head, headLength)
                    .orElseThrow(() -> Problem.unsupportedMediaType("the body is not a JPEG, PNG or WebP image"));
            if (sniffed != declared) {
                throw Problem.unsupportedMediaType("the body is " + sniffed.contentType() + ", not " + declared.contentType());
            }
            Files.createDirectories(dir);
            file = Files.createTempFile(dir, "upload-", ".part");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size = headLength;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
                out.write(head, 0, headLength);
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = read(body, buffer)) >= 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw Problem.tooLarge("the image is larger than " + maxBytes + " bytes");
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (size > maxBytes) {
                throw Problem.tooLarge("the image is larger than " + maxBytes + " bytes");
            }
            return new Spooled(file, sniffed, size, HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException e) {
            discard(file);
            throw new UncheckedIOException("cannot spool the upload", e);
        } catch (RuntimeException e) {
            discard(file);
            throw e;
        } catch (NoSuchAlgorithmException e) {
            discard(file);
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static int readHead(InputStream body, byte[] head) {
        try {
            return body.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw Problem.invalid("body", "could not be read to the end");
        }
    }

    /** A failure to read the client's body is the client's (it went away), not a server error. */
    private static int read(InputStream body, byte[] buffer) {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            throw Problem.invalid("body", "could not be read to the end");
        }
    }

    /** Deletes the spooled file, if any; quietly, it is in a temp directory anyway. */
    public static void discard(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the temp directory is cleaned by the OS
        }
    }
}
