package shop.media.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import shop.media.MediaConfig;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/** Ready means the media bucket answers: S3 is reachable, the credentials work, the bucket exists. */
@Readiness
@ApplicationScoped
public class MediaBucketReadiness implements HealthCheck {

    public static final String NAME = "S3 media bucket";

    private final S3Client s3;
    private final MediaConfig media;

    MediaBucketReadiness(S3Client s3, MediaConfig media) {
        this.s3 = s3;
        this.media = media;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder check = HealthCheckResponse.named(NAME).withData("bucket", media.bucket());
        try {
            // the timeout covers the SDK's retries too, so an unreachable endpoint answers in time
            s3.headBucket(request -> request.bucket(media.bucket())
                    .overrideConfiguration(call -> call.apiCallTimeout(media.readiness().timeout())));
            return check.up().build();
        } catch (SdkException e) {
            return check.down().withData("reason", String.valueOf(e.getMessage())).build();
        }
    }
}
