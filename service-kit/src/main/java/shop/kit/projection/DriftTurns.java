package shop.kit.projection;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import shop.kit.problem.Problem;

/**
 * A view's drift checks take turns: one runs at a time (each reads the whole view and its source),
 * and one asked for while another runs waits for it, first come first served, for up to
 * {@code wait}. The hourly scheduled check must not turn away an operator's check that arrives
 * during it (a 409 for a background job the operator never started); two checks that overlap for
 * longer than the wait still get the 409, with the reason.
 */
final class DriftTurns {

    private final String view;
    private final Duration wait;
    private final Semaphore turn = new Semaphore(1, true);

    DriftTurns(String view, Duration wait) {
        this.view = view;
        this.wait = wait;
    }

    /** Runs {@code check} in its turn; 409 when the check before it is still running after the wait. */
    <T> T run(Supplier<T> check) {
        try {
            if (!turn.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw Problem.conflict("a drift check of the " + view + " view has been running for longer than "
                        + (wait.toMillis() < 1_000 ? wait.toMillis() + " ms" : wait.toSeconds() + " s")
                        + "; try again when it has finished");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw Problem.conflict("a drift check of the " + view + " view is running; try again when it has finished");
        }
        try {
            return check.get();
        } finally {
            turn.release();
        }
    }

    /** Whether a check waits for its turn now (for tests). */
    boolean anyWaiting() {
        return turn.hasQueuedThreads();
    }
}
