package shop.kit.problem;

import java.util.Optional;

/**
 * What a service's store says when it fails, in the shop's terms: a bean a service provides when
 * its store's exceptions mean something a client should hear (a unique key violated is 409, a
 * pool exhausted is 503). {@link ProblemMapper} asks every such bean before it calls a failure
 * unexpected. A store that does not answer at all (connection refused, reset, timed out) is 503
 * without one.
 */
public interface StoreErrors {

    /** The problem {@code failure} (or one of its causes) means, or empty when it means nothing known. */
    Optional<Problem> problemFor(Throwable failure);
}
