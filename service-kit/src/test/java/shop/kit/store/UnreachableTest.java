package shop.kit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

/** "Never left" versus "no answer" versus "answered no", as retries and 503s depend on it. */
class UnreachableTest {

    @Test
    void aRefusedConnectionAnywhereAmongTheCausesNeverLeft() {
        Throwable wrapped = new IllegalStateException("call failed",
                new UncheckedIOException(new ConnectException("Connection refused")));
        assertThat(Unreachable.refused(wrapped)).isTrue();
        assertThat(new Unreachable.ConnectionRefused().test(wrapped)).isTrue();
        assertThat(Unreachable.unanswered(wrapped)).isTrue();
    }

    @Test
    void aTimeoutWasNoAnswerButTheRequestMayHaveArrived() {
        Throwable timedOut = new RuntimeException(new SocketTimeoutException("Read timed out"));
        assertThat(Unreachable.unanswered(timedOut)).isTrue();
        assertThat(Unreachable.refused(timedOut)).as("not safe to retry a write").isFalse();
        assertThat(Unreachable.unanswered(new TimeoutException())).isTrue();
        assertThat(Unreachable.unanswered(new io.smallrye.mutiny.TimeoutException())).isTrue();
    }

    @Test
    void anAnswerIsNeitherEvenAWrongOne() {
        Throwable bug = new IllegalArgumentException("no such column");
        assertThat(Unreachable.refused(bug)).isFalse();
        assertThat(Unreachable.unanswered(bug)).isFalse();
        assertThat(Unreachable.unanswered(null)).isFalse();
    }
}
