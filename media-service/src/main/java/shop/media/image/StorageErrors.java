package shop.media.image;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import shop.kit.problem.Problem;
import shop.kit.problem.StoreErrors;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * S3 unreachable, or answering with an error media-service did not expect: the store is the
 * problem, and a client should come back (503 with Retry-After), not report a bug.
 */
@ApplicationScoped
public class StorageErrors implements StoreErrors {

    @Override
    public Optional<Problem> problemFor(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SdkException) {
                return Optional.of(Problem.unavailable("image storage is unavailable; retry shortly"));
            }
        }
        return Optional.empty();
    }
}
