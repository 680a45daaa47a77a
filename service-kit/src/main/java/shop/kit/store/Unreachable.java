package shop.kit.store;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import io.vertx.core.http.ConnectionPoolTooBusyException;

/**
 * Tells a store or service that did not answer from one that answered "no". Two questions, each a
 * {@link Predicate} so that SmallRye Fault Tolerance's {@code @RetryWhen(exception = ...)} can use it.
 */
public final class Unreachable {

    private Unreachable() {
    }

    /**
     * The request never left: the connection was refused. Safe to retry even a write that is not
     * idempotent.
     */
    public static final class ConnectionRefused implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            return refused(failure);
        }
    }

    public static boolean refused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The other side did not answer: refused, reset, closed, timed out, or every pooled connection
     * busy. An outage or overload (503), not a bug.
     */
    public static boolean unanswered(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof ConnectException || cause instanceof SocketException
                    || cause instanceof SocketTimeoutException
                    || cause instanceof ClosedChannelException || cause instanceof TimeoutException
                    || cause instanceof io.smallrye.mutiny.TimeoutException
                    || cause instanceof ConnectionPoolTooBusyException
                    // Vert.x's own timeouts (an impl class: the name is all there is to go by)
                    || cause.getClass().getName().equals("io.vertx.core.impl.NoStackTraceTimeoutException")
                    || (cause instanceof IOException && cause.getClass().getName().startsWith("io.netty"))) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
