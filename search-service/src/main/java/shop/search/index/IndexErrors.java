package shop.search.index;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import shop.kit.problem.Problem;
import shop.kit.problem.StoreErrors;

/** Elasticsearch unreachable or overloaded: 503 with Retry-After, come back shortly. */
@ApplicationScoped
public class IndexErrors implements StoreErrors {

    @Override
    public Optional<Problem> problemFor(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IndexUnavailable) {
                return Optional.of(Problem.unavailable("the search index cannot be reached; retry shortly"));
            }
        }
        return Optional.empty();
    }
}
