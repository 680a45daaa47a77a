package shop.kit.projection;

import java.util.function.Supplier;

import shop.kit.problem.Problem;

/** Reads from catalog-service, the source of truth, for a drift check. */
public final class SourceOfTruth {

    private SourceOfTruth() {
    }

    /**
     * A read of catalog-service (its client retries on its own); failing past that, the check stops:
     * 503 with {@code Retry-After}, and nothing is repaired, since repairs come after the whole comparison.
     */
    public static <T> T read(Supplier<T> read) {
        try {
            return read.get();
        } catch (Problem passOn) {
            throw passOn;
        } catch (RuntimeException unreachable) {
            throw Problem.unavailable("catalog-service, the source of truth, does not answer (" + unreachable.getMessage()
                    + "); nothing was compared to the end, nothing was repaired");
        }
    }
}
