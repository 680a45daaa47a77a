package shop.kit.projection;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * {@code keys} in consecutive pages of at most {@code size} (views of the list, in order): what a
     * check reads, or repairs, per request to catalog-service, whose lookups take a bounded number of keys.
     */
    public static <K> List<List<K>> pages(List<K> keys, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("page size " + size);
        }
        List<List<K>> pages = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += size) {
            pages.add(keys.subList(from, Math.min(keys.size(), from + size)));
        }
        return pages;
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
