package shop.kit.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a drift check found when it compared a derived view with PostgreSQL (through
 * catalog-service): {@code missing} (the source has it, the view does not), {@code stale} (the view
 * holds another version), {@code extra} (the view has what the source does not), how many of those
 * a repair fixed, and the ids of each kind (the first {@value #MAX_IDS}).
 */
public record DriftReport(String view, boolean repair, long checked, int missing, int stale, int extra, int repaired,
        long tookMs, Ids ids, Instant checkedAt) {

    public static final int MAX_IDS = 100;

    public record Ids(List<String> missing, List<String> stale, List<String> extra) {
    }

    /** No drift: the view and the source agree. */
    public boolean clean() {
        return missing == 0 && stale == 0 && extra == 0;
    }

    /** Collects a check's findings, keeping the first ids of each kind. */
    public static final class Findings {
        private long checked;
        private int missing;
        private int stale;
        private int extra;
        private int repaired;
        private final List<String> missingIds = new ArrayList<>();
        private final List<String> staleIds = new ArrayList<>();
        private final List<String> extraIds = new ArrayList<>();
        private final long startedNanos = System.nanoTime();

        public void checked(long n) {
            checked += n;
        }

        public void missing(String id) {
            missing++;
            keep(missingIds, id);
        }

        public void stale(String id) {
            stale++;
            keep(staleIds, id);
        }

        public void extra(String id) {
            extra++;
            keep(extraIds, id);
        }

        public void repaired(int n) {
            repaired += n;
        }

        public DriftReport report(String view, boolean repair) {
            return new DriftReport(view, repair, checked, missing, stale, extra, repaired,
                    (System.nanoTime() - startedNanos) / 1_000_000, new Ids(List.copyOf(missingIds), List.copyOf(staleIds),
                            List.copyOf(extraIds)), Instant.now());
        }

        private static void keep(List<String> ids, String id) {
            if (ids.size() < MAX_IDS) {
                ids.add(id);
            }
        }
    }
}
