package shop.media.image;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import shop.media.MediaConfig;
import shop.kit.problem.Problem;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * The media bucket, and nothing else: image objects under {@code products/}, presigned uploads
 * and their state under {@code uploads/}. Every image is stored immutable (a new image gets a
 * new key), so it may be cached for a year.
 */
@ApplicationScoped
public class ImageStore {

    public static final String CACHE_CONTROL = "public, max-age=31536000, immutable";
    public static final String SHA256 = "sha256";

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public ImageStore(S3Client s3, S3Presigner presigner, MediaConfig media) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = media.bucket();
    }

    /** An object's bytes, streamed from S3, with what a response needs to describe them. */
    public record Opened(InputStream body, String contentType, long contentLength, String eTag, String cacheControl,
            String contentRange) {
    }

    /** The result of a conditional read. */
    public sealed interface Read permits Found, NotModified {
    }

    public record Found(Opened object) implements Read {
    }

    public record NotModified(String eTag) implements Read {
    }

    /** Stores a checked image: its type, the cache header and its SHA-256 (as metadata and as S3's checksum). */
    public void put(ImageKey key, Path file, ImageType type, long size, String sha256) {
        s3.putObject(request -> request.bucket(bucket).key(key.value())
                .contentType(type.contentType())
                .contentLength(size)
                .cacheControl(CACHE_CONTROL)
                .metadata(Map.of(SHA256, sha256))
                .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                .checksumSHA256(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256))),
                RequestBody.fromFile(file));
    }

    /**
     * Reads an object, streamed. {@code ifNoneMatch} and {@code range} go to S3 as they came:
     * S3 answers 304 and 206 itself. 404 when there is no such object.
     */
    public Read read(String key, String ifNoneMatch, String range) {
        ResponseInputStream<GetObjectResponse> stream;
        try {
            stream = s3.getObject(request -> request.bucket(bucket).key(key).ifNoneMatch(ifNoneMatch).range(range));
        } catch (NoSuchKeyException missing) {
            throw Problem.notFound("image not found");
        } catch (S3Exception answer) {
            if (answer.statusCode() == 304) {
                String eTag = answer.awsErrorDetails() == null ? ifNoneMatch
                        : answer.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("ETag").orElse(ifNoneMatch);
                return new NotModified(eTag);
            }
            if (answer.statusCode() == 404) {
                throw Problem.notFound("image not found");
            }
            if (answer.statusCode() == 416) {
                throw Problem.rangeNotSatisfiable("the range is outside the image");
            }
            throw answer;
        }
        GetObjectResponse object = stream.response();
        return new Found(new Opened(stream, object.contentType(), object.contentLength(), object.eTag(),
                object.cacheControl() == null ? CACHE_CONTROL : object.cacheControl(), object.contentRange()));
    }

    /** Streams a whole object. */
    public ResponseInputStream<GetObjectResponse> open(String key) {
        return s3.getObject(request -> request.bucket(bucket).key(key));
    }

    /** The object's metadata, or empty when there is none. */
    public Optional<HeadObjectResponse> stat(String key) {
        try {
            return Optional.of(s3.headObject(request -> request.bucket(bucket).key(key)));
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        } catch (S3Exception answer) {
            if (answer.statusCode() == 404) {
                return Optional.empty();
            }
            throw answer;
        }
    }

    /** Deletes an object; deleting one that is not there is fine (S3 answers 204 either way). */
    public void delete(String key) {
        s3.deleteObject(request -> request.bucket(bucket).key(key));
    }

    /** Every object under {@code prefix}, page by page as S3 lists them. */
    public Stream<S3Object> list(String prefix) {
        return s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents().stream();
    }

    /** A small UTF-8 JSON document (an upload's state). */
    public void putJson(String key, String json) {
        s3.putObject(request -> request.bucket(bucket).key(key).contentType("application/json"),
                RequestBody.fromString(json));
    }

    /** A small JSON document, or empty when there is none. */
    public Optional<String> getJson(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asUtf8String());
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        }
    }

    /** A URL that lets its holder PUT exactly this object (type and length signed in) until it expires. */
    public PresignedPutObjectRequest presignPut(String key, String contentType, long size, Duration expiry) {
        return presigner.presignPutObject(presign -> presign.signatureDuration(expiry)
                .putObjectRequest(put -> put.bucket(bucket).key(key).contentType(contentType).contentLength(size)));
    }
}
