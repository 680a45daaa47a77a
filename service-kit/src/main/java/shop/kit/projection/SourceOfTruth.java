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
        return read(read, "; nothing was compared to the end, nothing was repaired");
    }

    /**
     * A read of the repair, after the comparison ({@link DriftRepair}): failing, the repair stops with a
     * 503 that says how much of it was done.
     */
    public static <T> T readToRepair(Supplier<T> read) {
        return read(read, "");
    }

    private static <T> T read(Supplier<T> read, String consequence) {
        try {
            return read.get();
        } catch (Problem passOn) {
            throw passOn;
        } catch (RuntimeException unreachable) {
            throw Problem.unavailable("catalog-service, the source of truth, does not answer (" + unreachable.getMessage()
                    + ")" + consequence);
        }
    }
}
