package shop.kit.redis;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;
import shop.kit.problem.Problem;

/**
 * Tells "Redis did not answer" from "Redis answered no". A call is bounded by a timeout; a Redis
 * that does not answer (refused, reset, closed, pool exhausted, timed out) becomes 503 with
 * {@code Retry-After}, so a caller never mistakes "could not check" for an answer (a session never
 * fails open). An error reply stays as it is: Redis answered, so it is a bug here (500), not an outage.
 */
public final class RedisAnswers {

    private static final Logger LOG = Logger.getLogger(RedisAnswers.class);

    private RedisAnswers() {
    }

    public static <T> Uni<T> bounded(Uni<T> call, Duration timeout) {
        return call.ifNoItem().after(timeout).failWith(TimeoutException::new)
                .onFailure(failure -> LuaScript.errorReply(failure).isEmpty() && !(failure instanceof Problem))
                .transform(failure -> {
                    LOG.warnf("Redis did not answer: %s", failure.toString());
                    return Problem.unavailable("Redis does not answer right now; retry shortly");
                });
    }
}
