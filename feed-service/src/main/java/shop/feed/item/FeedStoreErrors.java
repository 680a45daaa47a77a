package shop.feed.item;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import shop.kit.problem.Problem;
import shop.kit.problem.StoreErrors;

/** DynamoDB that does not answer, throttles or fails on its side: 503 with Retry-After, come back shortly. */
@ApplicationScoped
public class FeedStoreErrors implements StoreErrors {

    @Override
    public Optional<Problem> problemFor(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof FeedStoreUnavailable) {
                return Optional.of(Problem.unavailable("the feed store does not answer right now; retry shortly"));
            }
        }
        return Optional.empty();
    }
}
