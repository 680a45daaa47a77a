package shop.kit.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import shop.kit.problem.Problem;

class DriftTurnsTest {

    @Test
    void aCheckAskedForWhileAnotherRunsWaitsForItsTurnAndThenRuns() throws Exception {
        DriftTurns turns = new DriftTurns("search", Duration.ofMinutes(1));
        Running scheduled = Running.check(turns, "scheduled");

        CompletableFuture<String> operators = CompletableFuture.supplyAsync(() -> turns.run(() -> "operator's"));
        await().atMost(Duration.ofSeconds(10)).until(turns::anyWaiting);
        assertThat(operators).isNotDone(); // it waits, rather than being turned away with a 409
        scheduled.end();

        assertThat(operators.get(10, TimeUnit.SECONDS)).isEqualTo("operator's");
        assertThat(scheduled.result()).isEqualTo("scheduled");
    }

    @Test
    void aCheckThatOutlastsTheWaitTurnsTheNextAwayWithA409SayingWhy() throws Exception {
        DriftTurns turns = new DriftTurns("feed", Duration.ofMillis(200));
        Running long1 = Running.check(turns, "long");
        try {
            assertThatThrownBy(() -> turns.run(() -> "second")).isInstanceOf(Problem.class)
                    .hasMessageContaining("a drift check of the feed view has been running for longer than 200 ms");
        } finally {
            long1.end();
        }
        assertThat(long1.result()).isEqualTo("long");
        // its turn released: the next runs at once
        assertThat(turns.run(() -> "next")).isEqualTo("next");
    }

    @Test
    void aFailedCheckGivesUpItsTurn() {
        DriftTurns turns = new DriftTurns("search", Duration.ofMillis(100));
        assertThatThrownBy(() -> turns.run(() -> {
            throw new IllegalStateException("catalog is down");
        })).hasMessage("catalog is down");
        assertThat(turns.run(() -> "after")).isEqualTo("after");
    }

    /** A check that has its turn and holds it until {@link #end()}. */
    private record Running(CompletableFuture<String> done, CountDownLatch mayEnd) {

        static Running check(DriftTurns turns, String name) throws InterruptedException {
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch mayEnd = new CountDownLatch(1);
            CompletableFuture<String> done = CompletableFuture.supplyAsync(() -> turns.run(() -> {
                running.countDown();
                hold(mayEnd);
                return name;
            }));
            assertThat(running.await(10, TimeUnit.SECONDS)).as("%s has its turn", name).isTrue();
            return new Running(done, mayEnd);
        }

        void end() {
            mayEnd.countDown();
        }

        String result() throws Exception {
            return done.get(10, TimeUnit.SECONDS);
        }
    }

    private static void hold(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the check end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
